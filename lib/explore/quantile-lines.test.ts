import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Series } from '@/lib/shared/series';
import { quantileTransform } from '@/lib/system/quantile-transforms';
import { systemPanels } from '@/lib/system/system-panels';
import { exploreHref } from './explore-link';
import { parseExploreState, renderTarget, seriesLabel, writeExploreState } from './explore-state';
import { lineResults } from './line-results';

// A /system quantile panel opened in explore: the transform's name travels in the URL, explore
// runs the same code on the same bins, and the legend says the numbers come from the bins.

const p = 'stats.timers.jupyterhub.h.spawns.duration.histogram';
const bin = (bound: string, datapoints: Series['datapoints']): Series => ({
  target: `summarize(${p}.bin_${bound}, "1min", "sum", false)`,
  tags: { name: `${p}.bin_${bound}` },
  datapoints,
});
const bins = [bin('1000', [[0, 60]]), bin('2000', [[10, 60]]), bin('inf', [[0, 60]])];

describe('quantile lines in explore', () => {
  test('the /system spawn-duration panel opens as one line drawn as StatsD-bin quantiles', () => {
    const panel = systemPanels('h', 3600).find((x) => x.id === 'spawn-duration');
    assert.ok(panel?.transform);
    const href = exploreHref({ targets: panel.targets, from: '-1h', until: 'now', unit: panel.unit, transform: panel.transform });
    const state = parseExploreState(href.slice('/explore?'.length));
    assert.deepEqual(
      state.lines.map((l) => [l.target, l.transform]),
      [[panel.targets[0], 'statsd-p50-p95']],
    );
    assert.match(href, /&transform=statsd-p50-p95/);
  });

  test('URL round trip keeps the transform per line; an unknown name is dropped', () => {
    const lines = [
      { target: 'a', alias: '', hidden: false, axis: 'left' as const },
      { target: 'b', alias: '', hidden: false, axis: 'left' as const, transform: 'prom-p50-p95' as const },
    ];
    const qs = writeExploreState('', { lines, display: parseExploreState('').display });
    assert.equal(qs, 'target=a&target=b&transform=&transform=prom-p50-p95');
    assert.deepEqual(parseExploreState(qs).lines, lines);
    assert.equal(parseExploreState('target=a&transform=median-of-averages').lines[0]?.transform, undefined);
  });

  test('explore draws the numbers /system draws, named as computed from the bins', () => {
    const system = quantileTransform('statsd-p50-p95').transform(bins).series;
    const out = lineResults([0], [{ ok: true, series: bins }], 1, [quantileTransform('statsd-p50-p95').transform]);
    assert.deepEqual(out.series, system);
    assert.deepEqual(
      out.series.map((s) => s.datapoints),
      [[[1500, 60]], [[1950, 60]]],
    );
    assert.deepEqual(out.lineOfSeries, [0, 0]);
    const line = { alias: '', transform: 'statsd-p50-p95' as const };
    assert.equal(seriesLabel('p95', line, null), 'p95 (from histogram bins)');
    assert.equal(seriesLabel('p95', { ...line, alias: 'spawn' }, null), 'spawn p95 (from histogram bins)');
  });

  test('a quantile line keeps Graphite’s names (the bounds are read from them): no alias() is sent', () => {
    assert.equal(renderTarget({ target: 'x.bin_*', alias: 'spawn', transform: 'statsd-p50-p95' }, null), 'x.bin_*');
    assert.equal(renderTarget({ target: 'x.bin_*', alias: 'spawn' }, null), "alias(x.bin_*, 'spawn')");
  });
});
