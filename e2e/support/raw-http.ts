import { Agent, type IncomingHttpHeaders, request } from 'node:http';

/**
 * Requests exactly as given (any method token, a raw path and query), on node:http, for what
 * Playwright's client would normalise or refuse. Keep-alive, at most `sockets` at once.
 */

export type RawAnswer = { status: number; headers: IncomingHttpHeaders; body: string };
export type RawRequest = { method: string; path: string; headers?: Record<string, string>; body?: string };

export function rawClient(base: URL, sockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const send = (req: RawRequest, timeoutMs = 60_000): Promise<RawAnswer> =>
    new Promise((resolve, reject) => {
      const headers = { ...req.headers, ...(req.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(req.body)) }) };
      const call = request({ host: base.hostname, port: base.port, method: req.method, path: req.path, headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      });
      call.setTimeout(timeoutMs, () => call.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      call.on('error', reject);
      call.end(req.body);
    });
  return { send, close: () => agent.destroy() };
}

/** Runs `work` over `items`, `concurrency` at a time, keeping the order of results. */
export async function pool<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const item = items[i];
      if (item !== undefined) results[i] = await work(item);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
