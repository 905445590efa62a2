import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_THRESHOLDS } from '@/lib/config/status';
import { COMPLETE_BACKEND, summariseBackend } from '@/lib/shared/backend';
import { hubsOverview, overviewTargets, seriesByHub } from './overview';

const until = 1_796_000_000;
const points = (value: number | null, from = until - 3600, step = 30) =>
  Array.from({ length: 3600 / step }, (_, i) => [value, from + i * step] as [number | null, number]);
// Names as graphite-web 1.1.8 answers overviewTargets() (consolidateBy wraps them).
const gauge = (hub: string, key: string, value: number | null) => ({
  target: `consolidateBy(stats.gauges.jupyterhub.${hub}.${key},"min")`,
  datapoints: points(value),
});
const grouped = (hub: string, kind: 'success' | 'failure', value: number) => ({
  target: `consolidateBy(${hub}.${kind},"sum")`,
  datapoints: points(value),
});

const series = [
  gauge('physics', 'hub.up', 1),
  gauge('physics', 'hub.health_ms', 30),
  gauge('physics', 'servers.running', 12),
  grouped('physics', 'success', 1),
  grouped('physics', 'failure', 0),
  gauge('chem', 'hub.up', 1),
  gauge('chem', 'hub.health_ms', 30),
  grouped('chem', 'success', 1),
  grouped('chem', 'failure', 1),
  gauge('silent', 'hub.up', null),
];

describe('hubs overview', () => {
  test('one render: wildcards over every hub, spawn counts grouped by hub', () => {
    const targets = overviewTargets();
    assert.equal(targets.length, 5);
    assert.ok(targets.every((t) => t.includes('jupyterhub.*')));
    assert.ok(targets.some((t) => t.includes("groupByNodes(stats.counters.jupyterhub.*.spawns.failure.*.count, 'sum', 3, 5)")));
    assert.deepEqual([...seriesByHub(series).keys()].sort(), ['chem', 'physics', 'silent']);
  });

  test('worst first, with running servers and failed starts over the last hour', () => {
    const { hubs } = hubsOverview(series, until, DEFAULT_THRESHOLDS, COMPLETE_BACKEND);
    assert.deepEqual(
      hubs.map((h) => [h.hub, h.verdict]),
      [
        ['silent', 'Down'],
        ['chem', 'Degraded'],
        ['physics', 'Operational'],
      ],
    );
    const physics = hubs.find((h) => h.hub === 'physics');
    assert.equal(physics?.running, 12);
    assert.equal(physics?.failedStarts, 0);
    assert.equal(physics?.starts, 120);
    assert.equal(hubs.find((h) => h.hub === 'chem')?.failedStarts, 120);
  });

  test('partial data: no hub is Operational', () => {
    const partial = summariseBackend([{ url: 'b', state: 'unreachable', since: until - 60, checkedAt: until, latencyMs: 1 }], null, 60_000);
    const { hubs } = hubsOverview(series, until, DEFAULT_THRESHOLDS, partial);
    assert.equal(
      hubs.some((h) => h.verdict === 'Operational'),
      false,
    );
    assert.equal(hubs.find((h) => h.hub === 'physics')?.cause, 'partial_data');
  });
});
