import { GraphiteError } from './errors';

/**
 * Bounds the renders in flight to graphite-web. graphite-web runs a few sync workers; a handful of
 * expensive renders (a catastrophic regex in aliasSub, a year of 10 s points) would otherwise hold
 * every worker and stall every view. Renders of the status numbers and of whatever users ask
 * (the render API, explore, exports, impact pages) get separate gates, so user queries can never
 * take the last worker from the status page. When a gate's queue is full the render fails at once
 * as `busy` (503 graphite_busy with Retry-After), rather than waiting behind the others.
 */

export const RENDER_LANES = ['status', 'query'] as const;
export type RenderLane = (typeof RENDER_LANES)[number];

export type GateOptions = {
  maxInFlight: number;
  maxQueued: number;
  /** A render that waited this long for its turn fails as busy (it would time out anyway). */
  maxWaitMs?: number;
};

export function createGate(options: GateOptions) {
  let inFlight = 0;
  const waiting: Array<() => void> = [];

  function release(): void {
    inFlight--;
    const next = waiting.shift();
    if (next !== undefined) {
      inFlight++;
      next();
    }
  }

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (inFlight >= options.maxInFlight) {
        if (waiting.length >= options.maxQueued) {
          throw new GraphiteError('busy', `Graphite is busy: ${inFlight} renders running, ${waiting.length} waiting`);
        }
        await new Promise<void>((resolve, reject) => {
          const start = () => {
            clearTimeout(timer);
            resolve();
          };
          const timer =
            options.maxWaitMs === undefined
              ? undefined
              : setTimeout(() => {
                  const at = waiting.indexOf(start);
                  if (at >= 0) waiting.splice(at, 1);
                  reject(new GraphiteError('busy', `Graphite is busy: waited ${options.maxWaitMs} ms for a free render slot`));
                }, options.maxWaitMs);
          waiting.push(start);
        });
      } else {
        inFlight++;
      }
      try {
        return await task();
      } finally {
        release();
      }
    },
    stats: () => ({ inFlight, waiting: waiting.length }),
  };
}

export type Gate = ReturnType<typeof createGate>;
