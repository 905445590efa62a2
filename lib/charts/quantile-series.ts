import { parseBinBound, parseLeBound } from '@/lib/catalog';
import type { Series } from '@/lib/shared/series';
import { type HistogramBin, histogramQuantile } from '@/lib/stats/histogram-quantile';

/**
 * How a histogram is stored: StatsD timer bins (`bin_<bound>`, per-interval counts per bin) or
 * /hub/metrics bucket deltas (`le_<bound>`, cumulative by `le` as Prometheus defines them).
 */
export type HistogramLayout = 'statsd-bins' | 'prom-le';

function boundOf(series: Series, layout: HistogramLayout): number | null {
  const paths = [series.tags.name, series.target].filter((p): p is string => typeof p === 'string');
  for (const path of paths) {
    const bound = layout === 'statsd-bins' ? parseBinBound(path) : parseLeBound(path);
    if (bound !== null) return bound;
  }
  return null;
}

export interface QuantileSeriesOptions {
  layout: HistogramLayout;
  /** 0..1, e.g. [0.5, 0.95]. */
  quantiles: readonly number[];
  /** Multiplies bounds into the unit drawn (prom histograms are seconds; panels draw ms). */
  scale?: number;
}

/**
 * One series per quantile, computed at every timestamp from that timestamp's bin counts (the
 * series should already be summed per bucket, e.g. with `summarize(..., 'sum')`). A timestamp
 * with no samples yields null, a gap rather than a fake zero.
 */
export function quantileSeries(input: readonly Series[], options: QuantileSeriesOptions): Series[] {
  const { layout, quantiles, scale = 1 } = options;
  const byBound = new Map<number, Map<number, number>>();
  const times = new Set<number>();
  for (const s of input) {
    const bound = boundOf(s, layout);
    if (bound === null) continue;
    const counts = byBound.get(bound) ?? new Map<number, number>();
    for (const [value, at] of s.datapoints) {
      times.add(at);
      if (value !== null && Number.isFinite(value)) counts.set(at, (counts.get(at) ?? 0) + value);
    }
    byBound.set(bound, counts);
  }
  const bounds = [...byBound.keys()].sort((a, b) => a - b);
  const sortedTimes = [...times].sort((a, b) => a - b);

  const binsAt = (at: number): HistogramBin[] => {
    let previous = 0;
    return bounds.map((upperBound) => {
      const raw = byBound.get(upperBound)?.get(at) ?? 0;
      // Cumulative-by-le buckets become per-bin counts; a negative difference is a scrape race.
      const count = layout === 'prom-le' ? Math.max(0, raw - previous) : raw;
      if (layout === 'prom-le') previous = Math.max(previous, raw);
      return { upperBound, count };
    });
  };

  return quantiles.map((q) => {
    const name = `p${Math.round(q * 100)}`;
    return {
      target: name,
      tags: { name },
      datapoints: sortedTimes.map((at): [number | null, number] => {
        const value = histogramQuantile(binsAt(at), q);
        return [value === null ? null : value * scale, at];
      }),
    };
  });
}
