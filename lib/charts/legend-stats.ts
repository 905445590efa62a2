import type { Series } from '@/lib/shared/series';
import { seriesStepSeconds, storedStepSeconds } from './retention';

export interface LegendStats {
  min: number | null;
  max: number | null;
  avg: number | null;
  last: number | null;
  /** Epoch seconds of the last non-null point. */
  lastAt: number | null;
  points: number;
}

/** min/max/avg/last over the non-null points; nulls are gaps, not zeros. */
export function legendStats(datapoints: Series['datapoints']): LegendStats {
  let min: number | null = null;
  let max: number | null = null;
  let sum = 0;
  let points = 0;
  let last: number | null = null;
  let lastAt: number | null = null;
  for (const [value, at] of datapoints) {
    if (value === null || !Number.isFinite(value)) continue;
    min = min === null ? value : Math.min(min, value);
    max = max === null ? value : Math.max(max, value);
    sum += value;
    points += 1;
    last = value;
    lastAt = at;
  }
  return { min, max, avg: points > 0 ? sum / points : null, last, lastAt, points };
}

export interface Consolidation {
  /** How many stored points each drawn point stands for (1 = none). */
  factor: number;
  stepSeconds: number;
  nativeStepSeconds: number;
}

/**
 * Graphite averages neighbouring points when `maxDataPoints` is smaller than the range holds;
 * the only trace of that in the answer is a step wider than the archive's (as the answer itself
 * shows it where it can, else as configured). Returns null when the points are as stored.
 */
export function detectConsolidation(series: readonly Series[], fromSeconds: number, nowSeconds: number): Consolidation | null {
  const steps: number[] = [];
  for (const s of series) {
    const step = seriesStepSeconds(s.datapoints);
    if (step !== null) steps.push(step);
  }
  if (steps.length === 0) return null;
  const native = storedStepSeconds(steps, fromSeconds, nowSeconds);
  const widest = Math.max(...steps);
  if (widest <= native) return null;
  return { factor: Math.round(widest / native), stepSeconds: widest, nativeStepSeconds: native };
}

/** The last moment any series had a value, or null when none has any. */
export function lastDataAt(series: readonly Series[]): number | null {
  let latest: number | null = null;
  for (const s of series) {
    const { lastAt } = legendStats(s.datapoints);
    if (lastAt !== null && (latest === null || lastAt > latest)) latest = lastAt;
  }
  return latest;
}

/** Sum of the drawn values (what a counter's points add up to over the range); null without any. */
export function seriesTotal(datapoints: Series['datapoints']): number | null {
  let total = 0;
  let any = false;
  for (const [v] of datapoints) {
    if (v === null || !Number.isFinite(v)) continue;
    total += v;
    any = true;
  }
  return any ? total : null;
}
