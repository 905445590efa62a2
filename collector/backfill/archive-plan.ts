import { type Archive, archivesFor } from '../../lib/catalog';
import { aggregationFor, SlotAggregate } from './rollup';

/**
 * Which archive each bucket of the past lands in, decided once at the start from the clock. whisper
 * puts a point into the first archive whose retention covers its age; the cuts between archives
 * are moved `slackSeconds` towards now (carbon writes a little later than we send) and rounded to
 * the coarsest step, so that no coarse slot is ever split between two archives.
 */

export interface Point {
  readonly metric: string;
  readonly value: number;
  /** Epoch seconds, aligned to the archive's step. */
  readonly ts: number;
}

export interface ArchiveUse {
  readonly stepSeconds: number;
  points: number;
}

export const DEFAULT_SLACK_SECONDS = 15 * 60;

export class ArchivePlan {
  readonly archives: readonly Archive[];
  /** cuts[i]: the oldest bucket start that still goes to archive i. */
  readonly cuts: readonly number[];
  readonly used: ArchiveUse[];
  tooOldBuckets = 0;

  constructor(nowSeconds: number, slackSeconds = DEFAULT_SLACK_SECONDS, archives: readonly Archive[] = archivesFor('stats.counters.x')) {
    this.archives = archives;
    const coarsest = Math.max(...archives.map((a) => a.stepSeconds));
    this.cuts = archives.map((a) => Math.ceil((nowSeconds - a.keepSeconds + slackSeconds) / coarsest) * coarsest);
    this.used = archives.map((a) => ({ stepSeconds: a.stepSeconds, points: 0 }));
  }

  /** The archive index a bucket starting at `ts` goes to; -1 when it is older than the longest retention. */
  archiveOf(ts: number): number {
    for (let i = 0; i < this.cuts.length; i++) if (ts >= (this.cuts[i] ?? Infinity)) return i;
    return -1;
  }
}

/**
 * Turns finished flush buckets into points: as they are in the finest archive, rolled up by
 * carbon's aggregation rules into one slot each in a coarser one. Buckets arrive in time order.
 */
export class PointRoller {
  private slot = -1;
  private slotArchive = -1;
  private readonly open = new Map<string, SlotAggregate>();

  constructor(
    private readonly plan: ArchivePlan,
    private readonly out: (point: Point) => void,
  ) {}

  /** One bucket's values (metric -> value) at bucket start `ts`. */
  bucket(ts: number, values: ReadonlyMap<string, number>): void {
    const archive = this.plan.archiveOf(ts);
    if (archive < 0) {
      this.plan.tooOldBuckets++;
      return;
    }
    const use = this.plan.used[archive];
    const step = use?.stepSeconds ?? 10;
    if (archive === 0) {
      this.flushSlot();
      for (const [metric, value] of values) this.out({ metric, value, ts });
      if (use) use.points += values.size;
      return;
    }
    const slot = ts - (ts % step);
    if (slot !== this.slot) {
      this.flushSlot();
      this.slot = slot;
      this.slotArchive = archive;
    }
    for (const [metric, value] of values) {
      let agg = this.open.get(metric);
      if (agg === undefined) {
        agg = new SlotAggregate(aggregationFor(metric));
        this.open.set(metric, agg);
      }
      agg.add(value);
    }
  }

  /** Writes the open coarse slot (call at the end, too). */
  flushSlot(): void {
    if (this.slot < 0) return;
    const use = this.plan.used[this.slotArchive];
    for (const [metric, agg] of this.open) this.out({ metric, value: agg.result(), ts: this.slot });
    if (use) use.points += this.open.size;
    this.open.clear();
    this.slot = -1;
  }
}
