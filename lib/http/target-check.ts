import { LRUCache } from 'lru-cache';
import { scanTargetText } from '@/lib/explore/target-scan';

/**
 * The server's view of a target: the first problem the one grammar finds (lib/explore/target-scan.ts,
 * the same the browser's check reads), and the functions it calls. A render is checked by the
 * server's fast path, by the route's parameters and by the function-name check: the scan is kept
 * per target text, so a target is scanned once however many of them ask (and a class asking the
 * same charts scans nothing at all).
 */

export type TargetScan = {
  /** The first problem, as a sentence naming its position (1-based), or null. */
  problem: string | null;
  /** Names of the functions the target calls, in order of appearance. */
  functions: string[];
};

// Targets are at most 1000 characters (params.ts): a few MB at most, for the charts of every view.
const scans = new LRUCache<string, TargetScan>({ max: 2_000 });

export function scanTarget(target: string): TargetScan {
  const known = scans.get(target);
  if (known !== undefined) return known;
  const { problems, calls } = scanTargetText(target);
  // An empty target is the parameter schema's to refuse (params.ts), in its own words, once.
  const first = target.trim() === '' ? undefined : problems[0];
  const scan = { problem: first?.message ?? null, functions: calls.map((call) => call.name) };
  scans.set(target, scan);
  return scan;
}
