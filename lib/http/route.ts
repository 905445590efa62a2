import type { z } from 'zod';
import { ConfigError } from '@/lib/config';
import { GraphiteError } from '@/lib/graphite/errors';

/**
 * The one wrapper every API route handler goes through: parse the query string with a zod schema,
 * run the handler, and shape every failure as `{"error": {"code": "...", "message": "..."}}`.
 * 4xx messages name the field and the problem; 5xx messages never carry internals.
 */

export type ErrorBody = { error: { code: string; message: string } };

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type HandleOptions = {
  /** Field a Graphite 400 is about (e.g. `target`), so its message names the field. */
  graphiteField?: string;
};

const NO_STORE = { 'cache-control': 'no-store' };

export function errorResponse(status: number, code: string, message: string): Response {
  const body: ErrorBody = { error: { code, message } };
  return Response.json(body, { status, headers: NO_STORE });
}

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
export function toApiError(error: unknown, options: HandleOptions = {}): ApiError {
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
      case 'upstream':
        return new ApiError(502, 'graphite_error', 'Graphite failed to answer');
    }
  }
  if (error instanceof ConfigError) {
    return new ApiError(500, 'config_error', 'the server configuration is invalid; see the server log');
  }
  return new ApiError(500, 'internal_error', 'internal error');
}

export function handle<S extends z.ZodType>(
  schema: S,
  handler: (input: z.output<S>, request: Request) => Promise<unknown> | unknown,
  options: HandleOptions = {},
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const parsed = schema.safeParse(queryObject(new URL(request.url).searchParams));
      if (!parsed.success) return errorResponse(400, 'bad_request', formatIssues(parsed.error.issues));
      const result = await handler(parsed.data, request);
      return result instanceof Response ? result : jsonResponse(result);
    } catch (error) {
      const apiError = toApiError(error, options);
      // Only the unexpected is logged with its details; Graphite outages are visible in /api/health.
      if (apiError.status === 500) console.error(`[api] ${new URL(request.url).pathname}:`, error);
      return errorResponse(apiError.status, apiError.code, apiError.message);
    }
  };
}
