import { z } from 'zod';

/**
 * `GET /api/graphite/render?target=A&target=B&from=-6h&until=now&maxDataPoints=800` (or the same
 * parameters as a form body by POST): graphite-web's render JSON, one series per matching metric.
 * Graphite leaves out a target with no data and some backends do not keep the targets' order, so
 * a reader of a render with several targets finds each series by its name (`seriesNamed`), never
 * by its position.
 */

export const RENDER_PATH = '/api/graphite/render';

/** Bounds the URL (and so the proxy's target limit) when a chart is given many targets. */
export const MAX_TARGETS_PER_REQUEST = 20;

/** `[value, epochSeconds]`; value is null where Graphite has no data, ±Infinity when Graphite wrote ±1e9999. */
export type Datapoint = [number | null, number];

export type Series = {
  target: string;
  tags: Record<string, string>;
  datapoints: Datapoint[];
};

/** One render: what the render API takes and what the Graphite client sends. */
export type RenderQuery = {
  targets: readonly string[];
  /** Graphite time syntax (see lib/time-range.ts). */
  from: string;
  until: string;
  maxDataPoints?: number;
};

// ±Infinity (graphite-web's 1e9999, which JSON.parse reads as Infinity) is a value: legends show
// it, charts skip it. NaN is never one.
const value = z.custom<number>((v) => typeof v === 'number' && !Number.isNaN(v), 'must be a number');

export const seriesSchema = z.object({
  target: z.string(),
  tags: z.record(z.string(), z.string()).default({}),
  datapoints: z.array(z.tuple([value.nullable(), z.number()])),
});

export const renderAnswerSchema = z.array(seriesSchema);

/** The API URL of a render; also the browser's cache key for it. */
export function renderUrl(q: RenderQuery): string {
  const params = new URLSearchParams();
  for (const t of q.targets.slice(0, MAX_TARGETS_PER_REQUEST)) params.append('target', t);
  params.set('from', q.from);
  params.set('until', q.until);
  if (q.maxDataPoints !== undefined) params.set('maxDataPoints', String(Math.max(1, Math.round(q.maxDataPoints))));
  return `${RENDER_PATH}?${params.toString()}`;
}

/**
 * The series of a render answer that belongs to the target aliased `name` (`alias(..., "name")`);
 * undefined when Graphite left it out (no data).
 */
export function seriesNamed<S extends Pick<Series, 'target'>>(series: readonly S[] | undefined, name: string): S | undefined {
  return series?.find((s) => s.target === name);
}
