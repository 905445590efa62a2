import { counterPath, gaugePath } from '../../lib/catalog';
import type { RawRequest } from './raw-http';
import type { Random } from './seeded-random';

/**
 * The expensive requests a burst is made of (issue: long-range status, render and export from
 * several clients at once), over hubs holding a year of data (year-of-hubs.ts). Every range is
 * drawn anew, so neither the status's 2 s cache nor the render cache answers them: each one costs
 * graphite-web a render and the dashboard its parsing. `prefix` selects the burst's hubs with a
 * glob, so a wildcard render reads every one of them.
 */

export type BurstKind = 'status' | 'render' | 'render-wide' | 'render-post' | 'export';
export type BurstRequest = RawRequest & { kind: BurstKind };

const enc = encodeURIComponent;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A range of weeks to two years, ending now or some days ago, to the second. */
function longRange(r: Random): { from: string; until: string } {
  const days = r.pick([14, 30, 90, 180, 365, 400, 730]);
  const endDaysAgo = r.pick([0, 0, 1, 7]);
  const jitter = r.int(0, 86_399);
  return { from: `-${days * 86_400 + endDaysAgo * 86_400 + jitter}s`, until: endDaysAgo === 0 ? 'now' : `-${endDaysAgo}d` };
}

export function burstRequest(r: Random, hubs: readonly string[], prefix: string): BurstRequest {
  const hub = r.pick([...hubs]);
  const { from, until } = longRange(r);
  // The catalog's paths take one hub name: the glob goes in where the name was.
  const glob = (path: string) => path.replace(`.${hub}.`, `.${prefix}*.`);
  const wide = glob(counterPath(hub, 'spawns.success'));
  const kind = r.pick<BurstKind>(['status', 'status', 'status', 'render', 'render-wide', 'render-post', 'export']);
  switch (kind) {
    case 'status':
      return { kind, method: 'GET', path: `/api/status?hub=${enc(hub)}&from=${enc(from)}&until=${enc(until)}` };
    case 'render': {
      const targets = [counterPath(hub, 'spawns.success'), gaugePath(hub, 'hub.up'), `sumSeries(${wide})`];
      const mdp = r.chance(0.5) ? `&maxDataPoints=${r.int(200, 2000)}` : '';
      return {
        kind,
        method: 'GET',
        path: `/api/graphite/render?${targets.map((t) => `target=${enc(t)}`).join('&')}&from=${enc(from)}&until=${enc(until)}${mdp}`,
      };
    }
    case 'render-wide':
      // Every point of every hub's series: past the answer limit for long ranges (a 400 that says how to narrow it).
      return {
        kind,
        method: 'GET',
        path: `/api/graphite/render?target=${enc(wide)}&target=${enc(glob(gaugePath(hub, 'hub.up')))}&from=${enc(from)}&until=${enc(until)}`,
      };
    case 'render-post': {
      const body = new URLSearchParams([
        ...hubs.slice(0, 8).map((h) => ['target', counterPath(h, 'spawns.failure.error')]),
        ['from', from],
        ['until', until],
      ]).toString();
      return { kind, method: 'POST', path: '/api/graphite/render', headers: FORM, body };
    }
    case 'export':
      return {
        kind,
        method: 'GET',
        path: `/api/export?target=${enc(wide)}&from=${enc(from)}&until=${enc(until)}&format=${r.pick(['csv', 'json'])}`,
      };
  }
}
