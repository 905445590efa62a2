import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import next from 'next';

/**
 * `npm start`: the production server, Next.js's own request handler (the documented custom
 * server) with one exception. `app.prepare()` runs instrumentation.ts, which validates the whole
 * configuration (a bad value stops the process there, naming the variable) and publishes the
 * hooks below from the built app (lib/http/server-hooks.ts): the validated listen address, and
 * `serve`, which answers `GET /api/graphite/render` outside Next's router. This file imports
 * nothing from lib/, so the process runs exactly one build of the app's code.
 * `npm run dev` stays `next dev`; there the render route goes through Next like the rest.
 */

type Hooks = {
  listen: { host: string; port: number };
  serve(request: IncomingMessage, response: ServerResponse): boolean;
  /** Start-up's asynchronous part (the records store opened and migrated); listen only after it. */
  ready?: Promise<void>;
  /** Answers a request Next's handler failed on, in the one error body (then logged). */
  fail(request: IncomingMessage, response: ServerResponse, error: unknown): void;
  /** Answers a request Node could not read (too large, malformed), in the one error body. */
  clientError(error: NodeJS.ErrnoException, socket: Duplex): void;
};

const SHUTDOWN_GRACE_MS = 5_000;
const HOOKS = Symbol.for('hubwatch.serverHooks');

function hooksIfPublished(): Hooks | undefined {
  const hooks = (globalThis as Record<symbol, unknown>)[HOOKS];
  if (typeof hooks !== 'object' || hooks === null || !['serve', 'listen', 'fail', 'clientError'].every((name) => name in hooks)) {
    return undefined;
  }
  return hooks as Hooks;
}

// Next's prepare() can resolve before instrumentation.ts' register() has finished loading the app's
// start-up module (an async module since the records store's drivers): wait for it, boundedly.
const HOOKS_WAIT_MS = 60_000;

async function publishedHooks(): Promise<Hooks> {
  const deadline = Date.now() + HOOKS_WAIT_MS;
  for (;;) {
    const hooks = hooksIfPublished();
    if (hooks !== undefined) return hooks;
    if (Date.now() > deadline) throw new Error('the build published no server hooks: run `npm run build` (instrumentation.ts)');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function main(): Promise<void> {
  const app = next({ dev: false, dir: __dirname });
  const handleWithNext = app.getRequestHandler();
  await app.prepare();
  const { listen, serve, ready, fail, clientError } = await publishedHooks();
  await ready;

  const server = createServer((request, response) => {
    if (serve(request, response)) return;
    handleWithNext(request, response).catch((error: unknown) => fail(request, response, error));
  });
  // Node answers a request it cannot read (request line and headers over its 16 KB limit, a
  // malformed request) itself, with an empty body: the hooks answer in the documented shape instead.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => clientError(error, socket));
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
