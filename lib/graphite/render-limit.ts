/**
 * How large a render answer the dashboard reads. A render is parsed whole (schema, cache, the
 * status numbers), and parsed render JSON costs about 3.6 times its text on the heap (72 bytes per
 * [value, time] pair, measured on Node 20), so one cap per answer is what keeps a burst of long
 * ranges from exhausting memory: with two renders in flight per lane, about 60 MB each at most.
 * 8 MB is some 400,000 points: every point of 50 targets at maxDataPoints 5000 still fits, as does a
 * day of 10 s points for 40 targets or a year of 10-minute points for 7. Past it the request is
 * refused with what to change, never buffered further.
 */
export const RENDER_MAX_BYTES = 8 * 1024 * 1024;

/** About how many points an answer of `bytes` holds (graphite-web writes 18-24 bytes a point). */
const BYTES_PER_POINT_TEXT = 20;

/** What to tell the person whose render was refused for its size. */
export function tooLargeReason(limitBytes: number): string {
  const mb = Math.round(limitBytes / (1024 * 1024));
  const points = Math.round(limitBytes / BYTES_PER_POINT_TEXT / 1000) * 1000;
  return (
    `the answer is larger than the limit of ${mb} MB (about ${points.toLocaleString('en-US')} points); ` +
    'ask for a shorter range, fewer targets, or set maxDataPoints (e.g. 1000) to have Graphite consolidate'
  );
}
