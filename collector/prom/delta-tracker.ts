import {
  type FamilyKey,
  familyKey,
  KEPT_LABELS,
  leSegment,
  PROM_REQUEST_FAMILY,
  type PromKey,
  type PromPart,
  promKey,
} from '../../lib/catalog';
import type { MetricEmitter } from '../metric-emitter';
import { isSkippedFamily, sampleId } from './metric-keys';
import type { Family } from './text-parser';

export interface DeltaOptions {
  /** The log source counts requests: do not derive requests.* (nor the request histogram) from metrics. */
  readonly logCountsRequests: boolean;
}

export interface DeltaResult {
  readonly baseline: boolean;
  readonly reset: boolean;
  readonly counters: number;
  readonly gauges: number;
}

const label = (sample: Family['samples'][number], name: string): string => sample.labels.find(([k]) => k === name)?.[1] ?? '';

function roundDelta(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * Turns cumulative counters and histogram buckets into per-scrape deltas. The first scrape is a
 * baseline (history before the collector started is not replayed); a series that appears later
 * counts from 0. A value lower than before, or a changed process_start_time_seconds, is a hub
 * restart: the delta is then the new value, never negative. Gauges are forwarded as gauges.
 */
export class PromDeltaTracker {
  private previous = new Map<string, number>();
  private startTime: number | null = null;
  private scrapes = 0;

  apply(families: ReadonlyMap<string, Family>, out: MetricEmitter, options: DeltaOptions): DeltaResult {
    const start = families.get('process_start_time_seconds')?.samples[0]?.value ?? null;
    const restarted = this.scrapes > 0 && start !== null && this.startTime !== null && start !== this.startTime;
    const baseline = this.scrapes === 0;
    this.startTime = start;
    this.scrapes++;
    const increments = new Map<PromKey | FamilyKey, number>();
    const current = new Map<string, number>();
    let reset = restarted;
    let gauges = 0;

    for (const family of families.values()) {
      if (isSkippedFamily(family.name)) continue;
      if (family.name === 'process_start_time_seconds') continue;
      const isRequests = family.name === PROM_REQUEST_FAMILY;
      if (isRequests && options.logCountsRequests) continue;
      const kept = KEPT_LABELS[family.name];

      if (family.type === 'gauge' || family.type === 'untyped') {
        for (const s of family.samples) {
          if (!Number.isFinite(s.value)) continue;
          out.gauge(promKey(family.name, s.labels, kept), s.value);
          gauges++;
        }
        continue;
      }
      if (family.type !== 'counter' && family.type !== 'histogram' && family.type !== 'summary') continue;

      for (const s of family.samples) {
        if (!Number.isFinite(s.value)) continue;
        let part: PromPart | undefined;
        if (s.name.endsWith('_bucket')) {
          const le = s.labels.find(([k]) => k === 'le')?.[1];
          if (le === undefined) continue;
          part = leSegment(le);
        } else if (s.name.endsWith('_count')) part = 'count';
        else if (s.name.endsWith('_sum')) part = 'sum';
        else if (family.type === 'counter') part = undefined;
        else continue; // summary quantiles are not additive
        const id = sampleId(s);
        current.set(id, s.value);
        if (baseline) continue;
        const before = this.previous.get(id);
        let delta: number;
        if (restarted) delta = s.value;
        else if (before === undefined) delta = s.value;
        else if (s.value < before) {
          reset = true;
          delta = s.value;
        } else delta = s.value - before;
        if (delta <= 0) continue;
        const key = promKey(family.name, s.labels, kept, part);
        increments.set(key, (increments.get(key) ?? 0) + delta);
        if (isRequests && part === 'count') {
          const code = label(s, 'code');
          if (/^[1-5]\d\d$/.test(code)) {
            const rk = familyKey('requests.status', code);
            increments.set(rk, (increments.get(rk) ?? 0) + delta);
          }
        }
      }
    }
    this.previous = current;
    for (const [key, delta] of increments) out.count(key, roundDelta(delta));
    return { baseline, reset, counters: increments.size, gauges };
  }
}
