/**
 * What every source writes to. Keys are relative to the `jupyterhub.<hub>` prefix and are built only
 * from constants and validated codes, never from user input (user names must not reach a metric name).
 */
export interface MetricEmitter {
  count(key: string, n: number): void;
  timing(key: string, ms: number): void;
  gauge(key: string, value: number): void;
}

/** Collects in memory: used by tests and the benchmark to compare totals. */
export class MemoryEmitter implements MetricEmitter {
  readonly counters = new Map<string, number>();
  readonly timers = new Map<string, number[]>();
  readonly gauges = new Map<string, number>();

  count(key: string, n: number): void {
    this.counters.set(key, (this.counters.get(key) ?? 0) + n);
  }

  timing(key: string, ms: number): void {
    const list = this.timers.get(key);
    if (list) list.push(ms);
    else this.timers.set(key, [ms]);
  }

  gauge(key: string, value: number): void {
    this.gauges.set(key, value);
  }

  counter(key: string): number {
    return this.counters.get(key) ?? 0;
  }
}
