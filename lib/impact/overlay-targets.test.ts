import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FAILURES_SERIES, overlayBucketSeconds, overlayLines, overlayTargets } from './overlay-targets';

test('buckets are whole minutes, about 30 a side', () => {
  assert.equal(overlayBucketSeconds(600), 60);
  assert.equal(overlayBucketSeconds(7200), 240);
  assert.equal(overlayBucketSeconds(7 * 86_400), 20_160);
});

test('the overlay sums every failure reason of the hub per bucket, under one name', () => {
  const { failures } = overlayTargets('physics', 7200);
  for (const reason of ['error', 'exited', 'timeout', 'http_timeout']) {
    assert.ok(failures.includes(`stats.counters.jupyterhub.physics.spawns.failure.${reason}.count`));
  }
  assert.ok(failures.startsWith('alias(summarize(sumSeries('));
  assert.ok(failures.endsWith(`,"240s","sum",false),"${FAILURES_SERIES}")`));
});

test('the wait is drawn from the histogram bins, not from the per-flush median', () => {
  const { wait } = overlayTargets('physics', 7200);
  assert.ok(wait.includes('stats.timers.jupyterhub.physics.spawns.duration.histogram.bin_*'));
  assert.ok(!wait.includes('.median'));
  // The alias keeps each bin's own name (node 7 of the path), which the quantile code reads.
  const path = 'stats.timers.jupyterhub.physics.spawns.duration.histogram.bin_1000';
  assert.equal(path.split('.')[Number(/,(\d+)\)$/.exec(wait)?.[1])], 'bin_1000');
});

const at = (minute: number) => 1_800_000_000 + minute * 240;
const bin = (name: string, counts: number[]) => ({
  target: name,
  tags: {},
  datapoints: counts.map((c, i): [number, number] => [c, at(i)]),
});

test('lines are found by name: failures first, bins after, no per-flush median anywhere', () => {
  const failures = {
    target: FAILURES_SERIES,
    tags: {},
    datapoints: [
      [2, at(0)],
      [0, at(1)],
    ] as [number, number][],
  };
  // 3 starts under 1 s and 1 under 5 s in the first bucket; 4 between 20 and 30 s in the second.
  const answer = [failures, bin('bin_1000', [3, 0]), bin('bin_5000', [1, 0]), bin('bin_30000', [0, 4]), bin('bin_20000', [0, 0])];
  const lines = overlayLines(answer);
  assert.deepEqual(lines.failures, failures.datapoints);
  assert.equal(lines.wait?.length, 2);
  const [first, second] = lines.wait ?? [];
  assert.ok(first?.[0] !== null && first?.[0] !== undefined && first[0] > 0 && first[0] <= 1000, `median of bucket 1: ${first?.[0]}`);
  assert.ok(
    second?.[0] !== null && second?.[0] !== undefined && second[0] > 20_000 && second[0] <= 30_000,
    `median of bucket 2: ${second?.[0]}`,
  );
});

test("a target Graphite left out is no data, not the other chart's numbers", () => {
  const onlyBins = overlayLines([bin('bin_1000', [3])]);
  assert.equal(onlyBins.failures, null);
  assert.notEqual(onlyBins.wait, null);
  const onlyFailures = overlayLines([{ target: FAILURES_SERIES, tags: {}, datapoints: [[2, at(0)]] }]);
  assert.equal(onlyFailures.wait, null);
  assert.deepEqual(onlyFailures.failures, [[2, at(0)]]);
  assert.deepEqual(overlayLines([]), { wait: null, failures: null });
});

test('bins Graphite does not hold count as empty, as in the measures table', () => {
  // Only the 20-30 s bin was ever written: the median lies in (20 s, 30 s], not in (0, 30 s].
  const [median] = overlayLines([bin('bin_30000', [6])]).wait ?? [];
  assert.equal(median?.[0], 25_000);
});
