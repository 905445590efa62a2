import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { EmbedConfig, ListenConfig } from '@/lib/config';
import { matchApiRoute } from './api-routes';
import { answerClientError, failRequest, requestUrl, runRouteHandler, sendError } from './node-route';
import { createPageCache } from './page-cache';
import { answerCachedRender, isRenderRequest } from './render-fast-path';
import { renderRoute } from './render-route';
import { API_HEADERS, newNonce, pageHeaders } from './security-headers';

/**
 * What `npm start` (server.ts) takes from the built app. instrumentation.ts publishes this
 * once Next has prepared, so server.ts itself imports nothing from lib/ and the process runs
 * only the build's code. server.ts relies on exactly this shape (it cannot import the type):
 * `listen` is the validated address, and `serve` either answers a request itself and returns
 * true, or prepares it (security headers, the page's CSP nonce) and returns false for Next.
 * `fail` and `clientError` answer what went wrong outside any route (Next's handler threw; Node
 * could not read the request) in the one error body, which server.ts cannot build itself.
 *
 * Answered here: `GET /api/graphite/render` outside Next's router (the router costs about 3 ms
 * per request here, which broke the proxy's latency budget, and capped a cached render at a
 * fifth of what one core can send: bench/proxy.ts); and every answer Next would give outside the
 * documented shape: a method no route has (405 with `Allow`, JSON), an unknown /api path (JSON
 * 404, not the HTML page), TRACE and `OPTIONS *`.
 */
export type ServerHooks = {
  listen: ListenConfig;
  serve(request: IncomingMessage, response: ServerResponse): boolean;
  /** Resolves when start-up's asynchronous part (the records store) is done: server.ts listens after it. */
  ready: Promise<void>;
  fail(request: IncomingMessage, response: ServerResponse, error: unknown): void;
  clientError(error: NodeJS.ErrnoException, socket: Duplex): void;
};

export const SERVER_HOOKS = Symbol.for('hubwatch.serverHooks');

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const SERVER_ALLOW = 'GET, HEAD, POST, DELETE, OPTIONS';

function setHeaders(response: ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
}

// Two seconds: the status under the page is shared per two seconds anyway (lib/status/cached-status.ts).
const PAGE_CACHE = { ttlMs: 2_000, maxEntries: 200, maxBytes: 32 * 1024 * 1024 };

export function serverHooks(listen: ListenConfig, embed: EmbedConfig, ready: Promise<void> = Promise.resolve()): ServerHooks {
  const pages = createPageCache(PAGE_CACHE);
  return {
    listen,
    ready,
    fail: (request, response, error) => void failRequest(request, response, error),
    clientError: answerClientError,
    serve(request, response) {
      const method = request.method ?? 'GET';
      if (request.url === '*') {
        // `OPTIONS *` asks about the server as a whole.
        if (method === 'OPTIONS') response.writeHead(204, { allow: SERVER_ALLOW, ...API_HEADERS }).end();
        else sendError(response, 400, 'bad_request', 'path: "*" is only meaningful for OPTIONS', API_HEADERS);
        return true;
      }
      const { pathname } = requestUrl(request);
      if (!HTTP_METHODS.has(method)) {
        sendError(response, 405, 'method_not_allowed', `method: ${method.slice(0, 20)} is not supported`, {
          ...API_HEADERS,
          allow: SERVER_ALLOW,
        });
        return true;
      }
      const api = matchApiRoute(method, pathname);
      if (api.kind === 'not_api') {
        // A cached status page comes with the headers (and CSP nonce) it was rendered with.
        if (pages.serve(request, response, pathname)) return true;
        const nonce = newNonce();
        const headers = pageHeaders(pathname, nonce, embed);
        // Next takes the nonce from the request's policy and puts it on every script it renders.
        request.headers['content-security-policy'] = headers['content-security-policy'];
        setHeaders(response, headers);
        return false;
      }
      setHeaders(response, API_HEADERS);
      if (api.kind === 'unknown_path') {
        sendError(response, 404, 'not_found', `path: ${pathname.slice(0, 100)} is not an API route`);
        return true;
      }
      if (api.kind === 'bad_method') {
        sendError(
          response,
          405,
          'method_not_allowed',
          `method: ${method} is not allowed on ${pathname.slice(0, 100)}; allowed: ${api.allow}`,
          {
            allow: api.allow,
          },
        );
        return true;
      }
      // /api/status answers the same numbers to everyone for two seconds, as / does.
      if (pages.serve(request, response, pathname)) return true;
      if (!isRenderRequest(request)) return false;
      if (answerCachedRender(request, response)) return true;
      // runRouteHandler answers every failure itself (a 500 in the usual shape), so nothing rejects.
      void runRouteHandler(renderRoute, request, response, { 'x-hubwatch-cache': 'miss' });
      return true;
    },
  };
}

export function publishServerHooks(listen: ListenConfig, embed: EmbedConfig, ready?: Promise<void>): void {
  (globalThis as typeof globalThis & { [SERVER_HOOKS]?: ServerHooks })[SERVER_HOOKS] = serverHooks(listen, embed, ready);
}
