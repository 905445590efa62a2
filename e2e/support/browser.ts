import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { expect, type APIRequestContext } from '@playwright/test';

/** Helpers for the browser specs: put real data into the real stack and wait until Graphite has it. */

export const APP_URL = process.env.HUBWATCH_APP_URL ?? 'http://127.0.0.1:3100';
export const CHAOS_APP_URL = process.env.HUBWATCH_CHAOS_APP_URL ?? 'http://127.0.0.1:3101';

export const uniqueId = (prefix: string) =>
  `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

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

/** Polls the render API until every target has a non-null value (StatsD flushes every 10 s). */
export async function waitForData(request: APIRequestContext, targets: readonly string[], from = '-10min'): Promise<Series[]> {
  let last: Series[] = [];
  await expect
    .poll(
      async () => {
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
