import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exploreHref } from './explore-link';
import { parseExploreState } from './explore-state';
import { overlayRequest } from './overlay-request';

test('an impact overlay opens in explore as its window and last week as a 7-day time shift', () => {
  const request = overlayRequest({
    target: 'summarize(a.b,"120s","avg",false)',
    when: 1_000_000,
    windowSeconds: 3600,
    unit: 'ms',
    hub: 'h',
  });
  assert.deepEqual(request.targets, ['summarize(a.b,"120s","avg",false)', `timeShift(summarize(a.b,"120s","avg",false), '7d')`]);
  assert.equal(request.from, '996400');
  assert.equal(request.until, '1003600');
  const state = parseExploreState(exploreHref(request).slice('/explore?'.length));
  assert.deepEqual(
    state.lines.map((l) => l.alias),
    ['around the deployment', 'one week earlier'],
  );
  assert.equal(state.display.unit, 'ms');
});
