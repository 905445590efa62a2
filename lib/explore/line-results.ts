import type { SeriesTransform } from '@/lib/charts/series-transform';
import type { Series } from './series';

/** The part of a render outcome this reads (lib/client/use-render.ts). */
export type Outcome = { ok: true; series: Series[] } | { ok: false; error: { status: number; code: string; message: string } };

export interface LineResults {
  /** Every drawn series, in line order. */
  series: Series[];
  /** For each series, the index of the line it came from. */
  lineOfSeries: number[];
  /** For each line, the index of its first series (undefined: it drew none). */
  firstSeries: Array<number | undefined>;
  /** For each line, why Graphite (or the dashboard) refused it; null when it did not. */
  rejected: Array<string | null>;
  /** For each line, when Graphite failed on it (5xx, unreachable) while answering others. */
  failed: Array<string | null>;
}

/** "target: rejected by Graphite: Invalid parameters (...); targets: "x"" -> "Invalid parameters (...)". */
export function rejectionReason(message: string): string {
  return message
    .replace(/^target(\[\d+\])?: /, '')
    .replace(/^rejected by Graphite: /, '')
    .replace(/; targets: ".*"$/, '');
}

/**
 * Puts each request's answer back on its line: `lines[k]` is the line index of the k-th drawn
 * request. A 4xx is about the line itself (Graphite's reason, or a limit of the dashboard); a
 * 5xx on one line while others are answered is too (graphite-web answers 500 to, e.g., a bad
 * timeShift offset). When every line fails, the chart shows it as the backend's failure.
 */
export function lineResults(
  lines: readonly number[],
  outcomes: ReadonlyArray<Outcome | undefined> | undefined,
  lineCount: number,
  /** Per drawn request, what to compute from its series before drawing (quantiles from bins). */
  transforms: ReadonlyArray<SeriesTransform | undefined> = [],
): LineResults {
  const out: LineResults = {
    series: [],
    lineOfSeries: [],
    firstSeries: Array(lineCount).fill(undefined),
    rejected: Array(lineCount).fill(null),
    failed: Array(lineCount).fill(null),
  };
  lines.forEach((line, k) => {
    const outcome = outcomes?.[k];
    if (!outcome) return;
    if (!outcome.ok) {
      const { status, message } = outcome.error;
      if (status >= 400 && status < 500) out.rejected[line] = rejectionReason(message);
      else out.failed[line] = status === 0 ? 'no answer from the dashboard server' : `HTTP ${status}: ${message}`;
      return;
    }
    const transform = transforms[k];
    const series = transform ? transform(outcome.series).series : outcome.series;
    out.firstSeries[line] = series.length > 0 ? out.series.length : undefined;
    for (const s of series) {
      out.series.push(s);
      out.lineOfSeries.push(line);
    }
  });
  return out;
}
