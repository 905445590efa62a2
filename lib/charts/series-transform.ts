import type { Series } from '@/lib/shared/series';

/** Derived series computed in the browser from what Graphite returned (e.g. quantiles from bins). */
export type SeriesTransform = (series: Series[]) => { series: Series[]; names?: string[] };
