import { createHash } from 'node:crypto';
import type { SpawnFailureReason } from '../../lib/catalog';
import { RecentKeys } from './recent-keys';

/** Persisted form: hashed user keys only, so a checkpoint file never holds a user name. */
export interface AttemptSnapshot {
  readonly key: string;
  readonly at: number;
}

// A process that exits during start is logged at slow_spawn_timeout (`Spawner failed to start`) and
// again when http_timeout expires (`never showed up`). Both belong to one attempt; the gap is at most
// start_timeout + http_timeout, so an hour of hub time is a generous bound.
const WINDOW_MS = 60 * 60 * 1000;
const MAX_PENDING = 10_000;

export function attemptKey(user: string): string {
  // Named servers log `user:server` in some messages and `user` in others: key on the user part.
  const colon = user.indexOf(':');
  const name = colon === -1 ? user : user.slice(0, colon);
  return createHash('sha256').update(name).digest('base64url').slice(0, 22);
}

/**
 * Decides whether a spawn-failure line starts a new failed attempt or repeats one already counted.
 * Only `exited` leaves the attempt open (the hub logs its end later); every other reason is final.
 */
export class AttemptTracker {
  private readonly exited = new RecentKeys(MAX_PENDING);

  /** True when this failure must be counted. */
  failure(user: string, reason: SpawnFailureReason, atMs: number): boolean {
    const key = attemptKey(user);
    const openSince = this.exited.get(key);
    const open = openSince !== undefined && atMs - openSince <= WINDOW_MS;
    if (open) {
      // Any later failure line for the same user closes the already counted attempt.
      if (reason !== 'exited') this.exited.delete(key);
      return false;
    }
    if (reason === 'exited') this.exited.set(key, atMs);
    else if (openSince !== undefined) this.exited.delete(key);
    return true;
  }

  /** The user's server came up or was stopped: no attempt is open any more. */
  settled(user: string): void {
    if (this.exited.size > 0) this.exited.delete(attemptKey(user));
  }

  get size(): number {
    return this.exited.size;
  }

  snapshot(): AttemptSnapshot[] {
    return this.exited.entries().map(([key, at]) => ({ key, at }));
  }

  restore(entries: readonly AttemptSnapshot[]): void {
    for (const e of entries) this.exited.set(e.key, e.at);
  }
}
