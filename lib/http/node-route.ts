import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorJson } from '@/lib/api/error';

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
export function sendError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body = errorJson(code, message);
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
  try {
    sendError(response, 500, 'internal_error', 'internal error');
  } catch {
    response.destroy();
  }
}

/**
 * A request Node could not read (request line and headers over its 16 KB limit, a malformed
 * request), which Node would answer itself with an empty body: answered on the raw socket in the
 * one error shape instead, and the connection closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body = tooLarge
    ? errorJson(
        'request_too_large',
        'url: the request line and headers are over 16 KB; send long targets as a form body (POST /api/graphite/render)',
      )
    : errorJson('bad_request', 'request: not a valid HTTP/1.1 request');
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  socket.end(
    `HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
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
