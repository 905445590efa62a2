import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  binName,
  counterPath,
  familyKey,
  GAUGE_KEYS,
  gaugePath,
  histogramPattern,
  leSegment,
  promCounterBase,
  promGaugePath,
} from '@/lib/catalog';
import { type MetricStore, record, renderFrom } from '@/lib/graphite/testing/render-subset';
import type { Series } from '@/lib/shared/series';
import { quantileTransform, REQUEST_FAMILY, requestLatencyByClass } from './quantile-transforms';
import { SINCE_VERSION, SOURCE_HINTS } from './source-hints';
import { type PanelSpec, systemPanels } from './system-panels';

// The panels' targets are evaluated by a stand-in for graphite-web's render
// (lib/graphite/testing/render-subset.ts) over metrics written to the paths the collector's keys
// land on, for the hub asked and a second hub beside it; the tests assert what the panels show.

const NOW = 1_800_000_000; // on a 10-minute boundary
const FLUSH = NOW - 1200; // a StatsD flush 20 minutes ago
const PROM_HISTOGRAMS = [
  'jupyterhub_proxy_poll_duration_seconds',
  'jupyterhub_check_routes_duration_seconds',
  'jupyterhub_event_loop_interval_seconds',
];

/** One hub's traffic; `scale` makes the second hub's numbers different from the first's. */
function writeHub(store: MetricStore, hub: string, scale: number): void {
  for (let t = NOW - 6 * 3600; t < NOW; t += 10) {
    for (const key of GAUGE_KEYS)
      record(store, gaugePath(hub, key), t, { 'hub.up': 1, 'hub.health_ms': 30, 'servers.running': 12, 'users.total': 50 }[key] * scale);
  }
  const bin = (bound: number) => histogramPattern(hub, 'spawns.duration').replace(/bin_\*$/, binName(bound));
  // Two flushes in one 10-minute bucket: 6 starts under a second, 1 under five.
  record(store, bin(1000), FLUSH, 3 * scale);
  record(store, bin(1000), FLUSH + 60, 3 * scale);
  record(store, bin(5000), FLUSH + 60, 1 * scale);
  record(store, histogramPattern(hub, 'requests.duration').replace(/bin_\*$/, binName(100)), FLUSH, 50 * scale);
  for (const [code, n] of [
    [200, 100],
    [404, 5],
    [500, 30],
    [503, 30],
  ] as const) {
    record(store, counterPath(hub, familyKey('requests.status', code)), FLUSH, n * scale);
  }
  record(store, counterPath(hub, familyKey('proxy.errors', 503)), FLUSH, 2 * scale);
  const le = (family: string, labels: string[], bound: string, n: number) =>
    record(store, [promCounterBase(hub, family), ...labels, leSegment(bound), 'count'].join('.'), FLUSH, n * scale);
  le(REQUEST_FAMILY, ['200'], '0.1', 10);
  le(REQUEST_FAMILY, ['200'], '+Inf', 10);
  le(REQUEST_FAMILY, ['503'], '1', 2);
  le(REQUEST_FAMILY, ['503'], '+Inf', 2);
  for (const family of PROM_HISTOGRAMS) {
    le(family, [], '0.5', 4);
    le(family, [], '+Inf', 4);
  }
  for (const [period, n] of [
    ['24h', 7],
    ['7d', 20],
    ['30d', 40],
  ] as const)
    record(store, `${promGaugePath(hub, 'jupyterhub_active_users')}.${period}`, FLUSH, n * scale);
}

const store: MetricStore = new Map();
writeHub(store, 'course-a', 1);
writeHub(store, 'course-b', 3);
const render = renderFrom(store);

async function show(panel: PanelSpec | undefined, rangeSeconds: number): Promise<Series[]> {
  assert.ok(panel, 'panel exists');
  const series = await render({ targets: panel.targets, from: String(NOW - rangeSeconds), until: String(NOW) });
  return panel.transform ? quantileTransform(panel.transform).transform(series).series : series;
}
const panel = (hub: string, range: number, id: string) => systemPanels(hub, range).find((p) => p.id === id);
const valueAt = (series: Series | undefined, at: number) => series?.datapoints.find(([, t]) => t === at)?.[0];

