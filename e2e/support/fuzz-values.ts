import type { Random } from './seeded-random';

/**
 * Parameter values for the API fuzz test (e2e/api-fuzz.spec.ts): `valid*` ones pass validation,
 * `invalid*` ones are refused by it for sure, so a case with one invalid value never reaches
 * Graphite. Generated targets cover graphite-web's grammar: calls, paths with globs, strings,
 * numbers, keyword arguments, pipes.
 */

const FUNCTIONS = ['sumSeries', 'alias', 'scale', 'movingAverage', 'summarize', 'keepLastValue', 'aliasByNode', 'timeShift', 'asPercent'];
const SEGMENTS = ['fuzz', 'a', 'b1', 'x-y', 'c_d', '*', '{p,q}', 'n[0-9]', 'e?'];
const STRINGS = ['"1h"', "'x'", '"sum"', '"(.*)"', '"a b"', "'1d'", '"-1h"'];
const NUMBERS = ['0', '1', '-2', '0.5', '1e3', '10'];

export function validPath(r: Random): string {
  return ['fuzz', ...Array.from({ length: r.int(1, 4) }, () => r.pick(SEGMENTS))].join('.');
}

export function validTarget(r: Random, depth = 0): string {
  if (depth > 1 || r.chance(0.4)) return validPath(r);
  const args = [
    validTarget(r, depth + 1),
    ...Array.from({ length: r.int(0, 2) }, () => (r.chance(0.5) ? r.pick(STRINGS) : r.pick(NUMBERS))),
  ];
  const call = `${r.pick(FUNCTIONS)}(${args.join(r.pick([',', ', ']))})`;
  return r.chance(0.1) ? `${call}|alias("p")` : call;
}

/** One defect Graphite cannot parse, put into a valid target. */
const DEFECTS: ((target: string, r: Random) => string)[] = [
  (t, r) => insert(t, r, r.pick(['é', 'ü', '€', '\u00a0', '日本', '\ud83d\ude00'])),
  (t, r) => insert(t, r, r.pick(['\u0000', '\n', '\t', '\u007f'])),
  (t) => `sumSeries(${t}`,
  (t) => `${t})`,
  (t) => `alias(${t}, "x)`,
  (t) => `alias(${t}, 'x)`,
  (t) => `${t}.{a,b`,
  (t) => `${t}.n[0-9`,
  (t) => `.${t}`,
  (t) => `${t}.`,
  (t) => `${t}..x`,
  (t) => `scale(${t}, .5)`,
  (t) => `(${t})`,
  (t) => `${t}.x(y)`,
  () => '',
  () => '   ',
  () => 'a'.repeat(1001),
];

function insert(text: string, r: Random, piece: string): string {
  const at = r.int(0, text.length);
  return text.slice(0, at) + piece + text.slice(at);
}

export function invalidTarget(r: Random): string {
  return r.pick(DEFECTS)(validTarget(r), r);
}

/** Targets that pass validation and that graphite-web refuses or fails on. */
export const GRAPHITE_REFUSED_TARGETS = [
  'summarize(fuzz.a,"x")',
  'timeShift(fuzz.a,"1000000y")',
  "seriesByTag('name=~.*')",
  "seriesByTag('x')",
  'noSuchFunction(fuzz.a)',
  'alias(fuzz.a)',
  'movingAverage(fuzz.a)',
  'summarize(fuzz.*,"1x")',
];

// carbon's own metrics exist on every stack: graphite-web evaluates a function's arguments only
// when its series has data, so these are what make it fail rather than answer an empty list.
const CARBON = 'carbon.agents.*.avgUpdateTime';

/**
 * Targets the dashboard must refuse with a 4xx (never a 502): arguments graphite-web cannot evaluate.
 * A `NaN` (or `Infinity`, `-inf`) literal is a metric path to Graphite, whose only non-finite
 * number is `inf`; a string that looks like an unfinished call, given where a series, a number,
 * an interval or a regular expression goes.
 */
export const UNEVALUABLE_TARGETS = [
  `scale(${CARBON},NaN)`,
  `scale(${CARBON},nan)`,
  `offset(${CARBON},Infinity)`,
  `scale(${CARBON},-inf)`,
  `movingAverage(${CARBON},NaN)`,
  `highestMax(${CARBON},n=NaN)`,
  'threshold(NaN)',
  'constantLine(-Infinity)',
  `limit(${CARBON},NaN)`,
  'sumSeries("sum(")',
  "sumSeries('sum(a.b')",
  `alias("sum(",'x')`,
  `sumSeries(${CARBON},"sum(")`,
  `movingAverage(${CARBON},"sum(")`,
  `timeShift(${CARBON},"sum(a")`,
  `summarize(${CARBON},"1h(")`,
  `scale(${CARBON},"sum(a")`,
  `exclude(${CARBON},"sum(")`,
  `aliasSub(${CARBON},"a(","b")`,
  `asPercent(${CARBON},"sum(")`,
];

