import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Which carbon-cache the cluster's relay sends a metric to, asked of carbon-c-relay itself
 * (`-t`, its test mode, with the running relay's config): specs pick names that land on the
 * node they are about to stop, so the test is about that node and not about luck.
 */
const dataDir = process.env.HUBWATCH_DATA_DIR ?? join(process.cwd(), '.data');
const relayConfig = join(dataDir, 'etc', 'cluster', 'relay.conf');
const PORT_OFFSET = Number(process.env.HUBWATCH_PORT_OFFSET ?? 0);
const CACHE_PORTS: Record<'a' | 'b', number> = { a: 2013 + PORT_OFFSET, b: 2023 + PORT_OFFSET };

export function cacheOf(metrics: readonly string[]): Map<string, 'a' | 'b'> {
  const output = execFileSync('carbon-c-relay', ['-t', '-f', relayConfig], {
    input: `${metrics.map((m) => `${m} 1 1`).join('\n')}\n`,
    encoding: 'utf8',
    timeout: 10_000,
  });
  const routes = new Map<string, 'a' | 'b'>();
  for (const [, metric, port] of output.matchAll(/\* -> (\S+)\s+carbon_ch\(caches\)\s+127\.0\.0\.1:(\d+)/g)) {
    if (metric === undefined) continue;
    routes.set(metric, Number(port) === CACHE_PORTS.a ? 'a' : 'b');
  }
  return routes;
}

/** A fresh test-hub name whose `pathOf(hub)` is stored by `cache`. */
export function hubOnCache(cache: 'a' | 'b', pathOf: (hub: string) => string, prefix = 'e2e'): string {
  const base = Date.now().toString(36);
  const candidates = Array.from({ length: 40 }, (_, i) => `${prefix}${base}${i.toString(36).padStart(2, '0')}`);
  const routes = cacheOf(candidates.map(pathOf));
  const found = candidates.find((hub) => routes.get(pathOf(hub)) === cache);
  if (found === undefined) throw new Error(`no candidate hub name lands on cache ${cache}`);
  return found;
}
