import { setTimeout as sleep } from 'node:timers/promises';
import { counterPath, gaugePath } from '../../lib/catalog';
import { sendCarbon } from './browser';

/**
 * A year of history for many throw-away hubs, written straight to carbon's line protocol with old
 * timestamps (carbon files each point in the first archive whose retention covers its age, so a
 * year lands in the 10-minute archive, the last weeks at 1 minute, today at 10 s). Three series a
 * hub, so a dozen hubs stay far below the shared carbon's MAX_CREATES_PER_MINUTE (600). A point
 * every few hours is enough: the size of a render over a range is set by the archive's step, not
 * by how many points hold data. Removed with many-hubs.ts's forgetManyHubs.
 */

const DAY = 86_400;
const YEAR_DAYS = 365;
/** One point every 3 hours over the year, then every 10 minutes over the last day. */
const OLD_STEP = 3 * 3_600;
const RECENT_STEP = 600;
// carbon reads a socket's lines as they come; batches keep one write from holding 100k lines.
const BATCH = 20_000;

export const yearSeries = (hub: string) => [
  gaugePath(hub, 'hub.up'),
  counterPath(hub, 'spawns.success'),
  counterPath(hub, 'spawns.failure.error'),
];

export async function writeYearOfHubs(hubs: readonly string[], now: number): Promise<number> {
  const lines: string[] = [];
  hubs.forEach((hub, h) => {
    const [up, success, failed] = yearSeries(hub);
    const point = (at: number) => {
      lines.push(`${up} 1 ${at}`);
      lines.push(`${success} ${1 + ((at / 600 + h) % 9)} ${at}`);
      lines.push(`${failed} ${(at / 600 + h) % 3 === 0 ? 1 : 0} ${at}`);
    };
    for (let at = now - YEAR_DAYS * DAY + DAY; at < now - DAY; at += OLD_STEP) point(at - (at % 600));
    for (let at = now - DAY; at < now - 60; at += RECENT_STEP) point(at - (at % 10));
  });
  for (let i = 0; i < lines.length; i += BATCH) {
    await sendCarbon(lines.slice(i, i + BATCH));
    await sleep(200);
  }
  return lines.length;
}
