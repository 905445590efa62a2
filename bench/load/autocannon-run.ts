import { createRequire } from 'node:module';
import { z } from 'zod';

/** One autocannon run and the figures the load goals need (README, Benchmarks), with autocannon's own percentiles. */

type Autocannon = (
  options: { url: string; connections: number; duration: number; timeout: number; headers: Record<string, string> },
  done: (error: unknown, result: unknown) => void,
) => unknown;

// autocannon ships no types: check it is the function its README documents and parse its result.
function isAutocannon(value: unknown): value is Autocannon {
  return typeof value === 'function';
}

const resultSchema = z.object({
  requests: z.object({ average: z.number(), total: z.number() }),
  latency: z.object({ p50: z.number(), p97_5: z.number(), p99: z.number(), max: z.number() }),
  non2xx: z.number(),
  errors: z.number(),
  timeouts: z.number(),
  duration: z.number(),
  statusCodeStats: z.record(z.string(), z.object({ count: z.number() })).optional(),
});

export type LoadFigures = {
  url: string;
  connections: number;
  durationS: number;
  reqPerSec: number;
  total: number;
  p50Ms: number;
  p97_5Ms: number;
  p99Ms: number;
  maxMs: number;
  /** autocannon counts a timeout as an error too: `errors` includes `timeouts`. */
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  startedAt: number;
  endedAt: number;
};

/** What chromium sends: the page cache keeps gzip and identity copies apart, and a class uses browsers. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br, zstd', accept: 'text/html,application/json;q=0.9,*/*;q=0.8' };
// autocannon's default: a request still open after 10 s counts as a timeout.
const TIMEOUT_S = 10;

export async function runLoad(url: string, connections: number, durationS: number): Promise<LoadFigures> {
  const autocannon: unknown = createRequire(__filename)('autocannon');
  if (!isAutocannon(autocannon)) throw new Error('autocannon did not load as a function');
  const startedAt = Date.now();
  const raw = await new Promise<unknown>((resolve, reject) => {
    autocannon({ url, connections, duration: durationS, timeout: TIMEOUT_S, headers: BROWSER_HEADERS }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
  const endedAt = Date.now();
  const r = resultSchema.parse(raw);
  return {
    url,
    connections,
    durationS: r.duration,
    reqPerSec: r.requests.average,
    total: r.requests.total,
    p50Ms: r.latency.p50,
    p97_5Ms: r.latency.p97_5,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, { count }]) => [code, count])),
    startedAt,
    endedAt,
  };
}
