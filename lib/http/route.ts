import type { z } from 'zod';
import { errorBody } from '@/lib/api/error';
import { ConfigError } from '@/lib/config';
import { GraphiteError } from '@/lib/graphite/errors';
import { RecordsUnavailableError } from '@/lib/records/records-unavailable';

/**
 * `route`, the one wrapper every API route handler goes through, and so the one place where a
 * request is checked (the deploy token today; login and permissions next), parsed (path, query,
 * body, each with its zod schema) and answered: a result as JSON, every failure in the one error
 * body of lib/api/error.ts. 4xx messages name the field and the problem; 5xx messages never carry
 * internals.
 */

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra answer headers, e.g. Retry-After on a 503. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export type RouteOptions = {
  /** Field a Graphite 400 is about (e.g. `target`), so its message names the field. */
  graphiteField?: string;
};

const NO_STORE = { 'cache-control': 'no-store' };

export function errorResponse(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json(errorBody(code, message), { status, headers: { ...NO_STORE, ...headers } });
}

/** How long a client should wait before asking again when Graphite is saturated. */
export const BUSY_RETRY_AFTER_S = 5;

export function jsonResponse(data: unknown, init: ResponseInit = {}): Response {
  return Response.json(data, { ...init, headers: { ...NO_STORE, ...init.headers } });
}

/** A JSON body that is already encoded (e.g. a cached render), sent as is. */
export function rawJsonResponse(json: string | Uint8Array<ArrayBuffer>, init: ResponseInit = {}): Response {
  return new Response(json, {
    ...init,
    headers: { 'content-type': 'application/json', ...NO_STORE, ...init.headers },
  });
}

/** Query string as an object; a key given several times becomes an array (e.g. `target`). */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`)).join('');
}

export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => (issue.path.length > 0 ? `${issuePath(issue.path)}: ${issue.message}` : issue.message)).join('; ');
}

/** Maps anything thrown by a handler to the public error; only ApiError and GraphiteError say more than "internal". */
export function toApiError(error: unknown, options: RouteOptions = {}): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof GraphiteError) {
    switch (error.kind) {
      case 'unreachable':
        return new ApiError(502, 'graphite_unreachable', 'Graphite is unreachable');
      case 'timeout':
        return new ApiError(504, 'graphite_timeout', 'Graphite did not answer in time');
      case 'bad_request': {
        const field = options.graphiteField ? `${options.graphiteField}: ` : '';
        return new ApiError(400, 'graphite_rejected', `${field}rejected by Graphite: ${error.reason ?? 'no reason given'}`);
      }
      case 'busy':
        return new ApiError(503, 'graphite_busy', 'Graphite is busy with other renders; try again shortly', {
          'retry-after': String(BUSY_RETRY_AFTER_S),
        });
      case 'upstream':
        return new ApiError(502, 'graphite_error', 'Graphite failed to answer');
    }
  }
  if (error instanceof RecordsUnavailableError) {
    return new ApiError(503, 'records_unavailable', "hubwatch's records database is not answering; see /api/health");
  }
  if (error instanceof ConfigError) {
    return new ApiError(500, 'config_error', 'the server configuration is invalid; see the server log');
  }
  return new ApiError(500, 'internal_error', 'internal error');
}

/** Runs `run`, answering its result as JSON (or as is, when it is a Response) and any failure in the one error shape. */
async function respond(request: Request, run: () => Promise<unknown>, options: RouteOptions): Promise<Response> {
  try {
    const result = await run();
    return result instanceof Response ? result : jsonResponse(result);
  } catch (error) {
    const apiError = toApiError(error, options);
    // Only the unexpected is logged with its details; Graphite outages are visible in /api/health.
    if (apiError.status === 500) console.error(`[api] ${new URL(request.url).pathname}:`, error);
    return errorResponse(apiError.status, apiError.code, apiError.message, apiError.headers);
  }
}

function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError(400, 'bad_request', formatIssues(parsed.error.issues));
  return parsed.data;
}

/** Next's second argument to a route handler; `params` holds the dynamic segments (`[id]`). */
export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type RouteParts = {
  /**
   * Runs first, before anything is read (the deploy token today; login and permissions next):
   * throws an ApiError (401, 403) to refuse.
   */
  guard?: (request: Request) => void | Promise<void>;
  /** The path's dynamic segments (`[id]`). */
  params?: z.ZodType;
  /** The query string (a key given several times is an array). */
  query?: z.ZodType;
  /** Where `query` is read from: the query string (default), or it followed by a form body (form-body.ts). */
  queryFrom?: (request: Request) => Promise<URLSearchParams>;
  /** The request body, read as JSON. */
  body?: z.ZodType;
};

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
export type RouteInput<P extends RouteParts> = { params: Parsed<P['params']>; query: Parsed<P['query']>; body: Parsed<P['body']> };

export const MAX_BODY_BYTES = 16 * 1024;

async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new ApiError(400, 'bad_request', `body: larger than the limit of ${MAX_BODY_BYTES} bytes`);
  }
  if (text.trim() === '') throw new ApiError(400, 'bad_request', 'body: required (a JSON object)');
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'bad_request', 'body: not valid JSON');
  }
}

const fromQueryString = async (request: Request) => new URL(request.url).searchParams;

/**
 * A route handler: guard, then params, query and body, each validated by its schema, then the
 * handler; its result is answered as JSON (or as is, when it is a Response). Nothing is done when
 * any step refuses.
 */
export function route<P extends RouteParts>(
  parts: P,
  handler: (input: RouteInput<P>, request: Request) => Promise<unknown> | unknown,
  options: RouteOptions = {},
): (request: Request, context?: RouteContext) => Promise<Response> {
  return (request, context) =>
    respond(
      request,
      async () => {
        await parts.guard?.(request);
        const params = parts.params === undefined ? undefined : parseOr400(parts.params, (await context?.params) ?? {});
        const query =
          parts.query === undefined ? undefined : parseOr400(parts.query, queryObject(await (parts.queryFrom ?? fromQueryString)(request)));
        const body = parts.body === undefined ? undefined : parseOr400(parts.body, await readJsonBody(request));
        // The casts only restate what each branch just produced for the schema (or its absence).
        return handler({ params, query, body } as RouteInput<P>, request);
      },
      options,
    );
}
