import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseViewParams, sharedQuery, withViewParams } from '@/lib/shared/view-params';

test('defaults: last hour, live, auto-refresh every 10 s (one StatsD flush), no hub, no kiosk', () => {
  assert.deepEqual(parseViewParams(new URLSearchParams('')), {
    from: '-1h',
    until: 'now',
    hub: null,
    refresh: '10s',
    kiosk: false,
  });
});

test('reads a server page searchParams record as well as URLSearchParams', () => {
  const record = { from: '-6h', until: 'now', hub: 'course-a', refresh: '10s', kiosk: '1' };
  const expected = { from: '-6h', until: 'now', hub: 'course-a', refresh: '10s', kiosk: true };
  assert.deepEqual(parseViewParams(record), expected);
  assert.deepEqual(parseViewParams(new URLSearchParams(record)), expected);
  assert.equal(parseViewParams({ from: ['-2d', '-1h'] }).from, '-2d');
});

test('an absolute range does not auto-refresh unless asked', () => {
  assert.equal(parseViewParams({ from: '1795600000', until: '1795603600' }).refresh, 'off');
  assert.equal(parseViewParams({ from: '1795600000', until: '1795603600', refresh: '30s' }).refresh, '30s');
});

test('invalid values fall back instead of reaching a Graphite target', () => {
  const p = parseViewParams({ from: 'yesterday', until: '-1x', hub: 'a.b*', refresh: '7s', kiosk: 'yes' });
  assert.deepEqual(p, { from: '-1h', until: 'now', hub: null, refresh: '10s', kiosk: false });
  assert.equal(parseViewParams({ hub: '<script>' }).hub, null);
});

test('withViewParams changes and deletes view parameters and keeps the rest (repeated targets too)', () => {
  assert.equal(withViewParams('?from=-1h&target=a&target=b&x=1', { from: '-6h', refresh: null }), 'from=-6h&target=a&target=b&x=1');
  assert.equal(withViewParams('from=-1h', { until: '1795603600', kiosk: true }), 'from=-1h&until=1795603600&kiosk=1');
  assert.equal(withViewParams('hub=a', { hub: null }), '');
});

test('sharedQuery keeps range, hub, refresh and kiosk for nav links, drops view-specific params', () => {
  assert.equal(sharedQuery('from=-6h&target=a&hub=x&kiosk=1&until=now'), 'from=-6h&until=now&hub=x&kiosk=1');
});
