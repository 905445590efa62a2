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

test('what StatsD writes keeps 10 s for a day, 1 min for 7 days, 10 min for a year', () => {
  assert.equal(formatRetentions(STATSD_ARCHIVES), '10s:1d,1m:7d,10m:1y');
  assert.equal(archivesFor('stats.counters.jupyterhub.h.spawns.success.count'), STATSD_ARCHIVES);
  assert.equal(formatRetentions(archivesFor('carbon.agents.a.cpuUsage')), '1m:90d');
  assert.equal(archivesFor('anything.else'), STATSD_ARCHIVES);
});

test('a whisper file of that retention is about 0.86 MB (whisper-info: fileSize)', () => {
  assert.equal(whisperFileBytes(STATSD_ARCHIVES), 855_412);
});

test("bins follow StatsD's rule: the first rule whose metric occurs in the key", () => {
  assert.equal(histogramBins('jupyterhub.h.spawns.duration'), METRICS_LAYOUT.histograms[0]?.bins);
  assert.equal(histogramBins('jupyterhub.h.requests.duration'), METRICS_LAYOUT.histograms[1]?.bins);
  assert.deepEqual(HISTOGRAM_BINS['spawns.duration'].slice(0, 3), [1000, 2000, 3000]);
  for (const rule of METRICS_LAYOUT.histograms) {
    assert.equal(rule.bins.at(-1), Infinity, 'every histogram ends with the inf bin');
    assert.deepEqual([...rule.bins].sort((a, b) => a - b), rule.bins, 'ascending');
  }
});
