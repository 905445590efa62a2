import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fisherExactTest } from '@/lib/stats/fisher-exact';
import { rateRatioTest } from '@/lib/stats/rate-test';

const close = (actual: number | null, expected: number, digits = 4) => {
  assert.ok(actual !== null, 'expected a p-value');
  assert.ok(Math.abs(actual - expected) < 0.5 * 10 ** -digits, `${actual} is not ${expected} to ${digits} digits`);
};

test("fisher: R's tea-tasting example (?fisher.test, TeaTasting): p = 0.4857", () => {
  close(
    fisherExactTest([
      [3, 1],
      [1, 3],
    ]),
    0.4857,
  );
});

test('fisher: 30 of 1000 vs 55 of 1100 failed: p = 0.02607 (R fisher.test(matrix(c(30,970,55,1045),2,byrow=TRUE)))', () => {
  close(
    fisherExactTest([
      [30, 970],
      [55, 1045],
    ]),
    0.02607,
  );
  // The test does not care which way round the table is written.
  close(
    fisherExactTest([
      [55, 1045],
      [30, 970],
    ]),
    0.02607,
  );
});

test('fisher: a zero-failure baseline against 10 of 100 is significant, never N/A', () => {
  // Hand-computed: the sum of the hypergeometric tables no more likely than x = 0, exact fractions.
  close(
    fisherExactTest([
      [0, 100],
      [10, 90],
    ]),
    0.001542,
    6,
  );
});

test('fisher: all zeros, an empty row and tiny samples give p = 1, never NaN', () => {
  assert.equal(
    fisherExactTest([
      [0, 0],
      [0, 0],
    ]),
    1,
  );
  assert.equal(
    fisherExactTest([
      [0, 50],
      [0, 60],
    ]),
    1,
  );
  assert.equal(
    fisherExactTest([
      [0, 0],
      [3, 7],
    ]),
    1,
  );
  // R: fisher.test(matrix(c(1,0,0,1),2))$p.value == 1
  assert.equal(
    fisherExactTest([
      [1, 0],
      [0, 1],
    ]),
    1,
  );
  assert.throws(
    () =>
      fisherExactTest([
        [1.5, 0],
        [0, 1],
      ]),
    /not a count/,
  );
});

test("rate ratio: R's ?poisson.test example eba1977, poisson.test(c(11, 6+8+7), c(800, 1083+1050+878)): p = 0.07967", () => {
  close(rateRatioTest({ events: 11, exposure: 800 }, { events: 21, exposure: 3011 }), 0.07967, 5);
  // Two-sided minimum likelihood is symmetric in the order of the two samples.
  close(rateRatioTest({ events: 21, exposure: 3011 }, { events: 11, exposure: 800 }), 0.07967, 5);
});

test("rate ratio uses binom.test's convention: R's ?binom.test example binom.test(682, 925, p = 0.75): p = 0.3825", () => {
  // 682 of 925 with exposures in the ratio 3:1 is the same conditional binomial test.
  close(rateRatioTest({ events: 925 - 682, exposure: 1 }, { events: 682, exposure: 3 }), 0.3825);
});

test('rate ratio: zero crashes before, 10 after in the same server-hours: 2 * 0.5^10', () => {
  close(rateRatioTest({ events: 0, exposure: 100 }, { events: 10, exposure: 100 }), 2 * 0.5 ** 10, 7);
  assert.equal(rateRatioTest({ events: 0, exposure: 100 }, { events: 0, exposure: 50 }), 1);
  assert.equal(rateRatioTest({ events: 3, exposure: 0 }, { events: 0, exposure: 50 }), null);
  // Tiny: one event against none in equal exposure is no evidence.
  assert.equal(rateRatioTest({ events: 0, exposure: 1 }, { events: 1, exposure: 1 }), 1);
});
