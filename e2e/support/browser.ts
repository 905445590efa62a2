import { createSocket } from 'node:dgram';
import { rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { type APIRequestContext, expect } from '@playwright/test';
import { whisperRoots } from './stack-mode';

/**
 * Helpers for the browser specs: put real data into the real stack, wait until Graphite has it,
 * and take it away again, so test runs do not leave fake hubs in everyone's hub selector.
 */

export { APP_URL, CHAOS_APP_URL } from './app-ports';

export const uniqueId = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

/** StatsD lines (e.g. `jupyterhub.h.hub.up:1|g`) over UDP to the stack's StatsD. */
export function sendStatsd(lines: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.send(lines.join('\n'), 8125, '127.0.0.1', (err) => {
      socket.close();
      if (err) reject(err);
      else resolve();
    });
  });
}

/** Carbon plaintext (`path value epoch`), for names StatsD would mangle. */
export function sendCarbon(lines: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(2003, '127.0.0.1', () => socket.end(`${lines.join('\n')}\n`));
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}

type Series = { target: string; datapoints: [number | null, number][] };

/**
 * Polls the render API until every target has a non-null value (StatsD flushes every 10 s).
 * `resend` runs before each poll: UDP to StatsD is fire-and-forget, and a datagram sent while
 * StatsD restarts is simply gone.
 */
export async function waitForData(
  request: APIRequestContext,
  targets: readonly string[],
  resend?: () => Promise<void>,
  from = '-10min',
): Promise<Series[]> {
  let last: Series[] = [];
  await expect
    .poll(
      async () => {
        await resend?.();
        const params = new URLSearchParams({ from, until: `${Math.floor(Date.now() / 1000) + 1}` });
        for (const t of targets) params.append('target', t);
        const res = await request.get(`/api/graphite/render?${params.toString()}`);
        if (!res.ok()) return 0;
        last = (await res.json()) as Series[];
        return last.filter((s) => s.datapoints.some(([v]) => v !== null)).length;
      },
      { timeout: 60_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toBe(targets.length);
  return last;
}

/** Namespace for chart tests: outside `jupyterhub.*`, so it never shows up as a hub. */
export const E2E_ROOT = 'hubwatch_e2e';
/** The one hub the /system spec writes (through carbon, so StatsD does not keep re-sending it). */
export const E2E_HUB = 'e2e-views';

const dataDir = process.env.HUBWATCH_DATA_DIR ?? join(process.cwd(), '.data');

/** StatsD management command (`delgauges a.b`), so a deleted gauge is not flushed again forever. */
function statsdAdmin(command: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(8126, '127.0.0.1', () => socket.end(`${command}\n`));
    socket.on('data', () => undefined);
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
    socket.setTimeout(5_000, () => socket.destroy());
  });
}

/**
 * Forget test metrics: StatsD gauges (`keys`, without the `stats.gauges.` prefix) are deleted in
 * StatsD, then the whisper directories under `graphitePrefixes` (e.g. `stats.gauges.hubwatch_e2e.x`)
 * are removed from the data dir.
 */
export async function forgetMetrics(keys: readonly string[], graphitePrefixes: readonly string[]): Promise<void> {
  for (const key of keys) await statsdAdmin(`delgauges ${key}`);
  for (const prefix of graphitePrefixes) {
    if (!prefix.includes(E2E_ROOT) && !prefix.includes(E2E_HUB)) throw new Error(`refusing to delete ${prefix}`);
    for (const root of whisperRoots(dataDir)) await rm(join(root, ...prefix.split('.')), { recursive: true, force: true });
  }
}

/**
 * Polls the find API until `hub` is listed under `stats.gauges.jupyterhub.*`: finds are cached
 * like renders (one cache period), so a hub whose first metrics were just written shows up in the
 * views' hub selector within about 10 s, not at once.
 */
export async function waitForHub(request: APIRequestContext, hub: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/graphite/find?query=${encodeURIComponent('stats.gauges.jupyterhub.*')}`);
        const nodes = res.ok() ? ((await res.json()) as { name: string }[]) : [];
        return nodes.some((n) => n.name === hub);
      },
      { timeout: 30_000, intervals: [1_000, 2_000] },
    )
    .toBe(true);
}
