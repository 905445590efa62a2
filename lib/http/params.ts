import { z } from 'zod';
import { MAX_RANGE_DAYS, rangeProblem } from '@/lib/range-limit';
import { epochProblem, normaliseTime, resolveTime, TimeSyntaxError } from '@/lib/time-range';
import { scanTarget } from './target-check';

/** Limits that protect graphite-web from expensive requests; going over one is a 400 naming it. */
export const LIMITS = {
  maxTargets: 50,
  maxTargetLength: 1_000,
  maxDataPoints: 5_000,
  maxRangeDays: MAX_RANGE_DAYS,
  maxQueryLength: 500,
  maxTags: 10,
  maxTagLength: 64,
} as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** zod message for a query parameter that must appear at most once. */
function singleValue(issue: { input?: unknown }): string {
  if (issue.input === undefined) return 'required';
  if (Array.isArray(issue.input)) return 'given more than once';
  return 'must be a string';
}

const singleString = () => z.string({ error: singleValue });

/** A Graphite/Grafana time, normalised to Graphite syntax (`now-5m` -> `-5min`). */
export function timeParam(fallback: string) {
  return singleString()
    .default(fallback)
    .transform((value, ctx) => {
      try {
        return normaliseTime(value);
      } catch (error) {
        if (!(error instanceof TimeSyntaxError)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message });
        return z.NEVER;
      }
    });
}

/**
 * Repeatable `target`: 1..maxTargets targets, each 1..maxTargetLength characters that Graphite
 * can parse as written (target-check.ts); function names are checked by the render route.
 */
export const targetList = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(
      z
        .string()
        .trim()
        .min(1, 'empty target')
        .max(LIMITS.maxTargetLength, `longer than the limit of ${LIMITS.maxTargetLength} characters`)
        .refine((target) => !CONTROL_CHARS.test(target), 'contains control characters')
        .superRefine((target, ctx) => {
          const { problem } = scanTarget(target);
          if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
        }),
    )
    .min(1, 'at least one target is required')
    .max(LIMITS.maxTargets, `more than the limit of ${LIMITS.maxTargets} targets`),
);

/** Optional `maxDataPoints`: a whole number 1..maxDataPoints. */
export const maxDataPointsParam = singleString()
  .regex(/^\d+$/, 'must be a whole number')
  // Any count of digits is a number to compare with the limit ("over the limit", not "not a number").
  .transform((digits) => (digits.replace(/^0+(?=\d)/, '').length > 9 ? Number.MAX_SAFE_INTEGER : Number(digits)))
  .pipe(z.number().min(1, 'must be at least 1').max(LIMITS.maxDataPoints, `over the limit of ${LIMITS.maxDataPoints}`))
  .optional();

/** A Graphite find query (path with globs). */
export const findQueryParam = singleString()
  .trim()
  .min(1, 'required')
  .max(LIMITS.maxQueryLength, `longer than the limit of ${LIMITS.maxQueryLength} characters`)
  .refine((query) => !CONTROL_CHARS.test(query), 'contains control characters');

const TAG_RE = /^[A-Za-z0-9_.:-]+$/;

/** Event tags: repeatable and/or space- or comma-separated; events must carry all of them. */
export const tagList = z.preprocess(
  (value) =>
    (value === undefined ? [] : Array.isArray(value) ? value : [value]).flatMap((item: unknown) =>
      typeof item === 'string' ? item.split(/[\s,]+/).filter(Boolean) : [item],
    ),
  z
    .array(
      z
        .string()
        .max(LIMITS.maxTagLength, `a tag is longer than the limit of ${LIMITS.maxTagLength} characters`)
        .regex(TAG_RE, 'tags may contain only letters, digits, and . _ : -'),
    )
    .max(LIMITS.maxTags, `more than the limit of ${LIMITS.maxTags} tags`),
);

/** Hub name as used in metric paths (`jupyterhub.<hub>`). */
export const hubParam = singleString()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -')
  .default('default');

/** `from` (default -24h, like Graphite) and `until` (default now). */
export const timeRangeShape = {
  from: timeParam('-24h'),
  until: timeParam('now'),
};

/** Adds to `ctx` the problems of a range: empty/reversed, or longer than the limit. */
export function checkTimeRange(range: Readonly<Record<string, unknown>>, ctx: z.RefinementCtx, nowSeconds = Date.now() / 1000): void {
  // Typed loosely so it works on any object schema; both are normalised strings once parsed.
  if (typeof range.from !== 'string' || typeof range.until !== 'string') return;
  const from = resolveTime(range.from, nowSeconds);
  const until = resolveTime(range.until, nowSeconds);
  // A relative time (-31y) can land where no absolute one may: say so before comparing them.
  const outside = (['from', 'until'] as const).flatMap((field) => {
    const problem = epochProblem(field === 'from' ? from : until);
    return problem === null ? [] : [{ field, problem }];
  });
  for (const { field, problem } of outside) ctx.addIssue({ code: 'custom', path: [field], message: problem });
  if (outside.length > 0) return;
  const problem = rangeProblem(from, until);
  if (problem !== null) ctx.addIssue({ code: 'custom', path: [problem[0]], message: problem[1] });
}

/** An object schema with `from`/`until` plus `shape`, whose range is checked. */
export function withTimeRange<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object({ ...shape, ...timeRangeShape }).superRefine((value, ctx) => checkTimeRange(value, ctx));
}
