import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type MetricStore, record, renderFrom } from './render-subset';

// The stand-in must read targets as graphite-web does, or the tests built on it prove nothing.
const store: MetricStore = new Map();
record(store, 'a.x.count', 1010, 1);
record(store, 'a.y.count', 1010, 2);
record(store, 'a.y.count', 1070, 4);
record(store, 'b.x.count', 1010, 100);
const render = renderFrom(store);
const ask = (target: string, from = 1000, until = 1100) => render({ targets: [target], from: String(from), until: String(until) });

test('globs match per node; points start at the first step after from', async () => {
  const series = await ask('a.*.count');
  assert.deepEqual(
    series.map((s) => s.tags.name),
    ['a.x.count', 'a.y.count'],
  );
  assert.deepEqual(series[0]?.datapoints[0], [1, 1010]);
  assert.deepEqual(await ask('[ab].x.count').then((s) => s.length), 2);
  assert.deepEqual(await ask('a.x'), []);
});

test('summarize: buckets from the first point with alignToFrom, on interval multiples without', async () => {
  const aligned = await ask("summarize(a.y.count, '60s', 'sum', true)");
  assert.deepEqual(aligned[0]?.datapoints.slice(0, 2), [
    [2, 1010],
    [4, 1070],
  ]);
  const epoch = await ask("summarize(a.y.count, '60s', 'sum', false)");
  assert.deepEqual(epoch[0]?.datapoints.slice(0, 2), [
    [2, 960],
    [4, 1020],
  ]);
});

test('sumSeries, alias, aliasByNode, scaleToSeconds, isNonNull, transformNull; an unknown function throws', async () => {
  const [sum] = await ask("alias(sumSeries(a.*.count), 'both')");
  assert.equal(sum?.target, 'both');
  assert.deepEqual(sum?.datapoints[0], [3, 1010]);
  assert.deepEqual(
    (await ask('aliasByNode(a.*.count, 1)')).map((s) => s.target),
    ['x', 'y'],
  );
  assert.deepEqual((await ask('scaleToSeconds(b.x.count, 1)'))[0]?.datapoints[0], [10, 1010]);
  assert.deepEqual((await ask('isNonNull(a.x.count)'))[0]?.datapoints.slice(0, 2), [
    [1, 1010],
    [0, 1020],
  ]);
  assert.deepEqual((await ask('transformNull(a.x.count, 0)'))[0]?.datapoints[1], [0, 1020]);
  await assert.rejects(ask('movingAverage(a.x.count, 5)'), /not in the subset/);
});
