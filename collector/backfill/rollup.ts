/**
 * How carbon rolls a metric's 10 s points up into a coarser archive (stack/carbon/
 * storage-aggregation.conf, first match wins; rollup.test.ts reads that file and checks these rules
 * against it). whisper stores a point older than the finest archive straight into the first
 * archive that covers its age, one value per slot and the last write wins, so the backfill must
 * write there what carbon's own propagation would have computed from the 10 s points.
 */

export type Aggregation = 'average' | 'sum' | 'min' | 'max' | 'last';

export const AGGREGATION_RULES: ReadonlyArray<{ readonly pattern: RegExp; readonly method: Aggregation }> = [
  { pattern: /^stats\.gauges\..*\.hub\.up$/, method: 'average' },
  { pattern: /^stats\.gauges\./, method: 'last' },
  { pattern: /\.lower$/, method: 'min' },
  { pattern: /\.upper(_\d+)?$/, method: 'max' },
  { pattern: /\.(count|sum|sum_squares)(_\d+)?$/, method: 'sum' },
  { pattern: /\.histogram\.bin_[^.]+$/, method: 'sum' },
  { pattern: /.*/, method: 'average' },
];

export function aggregationFor(metric: string): Aggregation {
  return AGGREGATION_RULES.find((rule) => rule.pattern.test(metric))?.method ?? 'average';
}

/** Running aggregate of the known 10 s values of one coarse slot (xFilesFactor 0: any value counts). */
export class SlotAggregate {
  private n = 0;
  private value = 0;

  constructor(private readonly method: Aggregation) {}

  add(v: number): void {
    if (this.n === 0) this.value = v;
    else if (this.method === 'sum' || this.method === 'average') this.value += v;
    else if (this.method === 'min') this.value = Math.min(this.value, v);
    else if (this.method === 'max') this.value = Math.max(this.value, v);
    else this.value = v;
    this.n++;
  }

  result(): number {
    return this.method === 'average' ? this.value / this.n : this.value;
  }
}
