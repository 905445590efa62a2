import { attemptKey } from './attempts';
import { RecentKeys } from './recent-keys';

// The answer follows the failure within the request (slow_spawn_timeout), or when the student
// reloads the pending page; an hour is the same generous bound as for attempts.
const WINDOW_MS = 60 * 60 * 1000;
const MAX_PENDING = 10_000;

/**
 * Counted start failures whose 5xx answer has not been seen yet, by hashed user key (never a
 * name). Each failure pairs with at most one 5xx answer: a second 500 for the same failure is a
 * second error the student saw, and stays in "Hub 5xx".
 */
export class FailedStarts {
  private readonly unanswered = new RecentKeys(MAX_PENDING);

  failed(user: string, atMs: number): void {
    this.unanswered.set(attemptKey(user), atMs);
  }

  /** A 5xx answered `user`'s start: true when it is the answer to a counted failure. */
  answered(user: string, atMs: number): boolean {
    const key = attemptKey(user);
    const at = this.unanswered.get(key);
    if (at === undefined) return false;
    this.unanswered.delete(key);
    return atMs - at <= WINDOW_MS;
  }

  /** The user's server came up or was stopped: a later 5xx is a new error. */
  settled(user: string): void {
    if (this.unanswered.size > 0) this.unanswered.delete(attemptKey(user));
  }
}
