import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatChange, formatPercent, incidentWhen, rangePhrase, uptimeLevel } from '@/components/status/status-format';

const t = Date.UTC(2026, 10, 25, 10, 42) / 1000;

test('uptime levels', () => {
  assert.equal(uptimeLevel(null), 'unknown');
  assert.equal(uptimeLevel(1), 'full');
  assert.equal(uptimeLevel(0.995), 'minor');
  assert.equal(uptimeLevel(0.95), 'major');
  assert.equal(uptimeLevel(0.5), 'down');
  assert.equal(formatPercent(0.99931), '99.93 %');
  assert.equal(formatPercent(1), '100 %');
});

test('incident times read plainly', () => {
  assert.equal(incidentWhen(t, t + 300, t + 1000), '2026-11-25 10:42–10:47 UTC (5 minutes)');
  assert.equal(incidentWhen(t, null, t + 720), 'since 2026-11-25 10:42 UTC, ongoing (12 minutes)');
  assert.equal(
    incidentWhen(t, null, t + 720, false),
    'since 2026-11-25 10:42 UTC, still going at 2026-11-25 10:54 UTC (12 minutes by then)',
  );
});

test('range phrases', () => {
  assert.equal(rangePhrase(t - 3600, t, true), 'in the last hour');
  assert.equal(rangePhrase(t - 6 * 3600, t, true), 'in the last 6 hours');
  assert.equal(rangePhrase(t - 3600, t, false), 'between 2026-11-25 09:42 and 10:42 UTC');
});

test('change wording', () => {
  assert.equal(formatChange(50, 3), '+50 %');
  assert.equal(formatChange(-25, 3), '−25 %');
  assert.equal(formatChange(null, 2), 'new');
  assert.equal(formatChange(null, 0), '—');
});
