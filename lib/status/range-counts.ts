import {
  COUNTER_KEYS,
  type CounterFamily,
  type CounterKey,
  counterPath,
  familyMember,
  HISTOGRAM_BINS,
  histogramPattern,
} from '@/lib/catalog';
import { ERROR_CATEGORIES, ERRORS_EXPLAINED, type ErrorCategory } from '@/lib/errors-explained';
import { type HistogramBin, sumHistogram } from '@/lib/stats/histogram-quantile';
import { type SeriesLike, sumPoints, withinRange } from '@/lib/stats/series';

/** Exact totals over [from, until) from one render of countTargets(hub). */
export interface RangeCounts {
  counters: Record<CounterKey, number>;
  families: Record<CounterFamily, Record<string, number>>;
  spawnWait: HistogramBin[];
  errors: Record<ErrorCategory, number>;
}

const nameOf = (s: SeriesLike): string => s.tags?.name ?? s.target;

export function countRange(series: readonly SeriesLike[], hub: string, from: number, until: number): RangeCounts {
  const byPath = new Map<string, number>();
  const families: Record<CounterFamily, Record<string, number>> = { 'requests.status': {}, 'proxy.errors': {} };
  const binsPrefix = histogramPattern(hub, 'spawns.duration').replace(/bin_\*$/, '');
  const bins: SeriesLike[] = [];
  for (const s of series) {
    const name = nameOf(s);
    if (name.startsWith(binsPrefix)) {
      bins.push(s);
      continue;
    }
    const total = sumPoints(withinRange(s.datapoints, from, until));
    byPath.set(name, (byPath.get(name) ?? 0) + total);
    for (const family of Object.keys(families) as CounterFamily[]) {
      const member = familyMember(name, family);
      if (member !== null && name === counterPath(hub, `${family}.${member}`)) {
        families[family][member] = (families[family][member] ?? 0) + total;
      }
    }
  }
  const counters = Object.fromEntries(COUNTER_KEYS.map((key) => [key, byPath.get(counterPath(hub, key)) ?? 0])) as Record<
    CounterKey,
    number
  >;
  const errors = Object.fromEntries(
    ERROR_CATEGORIES.map((category) => {
      const source = ERRORS_EXPLAINED[category].source;
      if (source.kind === 'counter') return [category, counters[source.key]];
      const members = Object.entries(families[source.family]).filter(([member]) => source.members(member));
      const total = members.reduce((sum, [, n]) => sum + n, 0);
      return [category, Math.max(0, total - (source.minus === undefined ? 0 : counters[source.minus]))];
    }),
  ) as Record<ErrorCategory, number>;
  return {
    counters,
    families,
    spawnWait: sumHistogram(bins, HISTOGRAM_BINS['spawns.duration'], from, until),
    errors,
  };
}
