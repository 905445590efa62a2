import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_THRESHOLDS } from '@/lib/config/status';
import type { Datapoint } from '@/lib/stats/series';
import { evaluateTimeline, incidentsFrom } from '@/lib/status/timeline';

const t0 = 1_800_000_000;
const step = 60;
const minutes = (n: number, value: (i: number) => number | null): Datapoint[] =>
  Array.from({ length: n }, (_, i) => [value(i), t0 + i * step] as const);

test('an outage in the probe becomes one Down incident with start and end', () => {
  const up = minutes(60, (i) => (i >= 20 && i < 25 ? 0 : 1));
  const timeline = evaluateTimeline(
    { up, healthMs: minutes(60, () => 30), spawnsSucceeded: minutes(60, () => 0), spawnsFailed: [] },
    DEFAULT_THRESHOLDS,
  );
  const incidents = incidentsFrom(timeline);
  assert.equal(incidents.length, 1);
  assert.deepEqual(incidents[0], {
    start: t0 + 20 * step,
    end: t0 + 25 * step,
    verdict: 'Down',
    cause: 'health_failing',
    reason: 'The hub did not answer its health check.',
  });
  assert.equal(timeline.at(-1)?.verdict?.verdict, 'Operational');
});

test('a spawn failure degrades for the rolling window, then recovers', () => {
  const n = 40;
  const timeline = evaluateTimeline(
    {
      up: minutes(n, () => 1),
      healthMs: [],
      spawnsSucceeded: minutes(n, () => 1),
      spawnsFailed: [minutes(n, (i) => (i === 10 ? 2 : 0)), minutes(n, (i) => (i === 10 ? 1 : 0))],
    },
    DEFAULT_THRESHOLDS,
    '15 minutes',
  );
  const incidents = incidentsFrom(timeline);
  assert.equal(incidents.length, 1);
  const [incident] = incidents;
  assert.equal(incident?.verdict, 'Degraded');
  assert.equal(incident?.start, t0 + 10 * step);
  // Window (at - 15 min, at]: the failure at minute 10 leaves it at minute 25.
  assert.equal(incident?.end, t0 + 25 * step);
  // Worst moment: 3 failures among 3 + 11 attempts in the 15-minute window ending at minute 10... or later.
  assert.match(incident?.reason ?? '', /^3 of \d+ server starts failed in 15 minutes\.$/);
});

test('before the first health result nothing is known and nothing is an incident', () => {
  const up = minutes(30, (i) => (i < 10 ? null : 1));
  const timeline = evaluateTimeline({ up, healthMs: [], spawnsSucceeded: [], spawnsFailed: [] }, DEFAULT_THRESHOLDS);
  assert.equal(timeline[0]?.verdict, null);
  assert.equal(incidentsFrom(timeline).length, 0);
});

test('data that stops is Down after the silence limit and the incident stays open', () => {
  const up = minutes(30, (i) => (i < 20 ? 1 : null));
  const timeline = evaluateTimeline({ up, healthMs: [], spawnsSucceeded: [], spawnsFailed: [] }, DEFAULT_THRESHOLDS);
  const incidents = incidentsFrom(timeline);
  assert.equal(incidents.length, 1);
  // Last result at minute 19; silent for more than 5 minutes from minute 25 on.
  assert.equal(incidents[0]?.start, t0 + 25 * step);
  assert.equal(incidents[0]?.end, null);
  assert.equal(incidents[0]?.cause, 'no_health_data');
});

test('imported history after the last health result is not judged, and no incident', () => {
  // Live probes for 10 minutes, then an hour of counts imported from the hub's past logs (backfill).
  const up = minutes(10, () => 1);
  const imported = minutes(70, (i) => (i >= 10 ? 1 : null));
  const spawns = minutes(70, (i) => (i >= 10 ? 2 : 0));
  const series = { up, healthMs: minutes(10, () => 30), spawnsSucceeded: spawns, spawnsFailed: [] };
  const withMarker = evaluateTimeline({ ...series, imported }, DEFAULT_THRESHOLDS);
  assert.deepEqual(incidentsFrom(withMarker), []);
  assert.equal(withMarker.at(-1)?.verdict, null);
  // Without the marker the same silence is an outage: the marker is what tells them apart.
  const without = evaluateTimeline(series, DEFAULT_THRESHOLDS);
  assert.equal(incidentsFrom(without)[0]?.cause, 'no_health_data');
});
