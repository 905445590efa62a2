import { createServer } from 'node:http';
import next from 'next';
import { ConfigError, loadListenConfig } from '@/lib/config';
import { answerCachedRender } from '@/lib/http/render-fast-path';

/**
 * `npm start`: the production server. It is Next.js's own request handler (the documented custom
 * server), with one addition in front of it: render cache hits are answered without entering
 * Next's router (lib/http/render-fast-path.ts), which is what lets one small machine serve a whole
 * class opening the same dashboard. Everything else, including every error, is Next's.
 * `npm run dev` stays `next dev`; there every render goes through the route handler.
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

  const server = createServer((request, response) => {
    if (answerCachedRender(request, response)) return;
    void handleWithNext(request, response);
  });
  server.on('error', (error) => {
    console.error(`hubwatch: cannot listen on ${listen.host}:${listen.port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(listen.port, listen.host, () => {
    console.log(`hubwatch dashboard on http://${listen.host}:${listen.port}`);
  });

  const stop = () => {
    // Stop accepting, let requests in progress finish, but never hang a stop (e.g. kept-alive sockets).
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('hubwatch: the server failed to start:', error);
  process.exit(1);
});
