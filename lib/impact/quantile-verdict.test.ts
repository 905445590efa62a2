import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HISTOGRAM_BINS, type TimerKey } from '@/lib/catalog';
import { DEFAULT_IMPACT_CONFIG } from '@/lib/config/impact';
import { largeEnough } from '@/lib/impact/judge';
import { simulatedImpact, steadyTraffic } from '@/lib/impact/simulated-impact';
import { type Change, generatePair, NORMAL_QUANTILE, seededRandom } from '@/lib/stats/binned-sample-generator';
import { type HistogramBin, histogramQuantile } from '@/lib/stats/histogram-quantile';

// Property tests of the three quantile measures through the real judge (every measure present, so
// Holm's correction runs over eight), on seeded lognormal samples binned as StatsD bins them.
// A case is judged only when the binned quantile, the number the page shows, moved by at least
// the minimum effect (absolute and relative) the way the change went: the verdict requires that.

type QuantileMeasure = 'spawnWaitP50' | 'spawnWaitP95' | 'requestLatencyP95';

const MEASURE: Record<QuantileMeasure, { q: number; timer: TimerKey; median: [number, number]; sigma: [number, number] }> = {
  spawnWaitP50: { q: 0.5, timer: 'spawns.duration', median: [2000, 8000], sigma: [0.25, 0.6] },
  spawnWaitP95: { q: 0.95, timer: 'spawns.duration', median: [2000, 8000], sigma: [0.25, 0.6] },
  requestLatencyP95: { q: 0.95, timer: 'requests.duration', median: [20, 150], sigma: [0.4, 0.9] },
};

const steadySpawns = HISTOGRAM_BINS['spawns.duration'].map((upperBound) => ({ upperBound, count: upperBound === 5000 ? 60 : 0 }));
const steadyRequests = HISTOGRAM_BINS['requests.duration'].map((upperBound) => ({
  upperBound,
  count: upperBound === 50 ? 4000 : upperBound === 100 ? 1000 : 0,
}));

/** The impact when only `id`'s histogram differs between the windows. */
function impactOf(id: QuantileMeasure, before: HistogramBin[], after: HistogramBin[]) {
  const spawns = MEASURE[id].timer === 'spawns.duration';
  return simulatedImpact(
    steadyTraffic(spawns ? before : steadySpawns, spawns ? steadyRequests : before),
    steadyTraffic(spawns ? after : steadySpawns, spawns ? steadyRequests : after),
  );
}

interface Case {
  id: QuantileMeasure;
  change: Change;
  /** Quantile above which values move for a tail change (below it nothing changes). */
  pivot: number;
  /** Starts (requests) per window, drawn uniformly. */
  n: [number, number];
  /** The population quantile moves by this many times the minimum effect, drawn uniformly. */
  times: [number, number];
  seeds: number;
}

interface Outcome {
  judged: number;
  agreed: number;
  misses: string[];
}

async function run(c: Case): Promise<Outcome> {
  const spec = MEASURE[c.id];
  const t = DEFAULT_IMPACT_CONFIG.measures[c.id];
  const outcome: Outcome = { judged: 0, agreed: 0, misses: [] };
  for (let seed = 1; seed <= c.seeds; seed++) {
    const random = seededRandom(seed * 1000 + 17);
    const uniform = ([lo, hi]: [number, number]) => lo + random() * (hi - lo);
    const shape = { median: uniform(spec.median), sigma: uniform(spec.sigma) };
    const sizes = { n1: Math.round(uniform(c.n)), n2: Math.round(uniform(c.n)) };
    const quantile = shape.median * Math.exp(shape.sigma * (NORMAL_QUANTILE[spec.q] ?? 0));
    const minimum = Math.max(t.minAbsolute, t.minRelative * quantile);
    const sign = random() < 0.5 ? 1 : -1;
    const target = quantile + sign * minimum * uniform(c.times);
    const pivot = shape.median * Math.exp(shape.sigma * (NORMAL_QUANTILE[c.pivot] ?? 0));
    // A tail cannot be squeezed below the point it pivots on without moving the middle.
    if (target <= 0 || (c.change === 'tail' && target < pivot * 1.1)) continue;
    const pair = generatePair(random, shape, sizes, HISTOGRAM_BINS[spec.timer], { kind: c.change, q: spec.q, target, pivot: c.pivot });
    const before = histogramQuantile(pair.before, spec.q);
    const after = histogramQuantile(pair.after, spec.q);
    const m = (await impactOf(c.id, pair.before, pair.after)).measures[c.id];
    if (c.change === 'none') {
      outcome.judged++;
      if (m.verdict === 'no_change') outcome.agreed++;
      else outcome.misses.push(`seed ${seed}: ${m.verdict}`);
      continue;
    }
    if (before === null || after === null || !largeEnough(before, after, t) || Math.sign(after - before) !== sign) continue;
    outcome.judged++;
    if (m.verdict === (sign > 0 ? 'worse' : 'better')) outcome.agreed++;
    else
      outcome.misses.push(
        `seed ${seed} (${sizes.n1}/${sizes.n2}, ${Math.round(before)} -> ${Math.round(after)}): ${m.verdict}, p ${m.pValue}`,
      );
  }
  return outcome;
}

