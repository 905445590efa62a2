import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResponse } from './route';

export type RouteHandler = (request: Request) => Promise<Response>;

/**
 * A node:http request's URL as a route handler sees it. Everything server.ts does itself reads
 * the URL through this, so that the cache fast path and the handler agree on what `??`, `#`,
 * `+` and `%` escapes mean.
 */
export function requestUrl(request: IncomingMessage): URL {
  return new URL(request.url ?? '/', 'http://127.0.0.1');
}

async function send(answer: Response, response: ServerResponse, extraHeaders: Record<string, string>): Promise<void> {
  const body = new Uint8Array(await answer.arrayBuffer());
  response.writeHead(answer.status, { ...Object.fromEntries(answer.headers), ...extraHeaders, 'content-length': body.byteLength });
  response.end(body);
}

/** An error in the one JSON shape, written straight to a node:http response. */
export function sendError(response: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ error: { code, message } });
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

/**
 * The last resort for a request server.ts itself was answering and that failed with a bug:
 * logged, and answered with the usual 500 body rather than left hanging (once Next is prepared
 * its process handlers only log uncaught errors, so nothing else would end the response).
 */
export async function failRequest(request: IncomingMessage, response: ServerResponse, error: unknown): Promise<void> {
  console.error(`[server] ${request.method} ${request.url}:`, error);
  if (response.headersSent) return void response.destroy();
  await send(errorResponse(500, 'internal_error', 'internal error'), response, {}).catch(() => response.destroy());
}

/**
 * Runs an App Router route handler for a node:http request, outside Next's router (server.ts).
 * Only for GET handlers that read nothing but the URL, which is all the render route reads.
 */
export async function runRouteHandler(
  handler: RouteHandler,
  request: IncomingMessage,
  response: ServerResponse,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  try {
    await send(await handler(new Request(requestUrl(request))), response, extraHeaders);
  } catch (error) {
    await failRequest(request, response, error);
  }
}
