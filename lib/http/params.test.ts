import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { rangeProblem } from '@/lib/range-limit';
import { findQueryParam, hubParam, LIMITS, maxDataPointsParam, tagList, targetList, withTimeRange } from './params';
import { formatIssues, queryObject } from './route';

// The same schemas the route handlers use, fed with query strings as the wrapper sees them.
const render = withTimeRange({ target: targetList, maxDataPoints: maxDataPointsParam });
const events = withTimeRange({ tags: tagList });
const other = z.object({ query: findQueryParam, hub: hubParam });

function check<S extends z.ZodType>(schema: S, query: string) {
  const parsed = schema.safeParse(queryObject(new URLSearchParams(query)));
  return parsed.success ? { ok: parsed.data } : { error: formatIssues(parsed.error.issues) };
}

describe('render params', () => {
  test('defaults and normalisation', () => {
    assert.deepEqual(check(render, 'target=a'), {
      ok: { target: ['a'], from: '-24h', until: 'now' },
    });
    assert.deepEqual(check(render, 'target=a&target=%20b%20&from=now-5m&until=now-1m&maxDataPoints=800'), {
      ok: { target: ['a', 'b'], maxDataPoints: 800, from: '-5min', until: '-1min' },
    });
  });

  const longTarget = 'a'.repeat(LIMITS.maxTargetLength + 1);
  const manyTargets = Array.from({ length: LIMITS.maxTargets + 1 }, (_, i) => `target=m${i}`).join('&');
  const bad: [query: string, message: string][] = [
    ['', 'target: at least one target is required'],
    ['target=', 'target[0]: empty target'],
    [`target=${longTarget}`, 'target[0]: longer than the limit of 1000 characters'],
    [manyTargets, 'target: more than the limit of 50 targets'],
    ['target=a%0Ab', 'target[0]: contains control characters'],
    ['target=%C3%A9', 'target[0]: "é" at character 1 is not ASCII (Graphite reads only ASCII)'],
    ['target=a&target=sum(b', 'target[1]: unclosed "(" at character 4'],
    ['target=.5', 'target[0]: empty path element at character 1 (a number needs a digit before the point: 0.5)'],
    ['target=a&from=yesterday', 'from: not a Graphite time'],
    ['target=a&until=-5x', 'until: unknown time unit "x" (use s, min, h, d, w, mon, y)'],
    ['target=a&from=-1h&from=-2h', 'from: given more than once'],
    ['target=a&from=now&until=-1h', 'until: must be later than from'],
    ['target=a&from=-1h&until=-1h', 'until: must be later than from'],
    ['target=a&from=-3y', 'from: range from..until is longer than the limit of 732 days'],
    ['target=a&maxDataPoints=0', 'maxDataPoints: must be at least 1'],
    ['target=a&maxDataPoints=5001', 'maxDataPoints: over the limit of 5000'],
    ['target=a&maxDataPoints=1e3', 'maxDataPoints: must be a whole number'],
    ['target=a&maxDataPoints=-5', 'maxDataPoints: must be a whole number'],
    ['from=x', 'target: at least one target is required; from: not a Graphite time'],
    // Valid-looking times Graphite cannot represent: a 400 naming the field, never a render.
    ['target=a&from=19691231', 'from: before 1970-01-01, which Graphite cannot represent'],
    ['target=a&from=00:00_19000101', 'from: before 1970-01-01, which Graphite cannot represent'],
    [
      'target=a&from=22870101&until=22870102',
      'from: after 2286-11-20, which Graphite cannot represent; until: after 2286-11-20, which Graphite cannot represent',
    ],
    [
      'target=a&from=-999999999y1s&until=-999999999y',
      'from: before 1970-01-01, which Graphite cannot represent; until: before 1970-01-01, which Graphite cannot represent',
    ],
    ['target=a&from=-1h&until=%2B300y', 'until: after 2286-11-20, which Graphite cannot represent'],
    ['target=a&maxDataPoints=1000000000', 'maxDataPoints: over the limit of 5000'],
    ['target=a&maxDataPoints=99999999999999999999999', 'maxDataPoints: over the limit of 5000'],
  ];
  for (const [query, message] of bad) {
    test(`${query.slice(0, 40) || '(empty)'} -> ${message}`, () => assert.deepEqual(check(render, query), { error: message }));
  }

  test('the longest allowed range and target pass', () => {
    assert.ok('ok' in check(render, `target=${'a'.repeat(LIMITS.maxTargetLength)}&from=-732d`));
  });
});

describe('events params', () => {
  test('tags: repeatable, space- or comma-separated', () => {
    assert.deepEqual(check(events, 'tags=deploy%20hub,x&tags=y&from=-7d'), {
      ok: { tags: ['deploy', 'hub', 'x', 'y'], from: '-7d', until: 'now' },
    });
    assert.deepEqual(check(events, ''), { ok: { tags: [], from: '-24h', until: 'now' } });
  });
  test('bad tags', () => {
    assert.deepEqual(check(events, 'tags=a/b'), { error: 'tags[0]: tags may contain only letters, digits, and . _ : -' });
    assert.deepEqual(check(events, `tags=${'t,'.repeat(11)}`), { error: 'tags: more than the limit of 10 tags' });
    assert.deepEqual(check(events, `tags=${'t'.repeat(65)}`), {
      error: 'tags[0]: a tag is longer than the limit of 64 characters',
    });
  });
});

describe('find and hub params', () => {
  test('valid', () => {
    assert.deepEqual(check(other, 'query=stats.*'), { ok: { query: 'stats.*', hub: 'default' } });
    assert.deepEqual(check(other, 'query=a&hub=hub-2_b'), { ok: { query: 'a', hub: 'hub-2_b' } });
  });
  const bad: [query: string, message: string][] = [
    ['', 'query: required'],
    ['query=%20', 'query: required'],
    [`query=${'a'.repeat(501)}`, 'query: longer than the limit of 500 characters'],
    ['query=a&query=b', 'query: given more than once'],
    ['query=a&hub=a.b', 'hub: must be 1-64 letters, digits, _ or -'],
    ['query=a&hub=', 'hub: must be 1-64 letters, digits, _ or -'],
  ];
  for (const [query, message] of bad) {
    test(`${query.slice(0, 30) || '(empty)'} -> ${message}`, () => assert.deepEqual(check(other, query), { error: message }));
  }
});

test('rangeProblem: the limits the API and the server-rendered pages share', () => {
  const day = 86_400;
  assert.equal(rangeProblem(0, LIMITS.maxRangeDays * day), null);
  assert.deepEqual(rangeProblem(0, LIMITS.maxRangeDays * day + 1), [
    'from',
    `range from..until is longer than the limit of ${LIMITS.maxRangeDays} days`,
  ]);
  assert.deepEqual(rangeProblem(10, 10), ['until', 'must be later than from']);
});
