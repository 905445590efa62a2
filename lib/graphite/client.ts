import { getConfig } from '@/lib/config';
import type { GraphiteFunction } from '@/lib/shared/graphite-functions';
import { normaliseTime } from '@/lib/time-range';
import { GraphiteError } from './errors';
import { lastSegmentMatcher } from './find-filter';
import { parseFunctionList } from './functions';
import { httpCall, type RawResponse, ResponseTooLarge } from './http-call';
import { RENDER_MAX_BYTES, tooLargeReason } from './render-limit';
import { eventDetailSchema, eventsResponseSchema, findResponseSchema, renderResponseSchema } from './schemas';
import { tagQueryRejection } from './tag-query';
import { targetFailureReason } from './target-failure';
import type { CallOptions, EventsQuery, FindNode, GraphiteEvent, NewEvent, RenderQuery, Series } from './types';

export type { GraphiteErrorKind } from './errors';
export { GraphiteError, isGraphiteError } from './errors';
export type * from './types';

/**
 * The one server-side client of graphite-web. Nothing else in the app talks to Graphite.
 * Only the paths below are ever requested, always relative to the configured base URL;
 * request data only ever goes into the query string or a body, never into the path, except an
 * event id that has been checked to be a positive integer (`events/<id>/`).
 */
const PATHS = {
  render: 'render',
  find: 'metrics/find',
  events: 'events/get_data',
  functions: 'functions',
  createEvent: 'events/',
} as const;

type GraphitePath = keyof typeof PATHS;

export type RenderResult = {
  series: Series[];
  /** graphite-web's own JSON as received (UTF-8), verified against the schema (keeps Infinity as 1e9999). */
  bytes: Uint8Array<ArrayBuffer>;
};

export type GraphiteClient = {
  /** The parsed series plus the verified JSON text, so the proxy can pass it on without re-encoding. */
  renderWithJson(query: RenderQuery, options?: CallOptions): Promise<RenderResult>;
  find(query: string, options?: CallOptions): Promise<FindNode[]>;
  events(query: EventsQuery, options?: CallOptions): Promise<GraphiteEvent[]>;
  /** graphite-web's render functions with their parameters (for the target editor). */
  functions(options?: CallOptions): Promise<GraphiteFunction[]>;
  /** One event by id; undefined when graphite-web has none with that id. */
  event(id: number, options?: CallOptions): Promise<GraphiteEvent | undefined>;
  /**
   * Creates an event. graphite-web 1.1 answers an empty 200, without the new id (look it up with
   * `events`), and has no way to delete one over HTTP (see lib/deployments/store.ts).
   */
  createEvent(event: NewEvent, options?: CallOptions): Promise<void>;
};

export type ClientSettings = {
  baseUrl: string;
  timeoutMs: number;
  /** Cap on any answer but a render's. */
  maxResponseBytes?: number;
  /** Cap on a render's answer (render-limit.ts). */
  maxRenderBytes?: number;
};

const REASON_MAX = 300;
const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/** graphite-web's tag separator is a space, and django-tagging splits on commas too. */
const TAG_RE = /^[^\s,"]+$/;

/** Graphite's 400 body as one short line (it is plain text, or HTML from Django's error pages). */
function reasonFrom(body: string): string {
  const text = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > REASON_MAX ? `${text.slice(0, REASON_MAX)}…` : text || 'no reason given';
}

function classifyFailure(error: unknown, what: string, timeoutMs: number, timedOut: boolean): GraphiteError {
  if (timedOut) {
    return new GraphiteError('timeout', `Graphite did not answer the ${what} within ${timeoutMs} ms`, { cause: error });
  }
  if (error instanceof ResponseTooLarge) {
    // A render's answer is as large as the request asked: the request's to narrow, said in words.
    if (what === 'render') {
      return new GraphiteError('bad_request', `Graphite's answer to the ${what} is too large`, {
        cause: error,
        reason: tooLargeReason(error.limitBytes),
        limitBytes: error.limitBytes,
      });
    }
    return new GraphiteError('upstream', `Graphite's answer to the ${what} is too large`, { cause: error });
  }
  return new GraphiteError('unreachable', `Graphite could not be reached for the ${what}`, { cause: error });
}

/**
 * The answer's bytes in a buffer of their own: Node hands out small buffers as slices of a shared
 * 8 KB slab, which a cache entry would keep alive whole (and count as a few hundred bytes).
 */
function ownBytes(bytes: Buffer): Uint8Array<ArrayBuffer> {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength && bytes.buffer instanceof ArrayBuffer) {
    return new Uint8Array(bytes.buffer);
  }
  return new Uint8Array(bytes);
}

