import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderUrl } from '@/lib/api/render';
import { MAX_GET_URL_LENGTH, renderRequest } from './render-request';

test('a short render stays a GET on the URL it was keyed by', () => {
  const url = renderUrl({ targets: ['a.b'], from: '-1h', until: 'now' });
  assert.deepEqual(renderRequest(url), { url, init: { method: 'GET' } });
});

test('a long render becomes a POST with the same parameters as its form body', () => {
  const long = `sumSeries(${'x'.repeat(900)})`;
  const targets = Array.from({ length: 20 }, (_, i) => `${long}.${i}`);
  const url = renderUrl({ targets, from: '-6h', until: 'now', maxDataPoints: 800 });
  assert.ok(url.length > MAX_GET_URL_LENGTH);
  const { url: path, init } = renderRequest(url);
  assert.equal(path, '/api/graphite/render');
  assert.equal(init.method, 'POST');
  assert.deepEqual(init.headers, { 'content-type': 'application/x-www-form-urlencoded' });
  const body = new URLSearchParams(String(init.body));
  assert.deepEqual(body.getAll('target'), targets);
  assert.equal(body.get('from'), '-6h');
  assert.equal(body.get('maxDataPoints'), '800');
});
