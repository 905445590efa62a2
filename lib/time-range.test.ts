import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isRelativeTime, normaliseTime, parseTime, resolveTime, TimeSyntaxError } from './time-range';

const NOW = 1_795_600_000;

describe('normaliseTime', () => {
  const cases: [input: string, graphite: string][] = [
    ['now', 'now'],
    ['NOW', 'now'],
    [' -6h ', '-6h'],
    ['-2days', '-2d'],
    ['-1h30min', '-1h30min'],
    ['+10min', '+10min'],
    ['-0h', 'now'],
    // Grafana style
    ['now-6h', '-6h'],
    ['now-5m', '-5min'],
    ['now-1M', '-1mon'],
    ['now-2w', '-2w'],
    ['now-1y', '-1y'],
    ['now-30s', '-30s'],
    ['now+1h', '+1h'],
    // Graphite long unit words
    ['-3hours', '-3h'],
    ['-10minutes', '-10min'],
    ['-2months', '-2mon'],
    ['-1year', '-1y'],
    ['-15seconds', '-15s'],
    // absolute: epoch seconds stay; dates become epoch seconds (UTC)
    ['1795604400', '1795604400'],
    ['0', '0'],
    ['14:30_20261125', String(Date.UTC(2026, 10, 25, 14, 30) / 1000)],
    ['14:3020261125', String(Date.UTC(2026, 10, 25, 14, 30) / 1000)],
    ['20261125', String(Date.UTC(2026, 10, 25) / 1000)],
  ];
  for (const [input, graphite] of cases) {
    test(`${JSON.stringify(input)} -> ${graphite}`, () => assert.equal(normaliseTime(input), graphite));
  }

  const bad: [input: string, message: RegExp][] = [
    ['', /empty time/],
    ['yesterday', /not a Graphite time/],
    ['now/d', /not a Graphite time/],
    ['-6', /not a Graphite time/],
    ['6h', /not a Graphite time/],
    ['-6q', /unknown time unit "q"/],
    ['now-5ms', /unknown time unit "ms"/],
    ['1795604400000', /looks like milliseconds/],
    ['25:00_20261125', /not a valid calendar date/],
    ['12:00_20260231', /not a valid calendar date/],
    ['20260230', /not a valid calendar date/],
    ['-'.repeat(65), /longer than 64 characters/],
    ['2026-11-25', /not a Graphite time/],
    ['19691231', /before 1970-01-01/],
    ['00:00_19000101', /before 1970-01-01/],
    ['22870101', /after 2286-11-20/],
  ];
  for (const [input, message] of bad) {
    test(`rejects ${JSON.stringify(input.slice(0, 20))}`, () => {
      assert.throws(
        () => normaliseTime(input),
        (error) => error instanceof TimeSyntaxError && message.test(error.message),
      );
    });
  }

  test('output is accepted unchanged (idempotent)', () => {
    for (const input of ['now-5m', '-2days', '14:30_20261125', 'now-1M', '-1h30min']) {
      const once = normaliseTime(input);
      assert.equal(normaliseTime(once), once);
    }
  });
});

describe('resolveTime', () => {
  test('relative times count from now; months are 30 days and years 365, as in Graphite', () => {
    assert.equal(resolveTime('now', NOW), NOW);
    assert.equal(resolveTime('-6h', NOW), NOW - 6 * 3600);
    assert.equal(resolveTime('now-5m', NOW), NOW - 300);
    assert.equal(resolveTime('-1h30min', NOW), NOW - 5400);
    assert.equal(resolveTime('+2d', NOW), NOW + 2 * 86_400);
    assert.equal(resolveTime('now-1M', NOW), NOW - 30 * 86_400);
    assert.equal(resolveTime('-1y', NOW), NOW - 365 * 86_400);
    assert.equal(resolveTime('-1w', NOW + 0.7), NOW - 7 * 86_400);
  });
  test('absolute times ignore now', () => {
    assert.equal(resolveTime('1795604400', NOW), 1_795_604_400);
    assert.equal(resolveTime('00:00_19700102', NOW), 86_400);
    assert.equal(resolveTime('19700102', 5), 86_400);
  });
  test('an 8-digit date-looking number is YYYYMMDD, like Graphite; others are epoch seconds', () => {
    assert.equal(resolveTime('20000101', NOW), Date.UTC(2000, 0, 1) / 1000);
    assert.equal(resolveTime('19001301', NOW), 19_001_301);
  });
});

describe('parseTime / isRelativeTime', () => {
  test('kinds', () => {
    assert.deepEqual(parseTime('now-6h'), { kind: 'relative', offsetSeconds: -21_600, graphite: '-6h' });
    assert.deepEqual(parseTime('1795604400'), { kind: 'absolute', epochSeconds: 1_795_604_400, graphite: '1795604400' });
    assert.equal(isRelativeTime('now'), true);
    assert.equal(isRelativeTime('-5min'), true);
    assert.equal(isRelativeTime('12:00_20261125'), false);
  });
});

describe('offsets back to the epoch', () => {
  test('an offset of ten digits of seconds reads (the status sends its lookbacks that way, back to 1970)', () => {
    const now = 1_796_700_000;
    assert.equal(normaliseTime(`-${now}s`), `-${now}s`);
    assert.equal(resolveTime(`-${now}s`, now), 0);
    assert.equal(resolveTime('-20440d', now), now - 20_440 * 86_400);
  });
});
