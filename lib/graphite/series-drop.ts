/**
 * Without a node list there is no way to ask the cluster whether an answer is complete, but a
 * missing storage node shows as a render that suddenly has fewer series than the same query had
 * a moment ago (whisper files do not vanish on their own). This remembers the series count of
 * each render query's last upstream answer and flags such drops as "may be partial".
 */

export type SeriesDrop = {
  /** Series in the previous answer of the same query, and in this one. */
  before: number;
  after: number;
  /** Epoch seconds of the answer that dropped. */
  at: number;
};

/** A drop of at least a quarter of the series (and at least one) is sudden. */
const DROP_SHARE = 0.25;
/** Answers further apart than this are not compared (the query may just be old). */
const COMPARE_WITHIN_MS = 10 * 60_000;
/** A drop keeps the query (and the backend) "may be partial" this long, unless the query recovers. */
export const SUSPECT_MS = 2 * 60_000;
const MAX_QUERIES = 5_000;

export function isSuddenDrop(before: number, after: number): boolean {
  return after < before && before - after >= Math.max(1, Math.ceil(before * DROP_SHARE));
}

export function createDropTracker(now: () => number = Date.now) {
  const last = new Map<string, { count: number; at: number }>();
  const drops = new Map<string, SeriesDrop & { atMs: number }>();

  return {
    /** Records one upstream answer of `key` (a render cache key) with `count` series. */
    note(key: string, count: number): void {
      const at = now();
      const previous = last.get(key);
      last.delete(key);
      last.set(key, { count, at });
      if (last.size > MAX_QUERIES) {
        const oldest = last.keys().next().value;
        if (oldest !== undefined) last.delete(oldest);
      }
      const open = drops.get(key);
      if (open !== undefined && count >= open.before) drops.delete(key);
      if (previous !== undefined && at - previous.at <= COMPARE_WITHIN_MS && isSuddenDrop(previous.count, count)) {
        // Against the count before the first drop: a second, smaller drop must not lower the bar.
        const before = open !== undefined && count < open.before ? open.before : previous.count;
        drops.set(key, { before, after: count, at: Math.floor(at / 1000), atMs: at });
      }
      if (drops.size > MAX_QUERIES) {
        const oldest = drops.keys().next().value;
        if (oldest !== undefined) drops.delete(oldest);
      }
    },
    /** The latest drop still in force, among `keys` (all queries when not given). */
    recent(keys?: readonly string[]): SeriesDrop | null {
      const at = now();
      let found: SeriesDrop | null = null;
      const candidates = keys === undefined ? [...drops.values()] : keys.flatMap((k) => drops.get(k) ?? []);
      for (const drop of candidates) {
        if (at - drop.atMs > SUSPECT_MS) continue;
        if (found === null || drop.at > found.at) found = { before: drop.before, after: drop.after, at: drop.at };
      }
      return found;
    },
  };
}

export type DropTracker = ReturnType<typeof createDropTracker>;

// Shared by every copy of this module in the process (route handlers, pages), like the render cache.
const SHARED = Symbol.for('hubwatch.seriesDrops');
const processWide = globalThis as typeof globalThis & { [SHARED]?: DropTracker };

export function getDropTracker(): DropTracker {
  processWide[SHARED] ??= createDropTracker();
  return processWide[SHARED];
}
