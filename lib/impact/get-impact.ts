import { getConfig } from '@/lib/config';
import type { ImpactConfig } from '@/lib/config/impact';
import type { Deployment } from '@/lib/deployments/types';
import { cachedRender } from '@/lib/graphite/cached-render';
import { renderStart } from '@/lib/graphite/render-times';
import type { RenderQuery } from '@/lib/graphite/types';
import { exposureCoverage } from '@/lib/impact/coverage';
import { deploymentVerdict } from '@/lib/impact/deployment-verdict';
import { assessMeasure, decideMeasure } from '@/lib/impact/judge';
import { MEASURE_IDS, MEASURES, type MeasureId } from '@/lib/impact/measures';
import { measureSample } from '@/lib/impact/samples';
import type { ImpactResponse, MeasureResult } from '@/lib/impact/schema';
import { impactTargets, type WindowCounts, windowCounts } from '@/lib/impact/window-counts';
import { impactWindows, type TimeWindow } from '@/lib/impact/windows';
import { holmAdjust } from '@/lib/stats/holm';
import type { SeriesLike } from '@/lib/stats/series';

/** How the judge reads Graphite: the process' cached render, or series a test feeds it. */
export type RenderFn = (query: RenderQuery) => Promise<readonly SeriesLike[]>;

export interface ImpactOptions {
  /** Length of each window (parseImpactWindow). */
  windowSeconds: number;
  /** Epoch seconds; defaults to the clock. */
  now?: number;
  render?: RenderFn;
  /** Defaults to the `impact` section of hubwatch.config.json. */
  config?: ImpactConfig;
}

/** One render for a pair of adjacent windows: [before.from, after.until). */
async function renderPair(render: RenderFn, hub: string, before: TimeWindow, after: TimeWindow, windowSeconds: number, now: number) {
  const series = await render({
    targets: impactTargets(hub, windowSeconds),
    from: String(renderStart(before.from, now)),
    until: String(after.until),
  });
  return { before: windowCounts(series, before), after: windowCounts(series, after) };
}

const relative = (before: number | null, after: number | null): number | null =>
  before === null || after === null || before === 0 ? null : (after - before) / before;

/**
 * The impact of one deployment (docs/deployment-impact.md): the eight measures in the windows before and after
 * it and in the same windows one week earlier, each judged, and one verdict. Two renders in all,
 * both with absolute epoch times (the week-old one is not a timeShift, so it caches on its own).
 * `pValue` is Holm-adjusted across the measures that could be tested; the raw ones are in `tests`.
 * A restart is computed the same way but marked `judged: false` (see docs/deployment-impact.md).
 */
export async function getImpact(deployment: Deployment, options: ImpactOptions): Promise<ImpactResponse> {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const render = options.render ?? cachedRender;
  const config = options.config ?? getConfig().impact;
  const w = options.windowSeconds;
  const windows = impactWindows(deployment.when, w, now);
  const [current, lastWeek] = await Promise.all([
    renderPair(render, deployment.hub, windows.before, windows.after, w, now),
    renderPair(render, deployment.hub, windows.baselineBefore, windows.baselineAfter, w, now),
  ]);
  const counts: Record<'before' | 'after' | 'baselineBefore' | 'baselineAfter', WindowCounts> = {
    before: current.before,
    after: current.after,
    baselineBefore: lastWeek.before,
    baselineAfter: lastWeek.after,
  };

  const assessments = MEASURE_IDS.map((id) =>
    assessMeasure(
      id,
      {
        before: measureSample(id, counts.before),
        after: measureSample(id, counts.after),
        baselineBefore: measureSample(id, counts.baselineBefore),
        baselineAfter: measureSample(id, counts.baselineAfter),
      },
      config.measures[id],
    ),
  );
  const adjusted = holmAdjust(assessments.map((a) => a.rawP));

  const measures = {} as Record<MeasureId, MeasureResult>;
  const judged = {} as Parameters<typeof deploymentVerdict>[0];
  assessments.forEach((a, index) => {
    const t = config.measures[a.id];
    const pValue = adjusted[index] ?? null;
    const decision = decideMeasure(a, pValue, config.alpha, t);
    const { before, after } = a.values;
    const coverage =
      a.id === 'crashRate'
        ? exposureCoverage(
            {
              before: counts.before.runningCoverage,
              after: counts.after.runningCoverage,
              baselineBefore: counts.baselineBefore.runningCoverage,
              baselineAfter: counts.baselineAfter.runningCoverage,
            },
            a.comparison,
          )
        : null;
    measures[a.id] = {
      ...a.values,
      change: before === null || after === null ? null : after - before,
      relativeChange: relative(before, after),
      pValue,
      verdict: decision.verdict,
      samples: { before: a.samples.before, after: a.samples.after },
      label: MEASURES[a.id].label,
      unit: MEASURES[a.id].unit,
      sampleUnit: MEASURES[a.id].sampleUnit,
      baselineSamples: { before: a.samples.baselineBefore, after: a.samples.baselineAfter },
      tests: { vsBefore: a.vsBefore?.pValue ?? null, vsLastWeek: a.vsLastWeek?.pValue ?? null },
      comparison: a.comparison,
      minimumEffect: { absolute: t.minAbsolute, relative: t.minRelative },
      minSamples: t.minSamples,
      needed: decision.needed,
      reason: coverage?.note ? `${decision.reason}. ${coverage.note}` : decision.reason,
      coverage,
    };
    judged[a.id] = { ...decision, comparison: a.comparison, samples: measures[a.id].samples };
  });

  const overall = deploymentVerdict(judged, windows.partial, deployment.kind === 'restart');
  return {
    deployment,
    window: {
      seconds: w,
      before: windows.before,
      after: windows.after,
      baselineBefore: windows.baselineBefore,
      baselineAfter: windows.baselineAfter,
    },
    partial: windows.partial,
    verdict: overall.verdict,
    judged: deployment.kind !== 'restart',
    comparison: overall.comparison,
    reason: overall.reason,
    measures,
  };
}
