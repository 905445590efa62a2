import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTarget } from '@/lib/explore/target-parse';
import { scanTarget } from './target-check';

const problem = (target: string) => scanTarget(target).problem;

describe('scanTarget', () => {
  test('targets Graphite parses as written pass, with the functions they call', () => {
    const valid: [string, string[]][] = [
      ['stats.gauges.jupyterhub.default.users.running', []],
      ['sumSeries(stats.counters.*.{a,b}.count)', ['sumSeries']],
      ['alias(summarize(a.b, "1h", "sum"), \'x (y)\')', ['alias', 'summarize']],
      ['aliasSub(stats.*.*, "(.*)\\"(.*)", "a")', ['aliasSub']],
      ['scale(a.b, 0.5) | alias("x")', ['scale', 'alias']],
      ["seriesByTag('name=~.*')", ['seriesByTag']],
      ['sumSeries (a.b)', ['sumSeries']],
      ['a.b[0-9].c-d_e:f=g', []],
      ['a\\(b.c', []],
      ['movingAverage(a.b, windowSize=5)', ['movingAverage']],
    ];
    for (const [target, functions] of valid) assert.deepEqual(scanTarget(target), { problem: null, functions }, target);
  });

  test('each defect class names its position', () => {
    const cases: [string, string][] = [
      ['é', '"é" at character 1 is not ASCII (Graphite reads only ASCII)'],
      ['a.b\u00a0', '"\u00a0" at character 4 is not ASCII (Graphite reads only ASCII)'],
      ['(', '"(" at character 1 does not follow a function name'],
      ['sum(a', 'unclosed "(" at character 4'],
      ['sum(a))', '")" at character 7 closes nothing'],
      ['a{b', 'unclosed "{" at character 2'],
      ['{', 'unclosed "{" at character 1'],
      ['a[0-9', 'unclosed "[" at character 2'],
      ['sum(a.{b,c)}', '")" at character 11 does not close "{" at character 7'],
      ['"', 'unclosed " at character 1'],
      ["alias(a, 'x)", "unclosed ' at character 10"],
      ['.5', 'empty path element at character 1 (a number needs a digit before the point: 0.5)'],
      ['scale(a, .5)', 'empty path element at character 10 (a number needs a digit before the point: 0.5)'],
      ['a..b', 'empty path element at character 2'],
      ['a.b.', 'empty path element at character 4'],
      ['sum(a.)', 'empty path element at character 6'],
      ['a.b(c)', '"(" at character 4 does not follow a function name'],
      ['1sum(a)', '"(" at character 5 does not follow a function name'],
    ];
    for (const [target, message] of cases) assert.equal(problem(target), message, target);
  });

  test('the function names found before a problem are still reported', () => {
    assert.deepEqual(scanTarget('nosuch(a'), { problem: 'unclosed "(" at character 7', functions: ['nosuch'] });
  });

  test("Graphite's non-numbers and the neighbours of the other classes are refused too", () => {
    const cases: [string, string][] = [
      [
        'scale(a.b, NaN)',
        'NaN at character 12 is not a number to Graphite, which would read it as a metric path (its only non-finite number is inf)',
      ],
      [
        'threshold(Infinity)',
        'Infinity at character 11 is not a number to Graphite, which would read it as a metric path (its only non-finite number is inf)',
      ],
      [
        'offset(a.b, factor=-nan)',
        '-nan at character 20 is not a number to Graphite, which would read it as a metric path (its only non-finite number is inf)',
      ],
      ['sumSeries(a.b) c.d', 'unexpected text after the end of the expression at character 16'],
      ['a.b, c.d', 'unexpected , at character 4: one target per line'],
      ['sumSeries(a.b,,c.d)', 'empty argument in sumSeries() at character 15'],
    ];
    for (const [target, message] of cases) assert.equal(problem(target), message, target);
    assert.equal(problem('scale(a.b, inf)'), null);
  });

  test("one grammar: the server answers the first problem the browser's check finds", () => {
    const targets = ['sum(a', 'alias(a, "x)', 'a.{b', '.5', 'scale(a, NaN)', 'a.b)', '(', 'é', 'sumSeries(a) b', 'ok.path', 'f(a)|g(b)'];
    for (const target of targets) {
      const browser = parseTarget(target, null).problems.map((p) => p.message);
      const server = problem(target);
      assert.equal(server === null, browser.length === 0, target);
      if (server !== null) assert.ok(browser.includes(server), `${target}: ${server} not in ${browser.join(' | ')}`);
    }
  });

  test('a target is scanned once: the same text gives the same scan back', () => {
    const target = `sumSeries(stats.counters.${Date.now()}.count)`;
    assert.equal(scanTarget(target), scanTarget(target));
  });
});
