import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResponse } from './route';

export type RouteHandler = (request: Request) => Promise<Response>;

async function send(answer: Response, response: ServerResponse): Promise<void> {
  const body = new Uint8Array(await answer.arrayBuffer());
  response.writeHead(answer.status, { ...Object.fromEntries(answer.headers), 'content-length': body.byteLength });
  response.end(body);
}

/**
 * Runs an App Router route handler for a node:http request, outside Next's router (server.ts).
 * Only for GET handlers that read nothing but the URL, which is all the render route reads.
 * The handler shapes its own errors; a rejection here would be a bug, answered with the usual
 * 500 body rather than a dropped connection.
 */
export async function runRouteHandler(handler: RouteHandler, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    await send(await handler(new Request(new URL(request.url ?? '/', 'http://127.0.0.1'))), response);
  } catch (error) {
    console.error(`[api] ${request.url}:`, error);
    if (response.headersSent) response.destroy();
    else await send(errorResponse(500, 'internal_error', 'internal error'), response);
  }
}
