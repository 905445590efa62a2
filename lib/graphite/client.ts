import { getConfig } from '@/lib/config';
import { normaliseTime } from '@/lib/time-range';
import { GraphiteError } from './errors';
import { lastSegmentMatcher } from './find-filter';
import { eventsResponseSchema, findResponseSchema, renderResponseSchema } from './schemas';
import type { CallOptions, EventsQuery, FindNode, GraphiteEvent, RenderQuery, Series } from './types';

export type { GraphiteErrorKind } from './errors';
export { GraphiteError, isGraphiteError } from './errors';
export type * from './types';

/**
 * The one server-side client of graphite-web. Nothing else in the app talks to Graphite.
 * Only the three paths below are ever requested, always relative to the configured base URL;
 * request data only ever goes into the query string or a form body, never into the path.
 */
const PATHS = {
  render: 'render',
  find: 'metrics/find',
  events: 'events/get_data',
} as const;

type GraphitePath = keyof typeof PATHS;

export type GraphiteClient = {
  render(query: RenderQuery, options?: CallOptions): Promise<Series[]>;
  find(query: string, options?: CallOptions): Promise<FindNode[]>;
  events(query: EventsQuery, options?: CallOptions): Promise<GraphiteEvent[]>;
};

export type ClientSettings = { baseUrl: string; timeoutMs: number };

const REASON_MAX = 300;

/** Graphite's 400 body as one short line (it is plain text, or HTML from Django's error pages). */
function reasonFrom(body: string): string {
  const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > REASON_MAX ? `${text.slice(0, REASON_MAX)}…` : text || 'no reason given';
}

function classifyFailure(error: unknown, what: string, timeoutMs: number): GraphiteError {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new GraphiteError('timeout', `Graphite did not answer the ${what} within ${timeoutMs} ms`, { cause: error });
  }
  return new GraphiteError('unreachable', `Graphite could not be reached for the ${what}`, { cause: error });
}

export function endpointUrl(baseUrl: string, path: GraphitePath): URL {
  return new URL(PATHS[path], baseUrl);
}

export function createGraphiteClient(settings: ClientSettings): GraphiteClient {
  async function call(path: GraphitePath, params: URLSearchParams, options: CallOptions | undefined): Promise<unknown> {
    const timeoutMs = options?.timeoutMs ?? settings.timeoutMs;
    const url = endpointUrl(settings.baseUrl, path);
    // Renders go as a form POST: many long targets would overflow gunicorn's 4 KB request line.
    const post = path === 'render';
    if (!post) url.search = params.toString();
    const what = path;
    let status: number;
    let body: string;
    try {
      const response = await fetch(url, {
        method: post ? 'POST' : 'GET',
        body: post ? params : undefined,
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
        cache: 'no-store',
      });
      status = response.status;
      body = await response.text();
    } catch (error) {
      throw classifyFailure(error, what, timeoutMs);
    }
    if (status === 400) {
      throw new GraphiteError('bad_request', `Graphite rejected the ${what}`, { status, reason: reasonFrom(body) });
    }
    if (status < 200 || status > 299) {
      throw new GraphiteError('upstream', `Graphite answered HTTP ${status} to the ${what}`, { status });
    }
    try {
      return JSON.parse(body);
    } catch (error) {
      throw new GraphiteError('upstream', `Graphite answered the ${what} with something that is not JSON`, {
        status,
        cause: error,
      });
    }
  }

  function shapeError(what: string, cause: unknown): GraphiteError {
    return new GraphiteError('upstream', `Graphite's ${what} answer has an unexpected shape`, { cause });
  }

  return {
    async render(query, options) {
      const params = new URLSearchParams();
      for (const target of query.targets) params.append('target', target);
      params.set('from', normaliseTime(query.from));
      params.set('until', normaliseTime(query.until));
      params.set('format', 'json');
      if (query.maxDataPoints !== undefined) params.set('maxDataPoints', String(query.maxDataPoints));
      const parsed = renderResponseSchema.safeParse(await call('render', params, options));
      if (!parsed.success) throw shapeError('render', parsed.error);
      return parsed.data;
    },

    async find(query, options) {
      // completer gives each node's real path; treejson echoes wildcards in `id` (API-SHAPES.md).
      const params = new URLSearchParams({ query, format: 'completer' });
      const parsed = findResponseSchema.safeParse(await call('find', params, options));
      if (!parsed.success) throw shapeError('find', parsed.error);
      const matches = lastSegmentMatcher(query);
      return parsed.data.filter((node) => matches(node.name));
    },

    async events(query, options) {
      const params = new URLSearchParams({ from: normaliseTime(query.from), until: normaliseTime(query.until) });
      // get_data matches events having ALL the space-separated tags.
      if (query.tags.length > 0) params.set('tags', query.tags.join(' '));
      const parsed = eventsResponseSchema.safeParse(await call('events', params, options));
      if (!parsed.success) throw shapeError('events', parsed.error);
      // django-tagging drops tags that no event has ever used before intersecting, so
      // `tags=deploy nosuchtag` would return every deploy event: enforce ALL here.
      return parsed.data.filter((event) => query.tags.every((tag) => event.tags.includes(tag)));
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
