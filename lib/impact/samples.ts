import type { MeasureId } from '@/lib/impact/measures';
import type { WindowCounts } from '@/lib/impact/window-counts';
import { fisherExactTest } from '@/lib/stats/fisher-exact';
import { type HistogramBin, histogramQuantile, histogramTotal } from '@/lib/stats/histogram-quantile';
import { quantileTest } from '@/lib/stats/quantile-test';
import { rateRatioTest } from '@/lib/stats/rate-test';

/** One measure's data in one window, in the form its test needs. */
export type MeasureSample =
  | { kind: 'share'; events: number; trials: number }
  | { kind: 'rate'; events: number; exposure: number }
  | { kind: 'bins'; bins: HistogramBin[]; q: number };

export function measureSample(id: MeasureId, c: WindowCounts): MeasureSample {
  switch (id) {
    case 'spawnFailureRate':
      return { kind: 'share', events: c.spawnFailed, trials: c.spawnSuccess + c.spawnFailed };
    case 'throttledShare':
      return { kind: 'share', events: c.turnedAway, trials: c.spawnSuccess + c.spawnFailed + c.turnedAway };
    case 'hub5xxRate':
      // A 5xx count above the requests counted (two sources a flush apart) is capped, never a share > 1.
      return { kind: 'share', events: Math.min(c.hub5xx, c.requests), trials: c.requests };
    case 'failedLoginShare':
      return { kind: 'share', events: c.loginFailure, trials: c.loginSuccess + c.loginFailure };
    case 'crashRate':
      return { kind: 'rate', events: c.crashes, exposure: c.serverHours };
    case 'spawnWaitP50':
      return { kind: 'bins', bins: c.spawnWait, q: 0.5 };
    case 'spawnWaitP95':
      return { kind: 'bins', bins: c.spawnWait, q: 0.95 };
    case 'requestLatencyP95':
      return { kind: 'bins', bins: c.requestLatency, q: 0.95 };
  }
}

/** How much traffic the value rests on (attempts, requests, server-hours, timed starts). */
export function sampleSize(sample: MeasureSample): number {
  if (sample.kind === 'share') return sample.trials;
  if (sample.kind === 'rate') return sample.exposure;
  return histogramTotal(sample.bins);
}

/** The measure's value; null when there is nothing to compute it from (never NaN). */
export function sampleValue(sample: MeasureSample): number | null {
  if (sample.kind === 'share') return sample.trials > 0 ? sample.events / sample.trials : null;
  if (sample.kind === 'rate') return sample.exposure > 0 ? sample.events / sample.exposure : null;
  return histogramQuantile(sample.bins, sample.q);
}

export interface Comparison {
  /** Two-sided, not adjusted for the other measures. */
  pValue: number;
  /** +1 when the second window is higher (worse), -1 lower, 0 the same. */
  direction: -1 | 0 | 1;
}

const sign = (x: number): -1 | 0 | 1 => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** The test that fits the measure, first window against second; null when either is empty. */
export function compareSamples(id: MeasureId, first: MeasureSample, second: MeasureSample): Comparison | null {
  if (sampleSize(first) <= 0 || sampleSize(second) <= 0) return null;
  if (first.kind === 'share' && second.kind === 'share') {
    const p = fisherExactTest([
      [first.events, first.trials - first.events],
      [second.events, second.trials - second.events],
    ]);
    return { pValue: p, direction: sign(second.events / second.trials - first.events / first.trials) };
  }
  if (first.kind === 'rate' && second.kind === 'rate') {
    const p = rateRatioTest(first, second);
    if (p === null) return null;
    return { pValue: p, direction: sign(second.events / second.exposure - first.events / first.exposure) };
  }
  if (first.kind === 'bins' && second.kind === 'bins') {
    const result = quantileTest(first.bins, second.bins, second.q);
    return result === null ? null : { pValue: result.pValue, direction: result.direction };
  }
  throw new Error(`${id}: the two windows hold different kinds of data`);
}
