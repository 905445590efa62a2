import { formatCount, formatValue } from '@/lib/charts/format';
import type { MeasureThresholds } from '@/lib/config/impact';
import { formatP } from '@/lib/impact/format';
import { MEASURES, type MeasureId } from '@/lib/impact/measures';
import { type Comparison, compareSamples, type MeasureSample, sampleSize, sampleValue } from '@/lib/impact/samples';

import type { ComparisonKind, MeasureVerdict } from '@/lib/impact/verdicts';

export { COMPARISONS, type ComparisonKind, MEASURE_VERDICTS, type MeasureVerdict } from '@/lib/impact/verdicts';

export interface WindowSamples {
  before: MeasureSample;
  after: MeasureSample;
  baselineBefore: MeasureSample;
  baselineAfter: MeasureSample;
}

/** Step 1, per measure: values and raw tests. Holm's correction needs every measure's first. */
export interface Assessment {
  id: MeasureId;
  values: { before: number | null; after: number | null; baselineBefore: number | null; baselineAfter: number | null };
  samples: { before: number; after: number; baselineBefore: number; baselineAfter: number };
  vsBefore: Comparison | null;
  /** After against last week's after window; null when last week had too little data to compare with. */
  vsLastWeek: Comparison | null;
  comparison: ComparisonKind;
  /**
   * The p-value of "after differs from both before and last week's after, the same way": the
   * larger of the two (an intersection-union test needs no further correction for the pair);
   * 1 when the two point in opposite directions. Null when nothing could be tested.
   */
  rawP: number | null;
}

export function assessMeasure(id: MeasureId, windows: WindowSamples, thresholds: MeasureThresholds): Assessment {
  const samples = {
    before: sampleSize(windows.before),
    after: sampleSize(windows.after),
    baselineBefore: sampleSize(windows.baselineBefore),
    baselineAfter: sampleSize(windows.baselineAfter),
  };
  const vsBefore = compareSamples(id, windows.before, windows.after);
  // A sparse week-old window would veto any verdict without telling anything; it is left out.
  const lastWeekUsable = samples.baselineAfter >= thresholds.minSamples;
  const vsLastWeek = lastWeekUsable ? compareSamples(id, windows.baselineAfter, windows.after) : null;
  let rawP: number | null = vsBefore?.pValue ?? null;
  if (vsBefore !== null && vsLastWeek !== null) {
    rawP = vsBefore.direction === vsLastWeek.direction ? Math.max(vsBefore.pValue, vsLastWeek.pValue) : 1;
  }
  return {
    id,
    values: {
      before: sampleValue(windows.before),
      after: sampleValue(windows.after),
      baselineBefore: sampleValue(windows.baselineBefore),
      baselineAfter: sampleValue(windows.baselineAfter),
    },
    samples,
    vsBefore,
    vsLastWeek,
    comparison: vsLastWeek === null ? 'before_only' : 'before_and_last_week',
    rawP,
  };
}

export interface MeasureDecision {
  verdict: MeasureVerdict;
  reason: string;
  /** How many more samples each window needs for a `no_change`; null unless not_enough_data. */
  needed: { before: number; after: number } | null;
  /** The change after vs before happened last week too, so it is not blamed on the deployment. */
  seasonal: boolean;
}

/** True when the move from `from` to `to` is at least the minimum that matters. */
export function largeEnough(from: number | null, to: number | null, t: MeasureThresholds): boolean {
  if (from === null || to === null) return false;
  const change = Math.abs(to - from);
  return change >= t.minAbsolute && (from === 0 || change >= t.minRelative * Math.abs(from));
}

const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);

/**
 * Step 2: the verdict, from the Holm-adjusted p. `worse`/`better` need a significant change that
 * is large enough, in the same direction against the window before, against last week's same
 * window (when it has data), and in the shown values, so the numbers never contradict the
 * verdict. An exact test is valid on small samples, so a clear change is reported even then;
 * only `no_change` needs the minimum sample in both windows.
 */
/** A measure's verdict said without last week's data; the deployment's paragraph says it once for all (deployment-verdict.ts). */
export const WITHOUT_LAST_WEEK = 'last week has no data to compare with, so before/after alone';

export function decideMeasure(a: Assessment, adjustedP: number | null, alpha: number, t: MeasureThresholds): MeasureDecision {
  const info = MEASURES[a.id];
  const { before, after, baselineAfter } = a.values;
  const show = (v: number | null) => formatValue(v, info.unit, 'no data');
  const direction = a.vsBefore?.direction ?? 0;
  const shownAgrees = before !== null && after !== null && sign(after - before) === direction && direction !== 0;
  const lastWeekAgrees =
    a.vsLastWeek === null ||
    (a.vsLastWeek.direction === direction && baselineAfter !== null && after !== null && sign(after - baselineAfter) === direction);
  const bigVsBefore = largeEnough(before, after, t);
  const bigVsLastWeek = a.vsLastWeek === null || largeEnough(baselineAfter, after, t);
  const significant = adjustedP !== null && adjustedP < alpha;
  const lastWeekText = a.vsLastWeek === null ? WITHOUT_LAST_WEEK : `and vs ${show(baselineAfter)} at the same time last week`;

  if (significant && shownAgrees && lastWeekAgrees && bigVsBefore && bigVsLastWeek) {
    const verdict = direction > 0 ? 'worse' : 'better';
    return {
      verdict,
      reason: `${info.label} ${verdict}: ${show(after)} after vs ${show(before)} before (${formatP(adjustedP)}), ${lastWeekText}`,
      needed: null,
      seasonal: false,
    };
  }

  const enough = a.samples.before >= t.minSamples && a.samples.after >= t.minSamples;
  if (!enough) {
    const needed = {
      before: Math.max(0, Math.ceil(t.minSamples - a.samples.before)),
      after: Math.max(0, Math.ceil(t.minSamples - a.samples.after)),
    };
    const parts = [
      needed.after > 0 ? `${formatCount(needed.after)} more ${info.sampleUnit} after the deployment` : null,
      needed.before > 0 ? `${formatCount(needed.before)} more before it (a longer window)` : null,
    ].filter((part) => part !== null);
    return {
      verdict: 'not_enough_data',
      reason: `${info.label}: ${formatCount(a.samples.before)} ${info.sampleUnit} before and ${formatCount(a.samples.after)} after; ${formatCount(t.minSamples)} in each window are needed to rule out a change: needs ${parts.join(' and ')}`,
      needed,
      seasonal: false,
    };
  }

  const rawBeforeP = a.vsBefore?.pValue ?? null;
  const changedVsBefore = rawBeforeP !== null && rawBeforeP < alpha && shownAgrees && bigVsBefore;
  const seasonal = changedVsBefore && a.vsLastWeek !== null && !(lastWeekAgrees && bigVsLastWeek && a.vsLastWeek.pValue < alpha);
  let why: string;
  if (seasonal) {
    why = `${show(before)} before, ${show(after)} after, but ${show(baselineAfter)} at the same time last week (${show(a.values.baselineBefore)} before it): the same change as last week, not blamed on the deployment`;
  } else if (significant && !(bigVsBefore && bigVsLastWeek)) {
    why = `${show(before)} before, ${show(after)} after: smaller than the change that matters`;
  } else {
    why = `${show(before)} before, ${show(after)} after: no significant change (${formatP(adjustedP)})`;
  }
  return { verdict: 'no_change', reason: `${info.label}: ${why}`, needed: null, seasonal };
}