test("every panel draws the chosen hub's data and none of the other hub's, and says which collector source feeds it", async () => {
  const panels = systemPanels('course-a', 3600);
  assert.equal(new Set(panels.map((p) => p.id)).size, panels.length);
  const hints = Object.values(SOURCE_HINTS);
  for (const p of panels) {
    const raw = await render({ targets: p.targets, from: String(NOW - 3600), until: String(NOW) });
    assert.ok(raw.length > 0, `${p.id} reads something`);
    for (const s of raw) assert.match(s.tags.name ?? '', /\.course-a\./, `${p.id}: ${s.tags.name}`);
    const drawn = await show(p, 3600);
    assert.ok(
      drawn.some((s) => s.datapoints.some(([v]) => v !== null && v > 0)),
      `${p.id} draws a value`,
    );
    assert.ok(
      hints.some((h) => p.emptyMessage.startsWith(h)),
      `${p.id} names its source`,
    );
  }
});

test('a hub name that could alter a Graphite target is refused', () => {
  assert.throws(() => systemPanels('a),evil(', 3600), /hub/);
});

test('spawn wait over 6 hours: the bins of a 10-minute bucket are summed before the quantiles, so both flushes count', async () => {
  const [p50, p95] = await show(panel('course-a', 6 * 3600, 'spawn-duration'), 6 * 3600);
  const bucket = FLUSH - (FLUSH % 600);
  // 7 starts in the bucket: 6 under 1 s, 1 under 5 s; the median is under a second, the p95 above.
  const median = valueAt(p50, bucket) ?? Number.NaN;
  const tail = valueAt(p95, bucket) ?? Number.NaN;
  assert.ok(median > 0 && median <= 1000, `p50 ${median}`);
  assert.ok(tail > 1000 && tail <= 5000, `p95 ${tail}`);
  assert.equal(panel('course-a', 6 * 3600, 'spawn-duration')?.fitToWidth, false);
  assert.equal(panel('course-a', 3600, 'hub-up')?.fitToWidth, true);
});

test('request rate: per second by status class, a 404 is 4xx and never 5xx', async () => {
  const series = await show(panel('course-a', 3600, 'request-rate'), 3600);
  const byName = new Map(series.map((s) => [s.target, valueAt(s, FLUSH)]));
  // One 10 s flush: 100 × 200, 5 × 404, 60 × 5xx.
  assert.deepEqual(Object.fromEntries(byName), { '2xx': 10, '4xx': 0.5, '5xx': 6 });
});

test('5xx errors per minute: the hub and the proxy apart', async () => {
  const series = await show(panel('course-a', 3600, 'error-rate'), 3600);
  assert.deepEqual(
    series.map((s) => [s.target, valueAt(s, FLUSH)]),
    [
      ['hub 5xx', 360],
      ['proxy errors', 12],
    ],
  );
});

test("latency by status class from the hub's own histogram: one p95 per class", async () => {
  const series = await show(panel('course-a', 3600, 'request-latency-by-class'), 3600);
  assert.deepEqual(
    series.map((s) => s.target),
    ['2xx p95', '5xx p95'],
  );
  const bucket = FLUSH - (FLUSH % 60);
  // le counts are cumulative: every 200 under 0.1 s, so p95 is 95 % of the way to 100 ms.
  assert.ok(Math.abs((valueAt(series[0], bucket) ?? 0) - 95) < 1e-9);
  assert.ok(Math.abs((valueAt(series[1], bucket) ?? 0) - 950) < 1e-9);
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
  assert.deepEqual(
    series.map((x) => x.target),
    ['2xx p95', '5xx p95'],
  );
  // 2xx: 10 in [0, 0.1 s), 10 in [0.1 s, inf) -> p95 falls in the open bin: its lower bound, 100 ms.
  assert.equal(series[0]?.datapoints[0]?.[0], 100);
  // 5xx: 2 in [0, 1 s) -> p95 = 0.95 s.
  assert.ok(Math.abs((series[1]?.datapoints[0]?.[0] ?? 0) - 950) < 1e-9);
});

test('a panel fed by a metric only newer hubs serve says which versions lack it, and draws its periods by name', async () => {
  const panels = systemPanels('course-a', 3600);
  assert.ok(panels.find((p) => p.id === 'active-users')?.emptyMessage.endsWith(SINCE_VERSION.activeUsers));
  assert.ok(panels.find((p) => p.id === 'event-loop')?.emptyMessage.endsWith(SINCE_VERSION.eventLoop));
  const active = await show(panel('course-a', 3600, 'active-users'), 3600);
  assert.deepEqual(
    active.map((s) => [s.target, valueAt(s, FLUSH)]),
    [
      ['24h', 7],
      ['7d', 20],
      ['30d', 40],
    ],
  );
});
