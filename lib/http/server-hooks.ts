import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ListenConfig } from '@/lib/config';
import { runRouteHandler } from './node-route';
import { answerCachedRender, isRenderRequest } from './render-fast-path';
import { renderRoute } from './render-route';

/**
 * What `npm start` (server.ts) takes from the built app. instrumentation.ts publishes this
 * once Next has prepared, so server.ts itself imports nothing from lib/ and the process runs
 * only the build's code. server.ts relies on exactly this shape (it cannot import the type):
 * `listen` is the validated address, and `serve` answers `GET /api/graphite/render` itself and
 * returns true, or returns false and leaves the request to Next.
 *
 * The render route is served outside Next's router because the router costs about 3 ms per
 * request here, which on a 20 ms render broke the proxy's latency budget, and capped a cached
 * render at a fifth of what one core can send (bench/proxy.ts).
 */
export type ServerHooks = {
  listen: ListenConfig;
  serve(request: IncomingMessage, response: ServerResponse): boolean;
};

export const SERVER_HOOKS = Symbol.for('hubwatch.serverHooks');

export function serverHooks(listen: ListenConfig): ServerHooks {
  return {
    listen,
    serve(request, response) {
      if (!isRenderRequest(request)) return false;
      if (answerCachedRender(request, response)) return true;
      // runRouteHandler answers every failure itself (a 500 in the usual shape), so nothing rejects.
      void runRouteHandler(renderRoute, request, response, { 'x-hubwatch-cache': 'miss' });
      return true;
    },
  };
}

export function publishServerHooks(listen: ListenConfig): void {
  (globalThis as typeof globalThis & { [SERVER_HOOKS]?: ServerHooks })[SERVER_HOOKS] = serverHooks(listen);
}
