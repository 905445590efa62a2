/**
 * Times by hashed user key, oldest first, bounded: past `max` keys the oldest is dropped, so a
 * hub with a flood of failing users cannot grow the collector's memory. Used for open spawn
 * attempts and for failures still waiting for their 5xx answer.
 */
export class RecentKeys {
  private readonly times = new Map<string, number>();

  constructor(private readonly max: number) {}

  get size(): number {
    return this.times.size;
  }

  get(key: string): number | undefined {
    return this.times.get(key);
  }

  /** Records `key` at `atMs` as the newest key. */
  set(key: string, atMs: number): void {
    this.times.delete(key);
    this.times.set(key, atMs);
    if (this.times.size > this.max) {
      const oldest = this.times.keys().next();
      if (!oldest.done) this.times.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.times.delete(key);
  }

  entries(): [string, number][] {
    return [...this.times];
  }
}