function endpointUrl(baseUrl: string, path: GraphitePath): URL {
  return new URL(PATHS[path], baseUrl);
}

/** `events/<id>/`: the only path built from a value, and only from a positive safe integer. */
export function eventUrl(baseUrl: string, id: number): URL {
  if (!Number.isSafeInteger(id) || id < 1) throw new RangeError(`event id must be a positive integer, got ${id}`);
  return new URL(`events/${id}/`, baseUrl);
}

type Exchange = {
  what: string;
  url: URL;
  method: 'GET' | 'POST';
  form?: string;
  json?: string;
  /** Statuses other than 2xx answered to the caller instead of thrown (e.g. 404 for an unknown event). */
  pass?: readonly number[];
  /** A 500 whose traceback blames the target is a rejection, not a failure (target-failure.ts). */
  targetErrors?: boolean;
};

export function createGraphiteClient(settings: ClientSettings): GraphiteClient {
  const maxBytes = settings.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const maxRenderBytes = settings.maxRenderBytes ?? RENDER_MAX_BYTES;

  /** Sends one request; resolves with the answer when it is 2xx or one of `pass`. */
  async function exchange(x: Exchange, options: CallOptions | undefined): Promise<RawResponse> {
    const timeoutMs = options?.timeoutMs ?? settings.timeoutMs;
    const signal = AbortSignal.timeout(timeoutMs);
    let answer: RawResponse;
    try {
      answer = await httpCall(x.url, {
        method: x.method,
        form: x.form,
        json: x.json,
        // graphite-web's event detail answers JSON only to exactly this Accept header.
        headers: { accept: 'application/json', 'user-agent': 'hubwatch-proxy' },
        signal,
        maxBytes: x.what === 'render' ? maxRenderBytes : maxBytes,
      });
    } catch (error) {
      throw classifyFailure(error, x.what, timeoutMs, signal.aborted);
    }
    const { status } = answer;
    if (x.pass?.includes(status)) return answer;
    const body = status >= 200 && status <= 299 ? '' : answer.bytes.toString('utf8');
    if (status === 400) {
      throw new GraphiteError('bad_request', `Graphite rejected the ${x.what}`, { status, reason: reasonFrom(body) });
    }
    const targetReason = status === 500 && x.targetErrors === true ? targetFailureReason(body) : undefined;
    if (targetReason !== undefined) {
      throw new GraphiteError('bad_request', `Graphite could not evaluate the ${x.what}`, { status, reason: targetReason });
    }
    if (status < 200 || status > 299) {
      throw new GraphiteError('upstream', `Graphite answered HTTP ${status} to the ${x.what}`, { status });
    }
    return answer;
  }

  /** GET with the query string, or (for renders) a form POST; resolves with the bytes of a 2xx answer. */
  async function call(path: GraphitePath, params: URLSearchParams, options: CallOptions | undefined): Promise<Buffer> {
    const url = endpointUrl(settings.baseUrl, path);
    // Renders go as a form POST: many long targets would overflow gunicorn's 4 KB request line.
    const post = path === 'render';
    if (!post) url.search = params.toString();
    const answer = await exchange(
      { what: path, url, method: post ? 'POST' : 'GET', form: post ? params.toString() : undefined, targetErrors: post },
      options,
    );
    return answer.bytes;
  }

  function parseJson(body: Buffer, what: string): unknown {
    try {
      return JSON.parse(body.toString('utf8'));
    } catch (error) {
      throw new GraphiteError('upstream', `Graphite answered the ${what} with something that is not JSON`, { cause: error });
    }
  }

  function shapeError(what: string, cause: unknown): GraphiteError {
    return new GraphiteError('upstream', `Graphite's ${what} answer has an unexpected shape`, { cause });
  }

  async function renderWithJson(query: RenderQuery, options?: CallOptions): Promise<RenderResult> {
    // Judged here, not sent: a cluster front would hide the reason and skip its nodes (tag-query.ts).
    const tagReason = query.targets.map(tagQueryRejection).find((reason) => reason !== undefined);
    if (tagReason !== undefined) throw new GraphiteError('bad_request', 'Graphite would refuse the tag query', { reason: tagReason });
    const params = new URLSearchParams();
    for (const target of query.targets) params.append('target', target);
    params.set('from', normaliseTime(query.from));
    params.set('until', normaliseTime(query.until));
    params.set('format', 'json');
    if (query.maxDataPoints !== undefined) params.set('maxDataPoints', String(query.maxDataPoints));
    const bytes = await call('render', params, options);
    const parsed = renderResponseSchema.safeParse(parseJson(bytes, 'render'));
    if (!parsed.success) throw shapeError('render', parsed.error);
    return { series: parsed.data, bytes: ownBytes(bytes) };
  }

  return {
    renderWithJson,

    async find(query, options) {
      // completer gives each node's real path; treejson echoes the query's wildcards in `id` instead.
      const params = new URLSearchParams({ query, format: 'completer' });
      const parsed = findResponseSchema.safeParse(parseJson(await call('find', params, options), 'find'));
      if (!parsed.success) throw shapeError('find', parsed.error);
      const matches = lastSegmentMatcher(query);
      return parsed.data.filter((node) => matches(node.name));
    },

    async events(query, options) {
      const params = new URLSearchParams({ from: normaliseTime(query.from), until: normaliseTime(query.until) });
      const any = query.match === 'any';
      // get_data matches events having ALL the space-separated tags, or ANY of them with set=union.
      if (query.tags.length > 0) params.set('tags', query.tags.join(' '));
      if (any && query.tags.length > 0) params.set('set', 'union');
      const parsed = eventsResponseSchema.safeParse(parseJson(await call('events', params, options), 'events'));
      if (!parsed.success) throw shapeError('events', parsed.error);
      // django-tagging drops tags that no event has ever used before intersecting, so
      // `tags=deploy nosuchtag` would return every deploy event: enforce ALL (or ANY) here.
      const keep = (event: GraphiteEvent) =>
        any ? query.tags.some((tag) => event.tags.includes(tag)) : query.tags.every((tag) => event.tags.includes(tag));
      return query.tags.length === 0 ? parsed.data : parsed.data.filter(keep);
    },

    async event(id, options) {
      const url = eventUrl(settings.baseUrl, id);
      const answer = await exchange({ what: 'event', url, method: 'GET', pass: [404] }, options);
      if (answer.status === 404) return undefined;
      const parsed = eventDetailSchema.safeParse(parseJson(answer.bytes, 'event'));
      if (!parsed.success) throw shapeError('event', parsed.error);
      return parsed.data;
    },

    async createEvent(event, options) {
      const bad = event.tags.find((tag) => !TAG_RE.test(tag));
      if (bad !== undefined) throw new RangeError(`event tag ${JSON.stringify(bad)} holds a space, comma or quote`);
      if (!Number.isSafeInteger(event.when)) throw new RangeError(`event when must be whole epoch seconds, got ${event.when}`);
      const json = JSON.stringify({ what: event.what, tags: [...event.tags], when: event.when, data: event.data });
      await exchange({ what: 'event creation', url: endpointUrl(settings.baseUrl, 'createEvent'), method: 'POST', json }, options);
    },

    async functions(options) {
      return parseFunctionList((await call('functions', new URLSearchParams(), options)).toString('utf8'));
    },
  };
}

let shared: GraphiteClient | undefined;

/** The app-wide client, configured from `getConfig()`. */
export function getGraphiteClient(): GraphiteClient {
  if (shared === undefined) {
    const config = getConfig().graphite;
    shared = createGraphiteClient({ baseUrl: config.url, timeoutMs: config.timeoutMs });
  }
  return shared;
}
