import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
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
});
