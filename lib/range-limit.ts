/**
 * How long a range may be. Two years: twice the stack's longest retention (10m:1y), so a
 * year-over-year comparison still fits, while bounding what one render can ask graphite-web to
 * read. The API refuses longer ranges (lib/http/params.ts) and the server-rendered pages show
 * the same problem, so both read it here.
 */
export const MAX_RANGE_DAYS = 732;

const SECONDS_PER_DAY = 86_400;

/** What is wrong with a resolved range, as `[field, problem]`, or null when it is within the limit. */
export function rangeProblem(from: number, until: number): ['from' | 'until', string] | null {
  if (until <= from) return ['until', 'must be later than from'];
  if (until - from > MAX_RANGE_DAYS * SECONDS_PER_DAY) {
    return ['from', `range from..until is longer than the limit of ${MAX_RANGE_DAYS} days`];
  }
  return null;
}