/** Relative ranges that land in 1970, the epoch's first year (and just before it): [from, until]. */
export function epochEdgeRange(r: Random): [string, string] {
  const daysSinceEpoch = Math.floor(Date.now() / 86_400_000);
  const fromDay = r.int(-3, 364);
  const from = daysSinceEpoch - fromDay;
  const until = Math.max(1, from - r.int(1, 300));
  const style = r.pick(['d', 's', 'grafana', 'y']);
  if (style === 's') return [`-${from * 86_400}s`, `-${until * 86_400}s`];
  if (style === 'grafana') return [`now-${from}d`, `now-${until}d`];
  if (style === 'y') {
    // Graphite's year is 365 days: -56y in 2026 is late 1970.
    const years = Math.floor(daysSinceEpoch / 365);
    return [`-${years}y`, `-${years - 1}y`];
  }
  return [`-${from}d`, `-${until}d`];
}

const VALID_TIMES = ['-1h', '-5min', 'now-6h', 'now-5m', '-2days', '-1h30min', '1795604400', '12:00_20260101', '20260101', '-7d'];
const INVALID_TIMES = [
  'yesterday',
  '-5x',
  'now/d',
  '19691231',
  '22870101',
  '00:00_19000101',
  '-999999999y',
  '+400y',
  '-999999999y1s',
  '1795604400000',
  '12:00_20260231',
  '',
  ' ',
  '%',
  '-',
  'now-',
  '1e9',
  '-1h-',
  'nowish',
  '٣',
  '-1h\u0000',
  '9'.repeat(40),
  '-1'.repeat(30),
  '0x10',
];

export const validTime = (r: Random) => r.pick(VALID_TIMES);
export function invalidTime(r: Random): string {
  return r.chance(0.8)
    ? r.pick(INVALID_TIMES)
    : `${r.pick(['-', '+', 'now-', ''])}${r.int(1, 99)}${r.pick(['x', 'q', 'mins_', 'm m', 'yy'])}`;
}

export const validMaxDataPoints = (r: Random) => String(r.int(1, 5000));
const INVALID_MDP = ['0', '5001', '1000000000', '-1', '1.5', 'lots', '', '9'.repeat(30), '1e3', ' 5', '0x10'];
export const invalidMaxDataPoints = (r: Random) => r.pick(INVALID_MDP);

export const validHub = (r: Random) => r.pick(['default', 'fuzz-hub', 'h_1']);
const INVALID_HUBS = ['a b', 'a/b', 'é', 'x'.repeat(65), '..', 'a.b', '<script>', '%00'];
export const invalidHub = (r: Random) => r.pick(INVALID_HUBS);

export const validTags = (r: Random) => Array.from({ length: r.int(0, 3) }, () => r.pick(['deploy', 'fuzz', 'hub:default', 'a.b', 'x-y']));
const INVALID_TAGS = ['a/b', 'a"b', 'é', 'x'.repeat(65), '<t>', 'a;b'];
export function invalidTags(r: Random): string[] {
  return r.chance(0.2) ? Array.from({ length: 11 }, (_, i) => `t${i}`) : [...validTags(r), r.pick(INVALID_TAGS)];
}

export const validQuery = (r: Random) => `${validPath(r)}${r.pick(['', '.*', '*'])}`;
export const invalidQuery = (r: Random) => r.pick(['', '   ', 'a'.repeat(501), 'a\u0000b', 'a\nb']);

export const validWindow = (r: Random) => r.pick(['2h', '30min', '1d', '7d', '10min']);
export const invalidWindow = (r: Random) => r.pick(['1min', '8d', 'x', '', '-2h', '2', '9'.repeat(20)]);

export const validId = (r: Random) => String(r.int(1_000_000, 2_000_000_000));
export const invalidId = (r: Random) => r.pick(['0', '-1', 'abc', '1.5', '2147483648', '99999999999', '%20', 'é', '1e3']);

/** Bodies no deployment schema accepts (so a fuzz run never records a deployment). */
export const INVALID_DEPLOYMENT_BODIES = [
  '',
  'not json',
  '{',
  '[]',
  'null',
  '"x"',
  '{}',
  '{"what":1}',
  '{"hub":"a"}',
  '{"what":"x"}',
  `{"what":"${'x'.repeat(20_000)}"}`,
];

/** Junk text for any value: random printable ASCII, some symbols and escapes. */
export function junk(r: Random): string {
  const alphabet = 'aZ09._-*?()[]{},"\'\\|=&+%#;:/<> ~!@$^`';
  return Array.from({ length: r.int(0, 30) }, () => alphabet.charAt(r.int(0, alphabet.length - 1))).join('');
}
