import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { LRUCache } from 'lru-cache';
import { acceptsGzip } from './render-fast-path';

/**
 * A short cache of whole answers of the status page `/` and of `/api/status`, what a class opens
 * at once when a lecture starts: for a few seconds it is the same for everyone (the status under it is shared
 * per flush anyway), so it is rendered once and its bytes are sent to every viewer, headers
 * included (the CSP nonce in the cached HTML and in the cached header are the same one).
 * Only complete 200 answers are kept; anything else is rendered again for the next viewer.
 */

type Page = { status: number; headers: OutgoingHttpHeaders; body: Buffer };

export type PageCacheOptions = { ttlMs: number; maxEntries: number; maxBytes: number };

// The status page and the numbers behind it: what a whole class asks for in the same seconds.
const CACHED_PATHS = new Set(['/', '/api/status']);

function headersOf(args: unknown[]): OutgoingHttpHeaders {
  // writeHead(status, [message], [headers]): headers may be an object or a flat array.
  const last = args[args.length - 1];
  if (Array.isArray(last)) {
    const out: OutgoingHttpHeaders = {};
    for (let i = 0; i + 1 < last.length; i += 2) out[String(last[i]).toLowerCase()] = last[i + 1];
    return out;
  }
  if (typeof last === 'object' && last !== null) {
    return Object.fromEntries(Object.entries(last).map(([k, v]) => [k.toLowerCase(), v]));
  }
  return {};
}

export function createPageCache(options: PageCacheOptions) {
  const pages = new LRUCache<string, Page>({
    max: options.maxEntries,
    maxSize: options.maxBytes,
    sizeCalculation: (page) => Math.max(1, page.body.byteLength),
    ttl: options.ttlMs,
    // An expired page stays until it is replaced, and is served while its replacement renders.
    allowStale: true,
    noDeleteOnStaleGet: true,
  });
  const stats = { hits: 0, stored: 0 };
  /** Pages being rendered again: one viewer renders, the others get the last copy meanwhile. */
  const refreshing = new Set<string>();

  function keyOf(request: IncomingMessage, pathname: string): string | null {
    if (request.method !== 'GET' || !CACHED_PATHS.has(pathname)) return null;
    return `${acceptsGzip(request.headers['accept-encoding']) ? 'gzip' : 'identity'} ${request.url ?? '/'}`;
  }

  /** Sends the cached answer and returns true, or returns false and records the answer being made. */
  function serve(request: IncomingMessage, response: ServerResponse, pathname: string): boolean {
    const key = keyOf(request, pathname);
    if (key === null) return false;
    const status: LRUCache.Status<string, Page, unknown> = {};
    const cached = pages.get(key, { status });
    if (cached !== undefined && (status.get !== 'stale' || refreshing.has(key))) {
      stats.hits++;
      response.writeHead(cached.status, { ...cached.headers, 'x-hubwatch-cache': 'hit' });
      response.end(cached.body);
      return true;
    }
    refreshing.add(key);
    response.once('close', () => refreshing.delete(key));
    record(key, response);
    return false;
  }

  function record(key: string, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    let headArgs: OutgoingHttpHeaders = {};
    let size = 0;
    const tooLarge = () => size > options.maxBytes;
    const write = response.write.bind(response);
    const end = response.end.bind(response);
    const writeHead = response.writeHead.bind(response);
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || tooLarge()) return;
      const buffer =
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : Buffer.from(chunk as Uint8Array);
      size += buffer.byteLength;
      chunks.push(buffer);
    };
    // The wrappers only look at what passes; the bytes still go out exactly as Next wrote them.
    response.writeHead = ((...args: Parameters<ServerResponse['writeHead']>) => {
      headArgs = headersOf(args.slice(1));
      return writeHead(...args);
    }) as ServerResponse['writeHead'];
    response.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      keep(chunk, encoding);
      return (write as (...a: unknown[]) => boolean)(chunk, encoding, callback);
    }) as ServerResponse['write'];
    response.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
      keep(chunk, encoding);
      return (end as (...a: unknown[]) => ServerResponse)(chunk, encoding, callback);
    }) as ServerResponse['end'];
    response.once('finish', () => {
      if (response.statusCode !== 200 || tooLarge()) return;
      const headers: OutgoingHttpHeaders = { ...response.getHeaders(), ...headArgs };
      // A page Next marked as personal must never be handed to someone else.
      if (headers['set-cookie'] !== undefined) return;
      delete headers['content-length'];
      delete headers['transfer-encoding'];
      delete headers.connection;
      delete headers['keep-alive'];
      delete headers.date;
      delete headers['x-hubwatch-cache'];
      const body = Buffer.concat(chunks);
      pages.set(key, { status: 200, headers: { ...headers, 'content-length': String(body.byteLength) }, body });
      stats.stored++;
    });
  }

  return { serve, stats: () => ({ ...stats, entries: pages.size }) };
}

export type PageCache = ReturnType<typeof createPageCache>;
