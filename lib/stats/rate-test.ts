import binomialTest from '@stdlib/stats-binomial-test';

/** Events seen over an exposure (e.g. crashes over running server-hours). */
export interface EventsPerExposure {
  events: number;
  exposure: number;
}

/**
 * Two-sided test that two Poisson rates are equal, as R's two-sample `poisson.test` does it:
 * conditional on the total k = k1 + k2, k2 ~ Binomial(k, e2 / (e1 + e2)) under equal rates.
 *
 * Two-sided convention: R's `binom.test` (minimum likelihood: the sum of the probabilities of
 * every outcome no more likely than the observed one, × 1 + 1e-7), which is also what
 * `@stdlib/stats-binomial-test` computes; not "twice the smaller tail".
 * Null when an exposure is 0 (no rate to compare); 1 when no event happened at all.
 */
export function rateRatioTest(first: EventsPerExposure, second: EventsPerExposure): number | null {
  for (const { events, exposure } of [first, second]) {
    if (!Number.isInteger(events) || events < 0) throw new RangeError(`rateRatioTest: ${events} is not a count`);
    if (!(exposure >= 0) || !Number.isFinite(exposure)) throw new RangeError(`rateRatioTest: bad exposure ${exposure}`);
  }
  if (first.exposure === 0 || second.exposure === 0) return null;
  const total = first.events + second.events;
  if (total === 0) return 1;
  const p = second.exposure / (first.exposure + second.exposure);
  return Math.min(1, binomialTest(second.events, total, { p }).pValue);
}
