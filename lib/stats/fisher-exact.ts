import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';

/** A 2×2 table of counts: rows are the two groups, columns the two outcomes. */
export type TwoByTwo = readonly [readonly [number, number], readonly [number, number]];

// R's fisher.test: tables "as likely as" the observed one count too, within this relative
// error, so that floating-point noise in equal probabilities does not split them.
const RELATIVE_ERROR = 1 + 1e-7;

function checkCount(value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`fisherExactTest: ${value} is not a count`);
}

/**
 * Two-sided Fisher's exact test on a 2×2 table, with R's convention: the p-value is the sum of
 * the probabilities of every table with the same margins whose probability is at most the
 * observed one's (× 1 + 1e-7). A table with an empty row or column has nothing to test: p = 1.
 */
export function fisherExactTest(table: TwoByTwo): number {
  const [[a, b], [c, d]] = table;
  for (const value of [a, b, c, d]) checkCount(value);
  // As R: x = table[1,1] ~ Hypergeometric(population m + n, m "successes" in column 1, k draws in row 1).
  const m = a + c;
  const n = b + d;
  const k = a + b;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  if (lo === hi) return 1;
  const pmf = hypergeometricPmf.factory(m + n, m, k);
  const observed = pmf(a);
  let p = 0;
  let total = 0;
  for (let x = lo; x <= hi; x++) {
    const probability = pmf(x);
    total += probability;
    if (probability <= observed * RELATIVE_ERROR) p += probability;
  }
  // Normalising by the computed total removes the rounding of the pmf over a long support.
  return Math.min(1, total > 0 ? p / total : 1);
}
