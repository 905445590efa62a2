import type { StatusResponse } from '@/lib/api/status';
import { isGraphiteError } from '@/lib/graphite/errors';
import { rangeProblem } from '@/lib/range-limit';
import { cachedStatusWithAge } from '@/lib/status/cached-status';
import { resolveTime } from '@/lib/time-range';

export type PageStatus =
  | { kind: 'ok'; status: StatusResponse; fetchedAt: number; now: number }
  /** Graphite failed: the last good answer for the same view, marked stale, if there is one. */
  | { kind: 'stale'; status: StatusResponse; fetchedAt: number; now: number; problem: string }
  | { kind: 'error'; problem: string; now: number };

const lastGood = new Map<string, { status: StatusResponse; fetchedAt: number }>();
const MAX_REMEMBERED = 50;

function problemOf(error: unknown): string {
  if (isGraphiteError(error)) {
    if (error.kind === 'busy') return 'the metrics backend is busy with other requests';
    return error.kind === 'timeout' ? 'the metrics backend did not answer in time' : 'the metrics backend is unreachable';
  }
  return 'the status could not be computed';
}

/** The part of a page's URL the status depends on (raw Graphite times; hub null: the default one). */
export interface PageQuery {
  hub: string | null;
  from: string;
  until: string;
}

/** What a server page shows for its URL; never throws, so the page always renders. */
export async function loadPageStatus(params: PageQuery): Promise<PageStatus> {
  const now = Math.floor(Date.now() / 1000);
  const key = JSON.stringify([params.hub, params.from, params.until]);
  try {
    const from = resolveTime(params.from, now);
    const until = resolveTime(params.until, now);
    // The same limits as the API: the page must not send Graphite what /api/status refuses.
    const outOfRange = rangeProblem(from, until);
    if (outOfRange !== null) return { kind: 'error', problem: `${outOfRange[0]}: ${outOfRange[1]}`, now };
    const served = await cachedStatusWithAge({ hub: params.hub ?? undefined, from: params.from, until: params.until });
    const { status, computedAt } = served;
    // Answered from the last status while a new one could not be computed in time: say so.
    if (served.late) {
      const problem = served.error === undefined ? 'the metrics backend is slow or busy' : problemOf(served.error);
      return { kind: 'stale', status, fetchedAt: computedAt, now, problem };
    }
    if (lastGood.size >= MAX_REMEMBERED && !lastGood.has(key)) {
      const oldest = lastGood.keys().next().value;
      if (oldest !== undefined) lastGood.delete(oldest);
    }
    lastGood.set(key, { status, fetchedAt: now });
    return { kind: 'ok', status, fetchedAt: now, now };
  } catch (error) {
    if (!isGraphiteError(error)) console.error('[status page]', error);
    const previous = lastGood.get(key);
    const problem = problemOf(error);
    return previous ? { kind: 'stale', ...previous, now, problem } : { kind: 'error', problem, now };
  }
}
