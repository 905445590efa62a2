import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';

/**
 * TEST STAND-IN for graphite-web, for unit tests only (the API tests in e2e/ use the real one).
 * A real HTTP server on an ephemeral port that answers with captured graphite-web responses and
 * can produce what is hard to get on demand from the real thing: a fixed status, a delay, a hang.
 * It records every request so tests can check what the client sent and how often.
 */

export type SeenRequest = {
  method: string;
  path: string;
  params: URLSearchParams;
  body: string;
  headers: Record<string, string | string[] | undefined>;
};
/** `delayMs` delays the whole answer; `bodyDelayMs` sends the headers at once and the body later. */
export type Reply = { status?: number; body: string; headers?: Record<string, string>; delayMs?: number; bodyDelayMs?: number } | 'hang';
export type Responder = (request: SeenRequest) => Reply;

export type StandInGraphite = {
  url: string;
  requests: SeenRequest[];
  respond: (responder: Responder) => void;
  close: () => Promise<void>;
};

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('stand-in server is not listening on TCP');
  return address.port;
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body;
}

export async function startStandInGraphite(initial: Responder, basePath = '/'): Promise<StandInGraphite> {
  let responder = initial;
  const requests: SeenRequest[] = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const params = new URLSearchParams(url.search);
    const body = request.method === 'POST' ? await readBody(request) : '';
    if (request.headers['content-type'] === 'application/x-www-form-urlencoded') {
      for (const [key, value] of new URLSearchParams(body)) params.append(key, value);
    }
    const seen = { method: request.method ?? 'GET', path: url.pathname, params, body, headers: request.headers };
    requests.push(seen);
    const reply = responder(seen);
    if (reply === 'hang') return;
    const send = () => {
      response.writeHead(reply.status ?? 200, { 'content-type': 'application/json;charset=utf-8', ...reply.headers });
      if (reply.bodyDelayMs === undefined) return response.end(reply.body);
      response.flushHeaders();
      setTimeout(() => response.end(reply.body), reply.bodyDelayMs);
    };
    if (reply.delayMs) setTimeout(send, reply.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${portOf(server)}${basePath}`,
    requests,
    respond: (next) => {
      responder = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A base URL where nothing listens: a port that was just free. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = portOf(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}
