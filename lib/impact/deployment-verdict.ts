import { WITHOUT_LAST_WEEK } from '@/lib/impact/judge';
import { MEASURE_IDS, MEASURES, type MeasureId, SPAWN_MEASURES } from '@/lib/impact/measures';
import type { ComparisonKind, MeasureVerdict } from '@/lib/impact/verdicts';

export interface DeploymentVerdict {
  verdict: MeasureVerdict;
  comparison: ComparisonKind;
  reason: string;
}

interface JudgedMeasure {
  verdict: MeasureVerdict;
  reason: string;
  comparison: ComparisonKind;
  seasonal: boolean;
  samples: { before: number; after: number };
  needed: { before: number; after: number } | null;
}
type Judged = Record<MeasureId, JudgedMeasure>;

const need = (m: JudgedMeasure) => (m.needed ? m.needed.before + m.needed.after : 0);

/**
 * The deployment's verdict from its measures (docs/deployment-impact.md): worse if any is worse; else better if
 * any is better; else no_change when the spawn measures had enough data; else not_enough_data.
 * The reason names the measures that decided it and which comparison drove it.
 */
export function deploymentVerdict(measures: Judged, partial: boolean, restart: boolean): DeploymentVerdict {
  const ids = MEASURE_IDS.filter((id) => measures[id].samples.before > 0 || measures[id].samples.after > 0);
  const comparison: ComparisonKind = ids.some((id) => measures[id].comparison === 'before_and_last_week')
    ? 'before_and_last_week'
    : 'before_only';
  const pick = (verdict: MeasureVerdict) => MEASURE_IDS.filter((id) => measures[id].verdict === verdict);
  let verdict: MeasureVerdict;
  let lead: string;
  const worse = pick('worse');
  const better = pick('better');
  const named = worse.length > 0 ? worse : better;
  // Each measure's own reason says when it had no last week; the paragraph says it once.
  const reasons = named.map((id) => measures[id].reason.replace(`, ${WITHOUT_LAST_WEEK}`, '')).join('; ');
  const alone = named.filter((id) => measures[id].comparison === 'before_only').map((id) => MEASURES[id].label);
  const compared =
    comparison === 'before_only'
      ? 'Last week has no data: compared with the window before only.'
      : `Compared with the window before and with the same windows one week earlier${
          alone.length > 0 ? ` (last week has no data for ${alone.join(' and ')}: before/after alone)` : ''
        }.`;
  if (worse.length > 0) {
    verdict = 'worse';
    lead = `Worse: ${reasons}.`;
  } else if (better.length > 0) {
    verdict = 'better';
    lead = `Better: ${reasons}.`;
  } else if (SPAWN_MEASURES.every((id) => measures[id].verdict !== 'not_enough_data')) {
    verdict = 'no_change';
    const seasonal = MEASURE_IDS.filter((id) => measures[id].seasonal);
    lead = `No change that matters in server starts, waits, errors or crashes.${
      seasonal.length > 0 ? ` ${seasonal.map((id) => measures[id].reason).join('; ')}.` : ''
    }`;
  } else {
    verdict = 'not_enough_data';
    // The spawn measure furthest from its minimum speaks for all three (they share their starts).
    const short = SPAWN_MEASURES.filter((id) => measures[id].verdict === 'not_enough_data');
    const neediest = short.reduce((a, b) => (need(measures[b]) > need(measures[a]) ? b : a));
    lead = `Not enough data yet: ${measures[neediest].reason}.`;
  }
  const prefix = restart ? 'A restart with nothing changed: shown for information, not judged as a deployment. ' : '';
  const suffix = partial ? ' The window after has not fully happened yet: judged on what there is so far.' : '';
  return { verdict, comparison, reason: `${prefix}${lead} ${compared}${suffix}` };
}
