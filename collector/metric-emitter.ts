import type { CounterKey, FamilyKey, GaugeKey, PromKey, TimerKey } from '../lib/catalog';

/** What can be counted: a contract counter, a member of a counter family, or a /hub/metrics counter. */
export type EmittedCounter = CounterKey | FamilyKey | PromKey;
export type EmittedTimer = TimerKey;
export type EmittedGauge = GaugeKey | PromKey;

/**
 * What every source writes to. Keys are relative to the `jupyterhub.<hub>` prefix, typed by the
 * catalog (lib/catalog) so a misspelled key does not compile, and built only from constants and
 * validated codes, never from user input (user names must not reach a metric name).
 */
export interface MetricEmitter {
  count(key: EmittedCounter, n: number): void;
  timing(key: EmittedTimer, ms: number): void;
  gauge(key: EmittedGauge, value: number): void;
}

/** Collects in memory: used by tests and the benchmark to compare totals. */
export class MemoryEmitter implements MetricEmitter {
  readonly counters = new Map<string, number>();
  readonly timers = new Map<string, number[]>();
  readonly gauges = new Map<string, number>();

  count(key: EmittedCounter, n: number): void {
    this.counters.set(key, (this.counters.get(key) ?? 0) + n);
  }

  timing(key: EmittedTimer, ms: number): void {
    const list = this.timers.get(key);
    if (list) list.push(ms);
    else this.timers.set(key, [ms]);
  }

  gauge(key: EmittedGauge, value: number): void {
    this.gauges.set(key, value);
  }

  counter(key: EmittedCounter): number {
    return this.counters.get(key) ?? 0;
  }
}