/** `required`: the share of judged seeds that must agree (1: every one). */
async function check(c: Case, required: number) {
  const o = await run(c);
  assert.ok(o.judged >= c.seeds / 4, `only ${o.judged} of ${c.seeds} seeds moved the binned quantile enough to judge`);
  assert.ok(
    o.agreed >= required * o.judged,
    `${o.agreed} of ${o.judged} agreed (needed ${required * 100} %): ${o.misses.slice(0, 5).join('; ')}`,
  );
}

const SPAWNS: [number, number] = [100, 400];
const REQUESTS: [number, number] = [200, 2000];

test('a p95 from 6.6 s to 29.7 s on 294 starts a side, every start after slower than 95 % before: worse', async () => {
  const bins = (counts: Record<number, number>) => HISTOGRAM_BINS['spawns.duration'].map((b) => ({ upperBound: b, count: counts[b] ?? 0 }));
  const before = bins({ 3000: 90, 5000: 163, 7500: 41 });
  const after = bins({ 10000: 13, 15000: 25, 20000: 25, 30000: 223, 60000: 8 });
  const result = await impactOf('spawnWaitP95', before, after);
  const m = result.measures.spawnWaitP95;
  assert.equal(Math.round((m.before ?? 0) / 100), 66);
  assert.equal(Math.round((m.after ?? 0) / 100), 297);
  assert.equal(m.verdict, 'worse');
  assert.ok(m.pValue !== null && m.pValue < 1e-10, `p = ${m.pValue}`);
  assert.equal(result.measures.spawnWaitP50.verdict, 'worse');
  assert.equal(result.verdict, 'worse');
});

test('equal distributions stay no_change in at least 95 % of seeds (p50, p95, request p95)', async () => {
  for (const id of ['spawnWaitP50', 'spawnWaitP95'] as const)
    await check({ id, change: 'none', pivot: 0.8, n: SPAWNS, times: [0, 0], seeds: 100 }, 0.95);
  await check({ id: 'requestLatencyP95', change: 'none', pivot: 0.8, n: REQUESTS, times: [0, 0], seeds: 100 }, 0.95);
});

test('the whole distribution moved by 1.5-4 times the minimum effect, either way, 100-400 starts: every seed worse/better', async () => {
  for (const id of ['spawnWaitP50', 'spawnWaitP95'] as const)
    await check({ id, change: 'shift', pivot: 0.8, n: SPAWNS, times: [1.5, 4], seeds: 100 }, 1);
  await check({ id: 'requestLatencyP95', change: 'shift', pivot: 0.8, n: REQUESTS, times: [1.5, 4], seeds: 100 }, 1);
});

test('the whole distribution moved by 1-1.5 times the minimum effect, 100-400 starts: worse/better in at least 95 % of seeds', async () => {
  // At the bare minimum, with 100 starts, a p95 that moved 20 % is within its own noise now and then.
  for (const id of ['spawnWaitP50', 'spawnWaitP95'] as const)
    await check({ id, change: 'shift', pivot: 0.8, n: SPAWNS, times: [1, 1.5], seeds: 150 }, 0.95);
});

test('only the tail moved (the middle unchanged), either way: the p95 is judged worse/better', async () => {
  // The slowest 20 % (pivot p80) or 40 % (p60) stretched or squeezed; the median does not move.
  // With 1,000-3,000 starts a side every seed is seen, from the minimum effect up.
  for (const pivot of [0.8, 0.6]) await check({ id: 'spawnWaitP95', change: 'tail', pivot, n: [1000, 3000], times: [1, 4], seeds: 80 }, 1);
  await check({ id: 'requestLatencyP95', change: 'tail', pivot: 0.8, n: [3000, 10000], times: [1, 4], seeds: 80 }, 1);
  // With 100-400 starts a side a tail-only move is only a handful of starts above the old p95
  // (5 % -> 10-15 %) and no test can see every one at Holm's level for eight measures: measured
  // power (docs/deployment-impact.md) is the floor kept here, so the test cannot quietly lose it.
  await check({ id: 'spawnWaitP95', change: 'tail', pivot: 0.6, n: SPAWNS, times: [1.5, 4], seeds: 120 }, 0.7);
  await check({ id: 'spawnWaitP95', change: 'tail', pivot: 0.8, n: [300, 1000], times: [1.5, 4], seeds: 120 }, 0.9);
});

test('a p50 that moved because the slower 70 % did (the fastest 30 % unchanged), either way: worse/better', async () => {
  await check({ id: 'spawnWaitP50', change: 'tail', pivot: 0.3, n: SPAWNS, times: [1.5, 4], seeds: 150 }, 0.97);
  await check({ id: 'spawnWaitP50', change: 'tail', pivot: 0.3, n: [1000, 3000], times: [1, 4], seeds: 80 }, 1);
});
