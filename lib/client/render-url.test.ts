import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_TARGETS_PER_REQUEST, renderUrl } from '@/lib/api/render';

test('render URL repeats target, keeps the range raw and rounds maxDataPoints', () => {
  const url = renderUrl({ targets: ['a.b', 'sumSeries(c.*)'], from: '-1h', until: 'now', maxDataPoints: 612.4 });
  const parsed = new URL(url, 'http://x');
  assert.equal(parsed.pathname, '/api/graphite/render');
  assert.deepEqual(parsed.searchParams.getAll('target'), ['a.b', 'sumSeries(c.*)']);
  assert.equal(parsed.searchParams.get('from'), '-1h');
  assert.equal(parsed.searchParams.get('until'), 'now');
  assert.equal(parsed.searchParams.get('maxDataPoints'), '612');
});

test('render URL caps the number of targets', () => {
  const many = Array.from({ length: MAX_TARGETS_PER_REQUEST + 5 }, (_, i) => `m${i}`);
  const parsed = new URL(renderUrl({ targets: many, from: '-1h', until: 'now' }), 'http://x');
  assert.equal(parsed.searchParams.getAll('target').length, MAX_TARGETS_PER_REQUEST);
  assert.equal(parsed.searchParams.has('maxDataPoints'), false);
});
