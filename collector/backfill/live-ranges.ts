import { z } from 'zod';
import { gaugePath } from '../../lib/catalog';

/**
 * Where the hub already has live data: the points of its health probe (`hub.up`, which only the
 * live collector writes), read from graphite-web. A backfill over them is refused unless --force.
 */

export interface LiveSlot {
  /** [from, until) epoch seconds. */
  from: number;
  until: number;
}

const renderSchema = z.array(z.object({ target: z.string(), datapoints: z.array(z.tuple([z.number().nullable(), z.number()])) }));

export async function liveSlots(graphiteUrl: URL, hub: string, from: number, until: number, timeoutMs = 15_000): Promise<LiveSlot[]> {
  const url = new URL('render', graphiteUrl.href.endsWith('/') ? graphiteUrl : new URL(`${graphiteUrl.href}/`));
  url.searchParams.set('target', gaugePath(hub, 'hub.up'));
  url.searchParams.set('from', String(Math.floor(from)));
  url.searchParams.set('until', String(Math.ceil(until)));
  url.searchParams.set('format', 'json');
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status} ${text.slice(0, 200)}`);
  const series = renderSchema.parse(JSON.parse(text));
  const slots: LiveSlot[] = [];
  for (const s of series) {
    const points = s.datapoints;
    const step = points.length > 1 ? (points[1]?.[1] ?? 0) - (points[0]?.[1] ?? 0) : 10;
    for (const [value, ts] of points) {
      if (value === null) continue;
      const last = slots.at(-1);
      if (last !== undefined && last.until === ts) last.until = ts + step;
      else slots.push({ from: ts, until: ts + step });
    }
  }
  return slots;
}

export function describeRange(slot: LiveSlot): string {
  const iso = (s: number) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  return `${iso(slot.from)} to ${iso(slot.until)}`;
}
