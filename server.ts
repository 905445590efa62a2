import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import next from 'next';
import { GET as renderRoute } from '@/app/api/graphite/render/route';
import { ConfigError, loadListenConfig } from '@/lib/config';
import { failRequest, runRouteHandler } from '@/lib/http/node-route';
import { answerCachedRender, isRenderRequest } from '@/lib/http/render-fast-path';

/**
 * `npm start`: the production server. It is Next.js's own request handler (the documented custom
 * server), except for `GET /api/graphite/render`, the request a dashboard makes most: cache hits
 * are written straight from the cache (lib/http/render-fast-path.ts) and everything else runs
 * the very same route handler, called directly. Next's router costs about 3 ms per request here,
 * which on a 20 ms render broke the proxy's latency budget, and caps a cached render at a fifth
 * of what one core can send (bench/proxy.ts). Every other route and page is Next's.
 * `npm run dev` stays `next dev`; there the render route goes through Next like the rest.
 */

const SHUTDOWN_GRACE_MS = 5_000;

async function main(): Promise<void> {
  let listen: ReturnType<typeof loadListenConfig>;
  try {
    listen = loadListenConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`hubwatch: ${error.message}`);
    process.exit(1);
  }

  const app = next({ dev: false, dir: __dirname, hostname: listen.host, port: listen.port });
  const handleWithNext = app.getRequestHandler();
  // Loads the build and runs instrumentation.ts, which validates the rest of the configuration.
  await app.prepare();

  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!isRenderRequest(request)) return handleWithNext(request, response);
    if (answerCachedRender(request, response)) return;
    return runRouteHandler(renderRoute, request, response, { 'x-hubwatch-cache': 'miss' });
  };
  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => failRequest(request, response, error));
  });
  server.on('error', (error) => {
    console.error(`hubwatch: cannot listen on ${listen.host}:${listen.port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(listen.port, listen.host, () => {
    console.log(`hubwatch dashboard on http://${listen.host}:${listen.port}`);
  });

  const stop = () => {
    // Stop accepting and let requests in progress finish; a request still running after the
    // grace period is cut, and the exit code says so.
    server.close(() => {
      app.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => {
      console.error(`hubwatch: requests still running ${SHUTDOWN_GRACE_MS / 1000} s after the stop signal were cut`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('hubwatch: the server failed to start:', error);
  process.exit(1);
});
