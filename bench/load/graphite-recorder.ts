import { createServer, request as httpRequest, type Server } from 'node:http';
import { kindOf, type PathKind } from './access-log';

/**
 * A pass-through in front of graphite-web for the benchmark's own dashboard only: it forwards
 * every request unchanged and notes what was asked, body included. graphite-web's access log
 * counts the requests but shows no POST body, so without this every POST /render would look like
 * the same query. Only what this one dashboard sends passes here; other people's requests do not.
 */

const FORWARD_TIMEOUT_MS = 60_000;

export type Recorded = { at: number; kind: PathKind; query: string };

export type QueryCount = {
  requests: number;
  byKind: Record<PathKind, number>;
  distinctQueries: number;
  /** Requests per distinct query per 10 s: on average, and for the query asked most often. */
  perQueryPer10s: number;
  worstPerQueryPer10s: number;
  worstQuery: string | null;
};

export type GraphiteRecorder = { url: string; records: Recorded[]; close(): Promise<void> };

export function startRecorder(upstream: string, port: number): Promise<GraphiteRecorder> {
  const target = new URL(upstream);
  const records: Recorded[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = incoming.url ?? '/';
      records.push({ at: Date.now(), kind: kindOf(path), query: `${incoming.method} ${path} ${body.toString('utf8')}` });
      const forwarded = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: incoming.method,
          path,
          headers: { ...incoming.headers, host: target.host },
          timeout: FORWARD_TIMEOUT_MS,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forwarded.on('timeout', () => forwarded.destroy(new Error('graphite-web did not answer in time')));
      forwarded.on('error', () => outgoing.destroy());
      forwarded.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        records,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    );
  });
}

export function countQueries(records: readonly Recorded[], from: number, to: number): QueryCount {
  const within = records.filter((r) => r.at >= from && r.at <= to);
  const byKind: Record<PathKind, number> = { render: 0, find: 0, metrics: 0, events: 0, other: 0 };
  const perQuery = new Map<string, number>();
  for (const r of within) {
    byKind[r.kind]++;
    perQuery.set(r.query, (perQuery.get(r.query) ?? 0) + 1);
  }
  const tenSeconds = Math.max(1, (to - from) / 10_000);
  let worstQuery: string | null = null;
  let worst = 0;
  for (const [query, n] of perQuery) {
    if (n > worst) {
      worst = n;
      worstQuery = query;
    }
  }
  return {
    requests: within.length,
    byKind,
    distinctQueries: perQuery.size,
    perQueryPer10s: perQuery.size === 0 ? 0 : within.length / perQuery.size / tenSeconds,
    worstPerQueryPer10s: worst / tenSeconds,
    worstQuery: worstQuery === null ? null : worstQuery.slice(0, 160),
  };
}
