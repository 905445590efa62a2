import { createHash } from 'node:crypto';
import { attemptKey } from './attempts';

// A hub with thousands of servers to check at start-up must not grow the collector without bound.
const MAX_KEYS = 10_000;

/** A server's key by its full log name (`user` or `user:server`), hashed: never a name in memory's dumps. */
function serverKey(logName: string): string {
  return createHash('sha256').update(logName).digest('base64url').slice(0, 22);
}

/**
 * The hub's start-up check of the servers it finds in its database (`cleanup_servers=False`), from
 * `Running JupyterHub version` to `Initialized N spawners in S seconds`. A server whose process is
 * there but silent makes that check log `NAME's server never showed up at URL ... Giving up.` (the
 * words of a start's http_timeout, though nothing was started) and then `NAME does not appear to be
 * running at URL, shutting it down.` (3.0 and 6.1.1 alike). So while the check runs, a `never showed
 * up` counts as a start's failure only for a user whose start was requested since the hub started,
 * and each server found dead is one crash whichever of its lines come.
 */
export class StartupChecks {
  private checking = false;
  private readonly requested = new Set<string>();
  private readonly dead = new Set<string>();

  /** `Running JupyterHub version`: a new hub process, its check begins. */
  hubStarting(): void {
    this.checking = true;
    this.requested.clear();
    this.dead.clear();
  }

  /** `Initialized N spawners`: the check is over (it may end after the hub already serves). */
  initialized(): void {
    this.checking = false;
    this.requested.clear();
    this.dead.clear();
  }

  /** An access line of a start request (or its pending page) for `user`. */
  startRequested(user: string): void {
    if (this.checking && this.requested.size < MAX_KEYS) this.requested.add(attemptKey(user));
  }

  get running(): boolean {
    return this.checking;
  }

  /** A `never showed up` of the check itself, not of a start anyone asked for. */
  isCheckTimeout(user: string): boolean {
    return this.checking && !this.requested.has(attemptKey(user));
  }

  /** True the first time the check declares the server `logName` dead: that death counts once. */
  firstDeath(logName: string): boolean {
    if (!this.checking) return true;
    const key = serverKey(logName);
    if (this.dead.has(key)) return false;
    if (this.dead.size < MAX_KEYS) this.dead.add(key);
    return true;
  }
}
