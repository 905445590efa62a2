import { quantileSeries } from '@/lib/charts/quantile-series';
import type { SeriesTransform } from '@/lib/charts/series-transform';
import type { Series } from '@/lib/shared/series';

const QUANTILES = [0.5, 0.95] as const;

/** The hub's request histogram (per status code, `le` buckets), as the collector names it. */
export const REQUEST_FAMILY = 'jupyterhub_request_duration_seconds';

/** `...prom.jupyterhub_request_duration_seconds.503.le_0_1.count` -> "5xx". */
function statusClassOf(path: string, family: string): string | null {
  const marker = `.${family}.`;
  const at = path.indexOf(marker);
  if (at < 0) return null;
  const code = path.slice(at + marker.length).split('.')[0] ?? '';
  return /^[1-5]\d\d$/.test(code) ? `${code[0]}xx` : null;
}

/** p95 latency per status class from the hub's request histogram (le buckets per code). */
export const requestLatencyByClass: SeriesTransform = (series: Series[]) => {
  const groups = new Map<string, Series[]>();
  for (const s of series) {
    const cls = statusClassOf(s.tags.name ?? s.target, REQUEST_FAMILY);
    if (cls === null) continue;
    groups.set(cls, [...(groups.get(cls) ?? []), s]);
  }
  const out: Series[] = [];
  for (const cls of [...groups.keys()].sort()) {
    const [p95] = quantileSeries(groups.get(cls) ?? [], { layout: 'prom-le', quantiles: [0.95], scale: 1000 });
    if (p95) out.push({ ...p95, target: `${cls} p95`, tags: { name: `${cls} p95` } });
  }
  return { series: out };
};

/** Median and p95 from StatsD timer histogram bins (ms). */
export const statsdQuantiles: SeriesTransform = (series) => ({
  series: quantileSeries(series, { layout: 'statsd-bins', quantiles: QUANTILES }),
});

/** The median alone from StatsD timer histogram bins (ms): the impact page's wait overlay. */
export const statsdMedian: SeriesTransform = (series) => ({
  series: quantileSeries(series, { layout: 'statsd-bins', quantiles: [0.5] }),
});

/** Median and p95 from a hub histogram's `le` buckets (seconds, shown in ms). */
export const promQuantiles: SeriesTransform = (series) => ({
  series: quantileSeries(series, { layout: 'prom-le', quantiles: QUANTILES, scale: 1000 }),
});

/**
 * The quantile transforms by name, so a /system panel can say which one it draws and "Open in
 * explore" can carry that name in the URL: explore then runs this same code on the same bins,
 * and the number on the panel is the number in explore. `label` is what an operator reads.
 */
export const QUANTILE_TRANSFORMS = [
  {
    value: 'statsd-p50-p95',
    label: 'p50 and p95 from StatsD histogram bins',
    transform: statsdQuantiles,
  },
  {
    value: 'statsd-p50',
    label: 'median from StatsD histogram bins',
    transform: statsdMedian,
  },
  {
    value: 'prom-p50-p95',
    label: "p50 and p95 (ms) from the hub's histogram buckets (le, seconds)",
    transform: promQuantiles,
  },
  {
    value: 'prom-p95-by-class',
    label: "p95 (ms) per status class from the hub's request histogram buckets (le)",
    transform: requestLatencyByClass,
  },
] as const satisfies readonly { value: string; label: string; transform: SeriesTransform }[];

export type QuantileTransformName = (typeof QUANTILE_TRANSFORMS)[number]['value'];

export function quantileTransform(name: QuantileTransformName): (typeof QUANTILE_TRANSFORMS)[number] {
  const found = QUANTILE_TRANSFORMS.find((t) => t.value === name);
  if (!found) throw new Error(`no quantile transform "${name}"`);
  return found;
}

export function isQuantileTransformName(raw: string | null | undefined): raw is QuantileTransformName {
  return QUANTILE_TRANSFORMS.some((t) => t.value === raw);
}
