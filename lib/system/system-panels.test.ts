import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Series } from '@/lib/shared/series';
import { requestLatencyByClass } from './quantile-transforms';
import { SINCE_VERSION, SOURCE_HINTS } from './source-hints';
import { systemPanels } from './system-panels';

test('every panel targets the chosen hub and says which collector source feeds it', () => {
  const panels = systemPanels('course-a', 3600);
  assert.deepEqual(
    panels.map((p) => p.id),
    [
      'hub-up',
      'health-latency',
      'running-servers',
      'total-users',
      'spawn-duration',
      'request-rate',
      'error-rate',
      'request-latency',
      'request-latency-by-class',
      'proxy-poll',
      'check-routes',
      'active-users',
      'event-loop',
    ],
  );
  const hints = Object.values(SOURCE_HINTS);
  for (const p of panels) {
    assert.ok(p.targets.length > 0, p.id);
    for (const t of p.targets) assert.match(t, /jupyterhub\.course-a\./, `${p.id}: ${t}`);
    assert.ok(hints.some((h) => p.emptyMessage.startsWith(h)), `${p.id} names its source`);
  }
});

test('a hub name that could alter a Graphite target is refused', () => {
  assert.throws(() => systemPanels('a),evil(', 3600), /hub/);
});

test('histogram panels sum bins over a bucket that follows the range; gauges fit the width', () => {
  const spawn = systemPanels('h', 6 * 3600).find((p) => p.id === 'spawn-duration');
  assert.equal(spawn?.targets[0], "summarize(stats.timers.jupyterhub.h.spawns.duration.histogram.bin_*, '10min', 'sum', false)");
  assert.equal(spawn?.fitToWidth, false);
  assert.equal(systemPanels('h', 3600).find((p) => p.id === 'hub-up')?.fitToWidth, true);
});

test("the hub's own histograms are read from the collector's prom.* counters", () => {
  const byId = (id: string) => systemPanels('h', 3600).find((p) => p.id === id)?.targets[0];
  assert.equal(
    byId('request-latency-by-class'),
    "summarize(stats.counters.jupyterhub.h.prom.jupyterhub_request_duration_seconds.*.le_*.count, '1min', 'sum', false)",
  );
  assert.equal(
    byId('proxy-poll'),
    "summarize(stats.counters.jupyterhub.h.prom.jupyterhub_proxy_poll_duration_seconds.le_*.count, '1min', 'sum', false)",
  );
});

test('request rate is per second and grouped by status class', () => {
  const rate = systemPanels('h', 3600).find((p) => p.id === 'request-rate');
  assert.equal(
    rate?.targets[3],
    "alias(scaleToSeconds(sumSeries(stats.counters.jupyterhub.h.requests.status.5*.count), 1), '5xx')",
  );
});

test('latency by status class: le buckets of every code are pooled per class into one p95 series', () => {
  const base = 'stats.counters.jupyterhub.h.prom.jupyterhub_request_duration_seconds';
  const s = (code: string, le: string, v: number): Series => ({
    target: 'x',
    tags: { name: `${base}.${code}.${le}.count` },
    datapoints: [[v, 60]],
  });
  const { series } = requestLatencyByClass([
    s('200', 'le_0_1', 10),
    s('200', 'le_inf', 10),
    s('201', 'le_0_1', 0),
    s('201', 'le_inf', 10),
    s('503', 'le_1', 2),
    s('503', 'le_inf', 2),
  ]);
  assert.deepEqual(series.map((x) => x.target), ['2xx p95', '5xx p95']);
  // 2xx: 10 in [0, 0.1 s), 10 in [0.1 s, inf) -> p95 falls in the open bin: its lower bound, 100 ms.
  assert.equal(series[0]?.datapoints[0]?.[0], 100);
  // 5xx: 2 in [0, 1 s) -> p95 = 0.95 s.
  assert.ok(Math.abs((series[1]?.datapoints[0]?.[0] ?? 0) - 950) < 1e-9);
});

test('a panel fed by a metric only newer hubs serve says which versions lack it', () => {
  const panels = systemPanels('h', 3600);
  assert.ok(panels.find((p) => p.id === 'active-users')?.emptyMessage.endsWith(SINCE_VERSION.activeUsers));
  assert.ok(panels.find((p) => p.id === 'event-loop')?.emptyMessage.endsWith(SINCE_VERSION.eventLoop));
  assert.equal(panels.find((p) => p.id === 'active-users')?.targets[0], "alias(stats.gauges.jupyterhub.h.prom.jupyterhub_active_users.24h, '24h')");
});
