import { getConfig } from '@/lib/config';
import type { GraphiteFunction } from '@/lib/explore/graphite-functions';
import { normaliseTime } from '@/lib/time-range';
import { GraphiteError } from './errors';
import { lastSegmentMatcher } from './find-filter';
import { parseFunctionList } from './functions';
import { httpCall, type RawResponse, ResponseTooLarge } from './http-call';
import { eventsResponseSchema, findResponseSchema, renderResponseSchema } from './schemas';
import type { CallOptions, EventsQuery, FindNode, GraphiteEvent, RenderQuery, Series } from './types';

export type { GraphiteErrorKind } from './errors';
export { GraphiteError, isGraphiteError } from './errors';
export type * from './types';

/**
 * The one server-side client of graphite-web. Nothing else in the app talks to Graphite.
 * Only the paths below are ever requested, always relative to the configured base URL;
 * request data only ever goes into the query string or a form body, never into the path.
 */
const PATHS = {
  render: 'render',
  find: 'metrics/find',
  events: 'events/get_data',
  functions: 'functions',
} as const;

type GraphitePath = keyof typeof PATHS;

export type RenderResult = {
  series: Series[];
  /** graphite-web's own JSON text, verified against the schema (keeps Infinity as 1e9999). */
  json: string;
};

export type GraphiteClient = {
  render(query: RenderQuery, options?: CallOptions): Promise<Series[]>;
  /** `render` plus the verified JSON text, so the proxy can pass it on without re-encoding. */
  renderWithJson(query: RenderQuery, options?: CallOptions): Promise<RenderResult>;
  find(query: string, options?: CallOptions): Promise<FindNode[]>;
  events(query: EventsQuery, options?: CallOptions): Promise<GraphiteEvent[]>;
  /** graphite-web's render functions with their parameters (for the target editor). */
  functions(options?: CallOptions): Promise<GraphiteFunction[]>;
};

export type ClientSettings = { baseUrl: string; timeoutMs: number; maxResponseBytes?: number };

const REASON_MAX = 300;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** Graphite's 400 body as one short line (it is plain text, or HTML from Django's error pages). */
function reasonFrom(body: string): string {
  const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > REASON_MAX ? `${text.slice(0, REASON_MAX)}…` : text || 'no reason given';
}

function classifyFailure(error: unknown, what: string, timeoutMs: number, timedOut: boolean): GraphiteError {
  if (timedOut) {
    return new GraphiteError('timeout', `Graphite did not answer the ${what} within ${timeoutMs} ms`, { cause: error });
  }
  if (error instanceof ResponseTooLarge) {
    return new GraphiteError('upstream', `Graphite's answer to the ${what} is too large`, { cause: error });
  }
  return new GraphiteError('unreachable', `Graphite could not be reached for the ${what}`, { cause: error });
}

export function endpointUrl(baseUrl: string, path: GraphitePath): URL {
  return new URL(PATHS[path], baseUrl);
}

export function createGraphiteClient(settings: ClientSettings): GraphiteClient {
  const maxBytes = settings.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  /** Sends one request; resolves with the body text of a 2xx answer. */
  async function call(path: GraphitePath, params: URLSearchParams, options: CallOptions | undefined): Promise<string> {
    const timeoutMs = options?.timeoutMs ?? settings.timeoutMs;
    const url = endpointUrl(settings.baseUrl, path);
    // Renders go as a form POST: many long targets would overflow gunicorn's 4 KB request line.
    const post = path === 'render';
    if (!post) url.search = params.toString();
    const signal = AbortSignal.timeout(timeoutMs);
    let answer: RawResponse;
    try {
      answer = await httpCall(url, {
        method: post ? 'POST' : 'GET',
        form: post ? params.toString() : undefined,
        headers: { accept: 'application/json', 'user-agent': 'hubwatch-proxy' },
        signal,
        maxBytes,
      });
    } catch (error) {
      throw classifyFailure(error, path, timeoutMs, signal.aborted);
    }
    const { status, body } = answer;
    if (status === 400) {
      throw new GraphiteError('bad_request', `Graphite rejected the ${path}`, { status, reason: reasonFrom(body) });
    }
    if (status < 200 || status > 299) {
      throw new GraphiteError('upstream', `Graphite answered HTTP ${status} to the ${path}`, { status });
    }
    return body;
  }

  function parseJson(body: string, what: string): unknown {
    try {
      return JSON.parse(body);
    } catch (error) {
      throw new GraphiteError('upstream', `Graphite answered the ${what} with something that is not JSON`, { cause: error });
    }
  }

  function shapeError(what: string, cause: unknown): GraphiteError {
    return new GraphiteError('upstream', `Graphite's ${what} answer has an unexpected shape`, { cause });
  }

  async function renderWithJson(query: RenderQuery, options?: CallOptions): Promise<RenderResult> {
    const params = new URLSearchParams();
    for (const target of query.targets) params.append('target', target);
    params.set('from', normaliseTime(query.from));
    params.set('until', normaliseTime(query.until));
    params.set('format', 'json');
    if (query.maxDataPoints !== undefined) params.set('maxDataPoints', String(query.maxDataPoints));
    const json = await call('render', params, options);
    const parsed = renderResponseSchema.safeParse(parseJson(json, 'render'));
    if (!parsed.success) throw shapeError('render', parsed.error);
    return { series: parsed.data, json };
  }

  return {
    renderWithJson,

    async render(query, options) {
      return (await renderWithJson(query, options)).series;
    },

    async find(query, options) {
      // completer gives each node's real path; treejson echoes wildcards in `id` (API-SHAPES.md).
      const params = new URLSearchParams({ query, format: 'completer' });
      const parsed = findResponseSchema.safeParse(parseJson(await call('find', params, options), 'find'));
      if (!parsed.success) throw shapeError('find', parsed.error);
      const matches = lastSegmentMatcher(query);
      return parsed.data.filter((node) => matches(node.name));
    },

    async events(query, options) {
      const params = new URLSearchParams({ from: normaliseTime(query.from), until: normaliseTime(query.until) });
      // get_data matches events having ALL the space-separated tags.
      if (query.tags.length > 0) params.set('tags', query.tags.join(' '));
      const parsed = eventsResponseSchema.safeParse(parseJson(await call('events', params, options), 'events'));
      if (!parsed.success) throw shapeError('events', parsed.error);
      // django-tagging drops tags that no event has ever used before intersecting, so
      // `tags=deploy nosuchtag` would return every deploy event: enforce ALL here.
      return parsed.data.filter((event) => query.tags.every((tag) => event.tags.includes(tag)));
    },

    async functions(options) {
      return parseFunctionList(await call('functions', new URLSearchParams(), options));
    },
  };
}

let shared: GraphiteClient | undefined;

/** The app-wide client, configured from `getConfig()`. */
export function getGraphiteClient(): GraphiteClient {
  if (shared === undefined) {
    const config = getConfig();
    shared = createGraphiteClient({ baseUrl: config.graphiteUrl, timeoutMs: config.graphiteTimeoutMs });
  }
  return shared;
}
