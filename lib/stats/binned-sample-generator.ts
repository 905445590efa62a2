import type { HistogramBin } from '@/lib/stats/histogram-quantile';

/**
 * Seeded binned samples for the property tests of the quantile measures: the same seed gives the
 * same samples on every machine, so a failure is reproduced by its seed alone.
 */

/** Mulberry32: a small, fast 32-bit PRNG, good enough for simulation (not for secrets). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A standard normal value (Box-Muller). */
export function normalValue(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** z of the standard normal's quantiles the generator uses. */
export const NORMAL_QUANTILE: Readonly<Record<number, number>> = {
  0.3: -0.524401,
  0.5: 0,
  0.6: 0.253347,
  0.8: 0.841621,
  0.95: 1.644854,
};

/** Values into StatsD's bins: bin i counts [bounds[i-1], bounds[i]). */
export function binValues(values: readonly number[], bounds: readonly number[]): HistogramBin[] {
  const counts = bounds.map(() => 0);
  for (const value of values) {
    const index = bounds.findIndex((bound) => value < bound);
    const at = index === -1 ? bounds.length - 1 : index;
    counts[at] = (counts[at] ?? 0) + 1;
  }
  return bounds.map((upperBound, i) => ({ upperBound, count: counts[i] ?? 0 }));
}

export type Change = 'none' | 'shift' | 'tail';

export interface LognormalWindow {
  /** Median of the window before, in ms. */
  median: number;
  /** Log-scale spread. */
  sigma: number;
}

export interface GeneratedPair {
  before: HistogramBin[];
  after: HistogramBin[];
  /** The population q-quantile before and after the change (not the binned estimates). */
  quantileBefore: number;
  quantileAfter: number;
}

/**
 * Two windows of `n1` and `n2` lognormal durations. `change` moves the population q-quantile to
 * `target`: `shift` scales every value (the whole distribution moves), `tail` stretches (or
 * squeezes) only the values above the window's `pivot` quantile around it, so everything below
 * the pivot, the middle included, is unchanged.
 */
export function generatePair(
  random: () => number,
  shape: LognormalWindow,
  sizes: { n1: number; n2: number },
  bounds: readonly number[],
  change: { kind: Change; q: number; target: number; pivot: number },
): GeneratedPair {
  const zq = NORMAL_QUANTILE[change.q];
  const zp = NORMAL_QUANTILE[change.pivot];
  if (zq === undefined || zp === undefined) throw new RangeError('generatePair: quantile without a tabulated z');
  const draw = () => shape.median * Math.exp(shape.sigma * normalValue(random));
  const quantileBefore = shape.median * Math.exp(shape.sigma * zq);
  const before = Array.from({ length: sizes.n1 }, draw);
  let move: (value: number) => number = (value) => value;
  if (change.kind === 'shift') {
    const factor = change.target / quantileBefore;
    move = (value) => value * factor;
  } else if (change.kind === 'tail') {
    const pivot = shape.median * Math.exp(shape.sigma * zp);
    const stretch = (change.target - pivot) / (quantileBefore - pivot);
    move = (value) => (value > pivot ? pivot + (value - pivot) * stretch : value);
  }
  const after = Array.from({ length: sizes.n2 }, () => move(draw()));
  return {
    before: binValues(before, bounds),
    after: binValues(after, bounds),
    quantileBefore,
    quantileAfter: change.kind === 'none' ? quantileBefore : change.target,
  };
}
