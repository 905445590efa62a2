import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Series } from '@/lib/shared/series';
import { panelStatus, silentSince } from './panel-state';

const s = (datapoints: Series['datapoints']): Series => ({ target: 't', tags: {}, datapoints });

test('panel status: loading, error, empty, ok; kept data wins over a later error', () => {
  assert.equal(panelStatus({ series: undefined, isLoading: true, error: undefined }), 'loading');
  assert.equal(panelStatus({ series: undefined, isLoading: false, error: new Error('x') }), 'error');
  assert.equal(panelStatus({ series: [], isLoading: false, error: undefined }), 'empty');
  assert.equal(panelStatus({ series: [s([[null, 1]])], isLoading: false, error: undefined }), 'empty');
  assert.equal(panelStatus({ series: [s([[1, 1]])], isLoading: false, error: new Error('x') }), 'ok');
});

test('silence: a live range whose data stopped minutes before its end', () => {
  const points: Series['datapoints'] = [];
  for (let t = 1000; t <= 2000; t += 10) points.push([t <= 1500 ? 1 : null, t]);
  assert.equal(silentSince([s(points)], 2010, true), 1500);
  assert.equal(silentSince([s(points)], 2010, false), null, 'a past range is not "silent"');
});

test('silence: the last flush or two missing is normal lag', () => {
  const points: Series['datapoints'] = [
    [1, 1000],
    [1, 1010],
    [null, 1020],
    [null, 1030],
  ];
  assert.equal(silentSince([s(points)], 1040, true), null);
});
