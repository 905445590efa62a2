import { gaugePath, importedMarkerPath, KEY_ROOT } from '../../lib/catalog';
import type { EmittedCounter, EmittedGauge, EmittedTimer, MetricEmitter } from '../metric-emitter';
import { counterFields, timerFields } from './flush-bucket';

/**
 * The parser's output sorted into StatsD's 10 s flush buckets by the log's own time. A bucket is
 * finished once the log is `LATE_SECONDS` past its end (log lines are written nearly in order), and
 * handed on whole: every series of a bucket at once, never a part of one.
 * Gauges only where the log tells: servers running from starts, stops and crashes seen since the
 * import's first line (never below 0), and the marker that the range comes from imported logs.
 */

export const LATE_SECONDS = 120;

interface Bucket {
  readonly counters: Map<string, number>;
  readonly timers: Map<string, number[]>;
  /** servers.running at the end of the bucket. */
  running: number;
}

export interface BucketStats {
  buckets: number;
  /** Lines older than a bucket already handed on (out of order by more than LATE_SECONDS). */
  late: number;
}

export class FlushBuckets implements MetricEmitter {
  readonly stats: BucketStats = { buckets: 0, late: 0 };
  private readonly open = new Map<number, Bucket>();
  private current: Bucket | null = null;
  /** Start of the newest bucket handed on (seconds); buckets up to it are final. */
  private doneUntil = -1;
  private newest = -1;
  private running = 0;
  private readonly counterBase: string;
  private readonly timerBase: string;
  private readonly timerKeyBase: string;
  private readonly runningPath: string;
  private readonly markerPath: string;
  /** Emissions of lines before the first timestamp (the parser's state carries over from them). */
  private early: Array<() => void> = [];

  constructor(
    hub: string,
    private readonly flushSeconds: number,
    private readonly out: (ts: number, values: ReadonlyMap<string, number>) => void,
  ) {
    this.counterBase = `stats.counters.${KEY_ROOT}.${hub}.`;
    this.timerBase = `stats.timers.${KEY_ROOT}.${hub}.`;
    this.timerKeyBase = `${KEY_ROOT}.${hub}.`;
    this.runningPath = gaugePath(hub, 'servers.running');
    this.markerPath = importedMarkerPath(hub);
  }

  /** The time of the line about to be parsed; false when its bucket was already handed on. */
  at(ms: number): boolean {
    const start = Math.floor(ms / 1000 / this.flushSeconds) * this.flushSeconds;
    if (start <= this.doneUntil) {
      this.stats.late++;
      this.current = null;
      return false;
    }
    let bucket = this.open.get(start);
    if (bucket === undefined) {
      bucket = { counters: new Map(), timers: new Map(), running: this.running };
      this.open.set(start, bucket);
    }
    this.current = bucket;
    if (start > this.newest) {
      this.newest = start;
      this.finishBefore(start - LATE_SECONDS);
    }
    if (this.early.length > 0) {
      const early = this.early;
      this.early = [];
      for (const emit of early) emit();
    }
    return true;
  }

  /** No timestamp yet: what the parser emits waits for the first one. */
  get started(): boolean {
    return this.current !== null || this.doneUntil >= 0;
  }

  count(key: EmittedCounter, n: number): void {
    const b = this.current;
    if (b === null) {
      if (!this.started) this.early.push(() => this.count(key, n));
      return;
    }
    b.counters.set(key, (b.counters.get(key) ?? 0) + n);
    if (key === 'spawns.success') this.running += n;
    else if (key === 'servers.stopped' || key === 'servers.crashed') this.running = Math.max(0, this.running - n);
    b.running = this.running;
  }

  timing(key: EmittedTimer, ms: number): void {
    const b = this.current;
    if (b === null) {
      if (!this.started) this.early.push(() => this.timing(key, ms));
      return;
    }
    const list = b.timers.get(key);
    if (list) list.push(ms);
    else b.timers.set(key, [ms]);
  }

  /** The log never tells a gauge directly (those come from /hub/metrics and the REST API). */
  gauge(_key: EmittedGauge, _value: number): void {}

  /** Hands on every bucket that started before `limit` (seconds), oldest first, gaps included. */
  private finishBefore(limit: number): void {
    if (this.open.size === 0) return;
    const starts = [...this.open.keys()].filter((s) => s < limit).sort((a, b) => a - b);
    for (const start of starts) this.finish(start);
  }

  private finish(start: number): void {
    const bucket = this.open.get(start);
    if (bucket === undefined) return;
    this.open.delete(start);
    // The state between two buckets with lines: the gauges hold, bucket by bucket.
    if (this.doneUntil >= 0) {
      const held = new Map([
        [this.runningPath, this.lastRunning],
        [this.markerPath, 1],
      ]);
      for (let t = this.doneUntil + this.flushSeconds; t < start; t += this.flushSeconds) this.out(t, held);
    }
    const values = new Map<string, number>();
    for (const [key, n] of bucket.counters) {
      for (const [field, v] of counterFields(n, this.flushSeconds)) values.set(`${this.counterBase}${key}.${field}`, v);
    }
    for (const [key, list] of bucket.timers) {
      for (const [field, v] of timerFields(`${this.timerKeyBase}${key}`, list, this.flushSeconds)) {
        values.set(`${this.timerBase}${key}.${field}`, v);
      }
    }
    values.set(this.runningPath, bucket.running);
    values.set(this.markerPath, 1);
    this.lastRunning = bucket.running;
    this.stats.buckets++;
    this.doneUntil = start;
    this.out(start, values);
  }

  private lastRunning = 0;

  /** The input ended: every bucket is final. */
  end(): void {
    this.finishBefore(Infinity);
    this.current = null;
  }
}
