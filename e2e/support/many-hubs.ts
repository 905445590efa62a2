import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { counterPath, gaugePath } from '../../lib/catalog';
import { sendCarbon } from './browser';
import { whisperRoots } from './stack-mode';

/**
 * Many throw-away hubs written straight to carbon with past timestamps (as bench/scale.ts does),
 * so StatsD never learns their keys and never re-sends them. Two series per hub, not the whole
 * catalog: the shared carbon creates at most 600 whisper files a minute (MAX_CREATES_PER_MINUTE),
 * and a hub needs only `hub.up` to be listed and one counter to be found and drawn.
 */

const dataDir = process.env.HUBWATCH_DATA_DIR ?? join(process.cwd(), '.data');
const TEST_HUB = /^e2e[a-z0-9]{6,20}$/;

/** `count` hub names `e2e<run>h000`…, valid for forgetting (lowercase, digits). */
export function manyHubNames(run: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `e2e${run}h${String(i).padStart(3, '0')}`);
}

/** The counter the scale spec searches for; its value is the hub's number, so a drawn line names its hub. */
export const searchedCounter = (hub: string) => counterPath(hub, 'spawns.success');

export async function writeManyHubs(hubs: readonly string[], now: number): Promise<void> {
  const lines: string[] = [];
  hubs.forEach((hub, i) => {
    for (const at of [now - 30, now - 20, now - 10]) {
      lines.push(`${gaugePath(hub, 'hub.up')} 1 ${at}`);
      lines.push(`${searchedCounter(hub)} ${i} ${at}`);
    }
  });
  await sendCarbon(lines);
}

/**
 * Removes the hubs' whisper directories, then again after carbon had time to drain its cache
 * (it recreates a file for points it still held, as e2e/support/forget-hub.ts explains).
 */
export async function forgetManyHubs(hubs: readonly string[]): Promise<void> {
  for (const hub of hubs) if (!TEST_HUB.test(hub)) throw new Error(`refusing to forget hub "${hub}": not a test hub`);
  const dirs = hubs.flatMap((hub) =>
    whisperRoots(dataDir).flatMap((root) => ['gauges', 'counters'].map((kind) => join(root, 'stats', kind, 'jupyterhub', hub))),
  );
  for (let round = 0; round < 4; round += 1) {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })));
    await sleep(1_500);
    if (!dirs.some((dir) => existsSync(dir))) return;
  }
  throw new Error('carbon kept recreating the scale spec hubs');
}
