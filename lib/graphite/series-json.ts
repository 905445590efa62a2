import type { Series } from './types';

/**
 * Serialises render results the way graphite-web does: ±Infinity as ±1e9999 (JSON.stringify
 * would silently write null), NaN as null. Writing the text once also lets the cache hand the
 * same bytes to every client instead of re-encoding per request.
 */
function value(v: number | null): string {
  if (v === null || Number.isNaN(v)) return 'null';
  if (v === Number.POSITIVE_INFINITY) return '1e9999';
  if (v === Number.NEGATIVE_INFINITY) return '-1e9999';
  return String(v);
}

export function seriesToJson(series: readonly Series[]): string {
  const parts = series.map((s) => {
    const points = s.datapoints.map(([v, t]) => `[${value(v)},${t}]`).join(',');
    return `{"target":${JSON.stringify(s.target)},"tags":${JSON.stringify(s.tags)},"datapoints":[${points}]}`;
  });
  return `[${parts.join(',')}]`;
}
