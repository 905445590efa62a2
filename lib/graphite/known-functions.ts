import { LRUCache } from 'lru-cache';
import { getConfig } from '@/lib/config';
import { getGraphiteClient } from './client';

/**
 * The names of graphite-web's render functions, so an unknown one is refused before a render is
 * sent. The list changes only when graphite-web is upgraded: kept 10 minutes. When it cannot be
 * fetched (an outage, or graphite-web 1.1.8 on Python 3.11, whose /functions answers 500) the
 * answer is "unknown" for a minute, and the check is skipped: Graphite's own 400 still names an
 * unknown function, and an outage must not turn every render into a 400.
 */

export const FUNCTIONS_TTL_MS = 600_000;
export const FUNCTIONS_RETRY_MS = 60_000;
/** How long a render waits for the list before going ahead unchecked. */
export const FUNCTIONS_WAIT_MS = 2_000;

/** `null`: the list could not be fetched. */
export type KnownFunctions = { get(): Promise<ReadonlySet<string> | null> };

type Entry = { names: ReadonlySet<string> | null };

export function createKnownFunctions(
  load: () => Promise<ReadonlyArray<{ name: string }>>,
  { ttlMs = FUNCTIONS_TTL_MS, retryMs = FUNCTIONS_RETRY_MS, waitMs = FUNCTIONS_WAIT_MS } = {},
): KnownFunctions {
  const cache = new LRUCache<'all', Entry>({
    max: 1,
    ttlResolution: 0,
    async fetchMethod(_key, _stale, { options }) {
      try {
        const names = new Set((await load()).map((f) => f.name));
        options.ttl = ttlMs;
        return { names };
      } catch {
        options.ttl = retryMs;
        return { names: null };
      }
    },
  });
  return {
    async get() {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), waitMs);
      });
      try {
        const entry = await Promise.race([cache.fetch('all'), late]);
        return entry?.names ?? null;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

const SHARED = Symbol.for('hubwatch.knownFunctions');
const processWide = globalThis as typeof globalThis & { [SHARED]?: KnownFunctions };

/** One list per process: Next gives route handlers and the server hooks their own module instances. */
export function getKnownFunctions(): KnownFunctions {
  processWide[SHARED] ??= createKnownFunctions(() =>
    getGraphiteClient().functions({ timeoutMs: Math.min(getConfig().graphite.timeoutMs, 5_000) }),
  );
  return processWide[SHARED];
}
