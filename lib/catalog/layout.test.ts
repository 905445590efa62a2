import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  archivesFor,
  formatRetentions,
  HISTOGRAM_BINS,
  histogramBins,
  METRICS_LAYOUT,
  STATSD_ARCHIVES,
  whisperFileBytes,
} from '@/lib/catalog';

test('what StatsD writes keeps 10 s for a day, 1 min for 22 days, 10 min for a year', () => {
  assert.equal(formatRetentions(STATSD_ARCHIVES), '10s:1d,1m:22d,10m:1y');
  assert.equal(archivesFor('stats.counters.jupyterhub.h.spawns.success.count'), STATSD_ARCHIVES);
  assert.equal(formatRetentions(archivesFor('carbon.agents.a.cpuUsage')), '1m:90d');
  assert.equal(archivesFor('anything.else'), STATSD_ARCHIVES);
});

test("the 1-minute archive holds a deployment's 7-day windows and the same ones a week earlier", () => {
  const minute = STATSD_ARCHIVES.find((a) => a.stepSeconds === 60);
  const week = 7 * 86_400;
  assert.ok(minute && minute.keepSeconds >= week + 2 * week);
});

test('a whisper file of that retention is about 1.1 MB (whisper-info: fileSize)', () => {
  assert.equal(whisperFileBytes(STATSD_ARCHIVES), 1_114_612);
  // The old 10s:1d,1m:7d,10m:1y, as whisper-info reported it for the stack's files.
  assert.equal(
    whisperFileBytes([
      { stepSeconds: 10, keepSeconds: 86_400 },
      { stepSeconds: 60, keepSeconds: 7 * 86_400 },
      { stepSeconds: 600, keepSeconds: 365 * 86_400 },
    ]),
    855_412,
  );
});

test("bins follow StatsD's rule: the first rule whose metric occurs in the key", () => {
  assert.equal(histogramBins('jupyterhub.h.spawns.duration'), METRICS_LAYOUT.histograms[0]?.bins);
  assert.equal(histogramBins('jupyterhub.h.requests.duration'), METRICS_LAYOUT.histograms[1]?.bins);
  assert.deepEqual(HISTOGRAM_BINS['spawns.duration'].slice(0, 3), [1000, 2000, 3000]);
  for (const rule of METRICS_LAYOUT.histograms) {
    assert.equal(rule.bins.at(-1), Infinity, 'every histogram ends with the inf bin');
    assert.deepEqual(
      [...rule.bins].sort((a, b) => a - b),
      rule.bins,
      'ascending',
    );
  }
});
