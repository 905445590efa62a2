import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseFunctionList } from '@/lib/graphite/functions';
import { acceptFunction, callAtCursor, parseTarget, suggestFunctions, wordAtCursor } from './target-parse';

// graphite-web 1.1.8's own function list (fixture), so names and counts are graphite-web's.
const list = parseFunctionList(readFileSync(new URL('../graphite/fixtures/gw-functions.txt', import.meta.url), 'utf8'));
const known = new Map(list.map((f) => [f.name, f]));
const problems = (text: string) => parseTarget(text, known).problems.map((p) => p.message);

describe('parseTarget', () => {
  test('valid targets have no problems: paths, globs with commas, strings, keyword arguments, nesting', () => {
    for (const ok of [
      'stats.gauges.jupyterhub.default.hub.up',
      'stats.counters.jupyterhub.{a,b}.requests.status.[45]*.count',
      'sumSeries(stats.counters.jupyterhub.*.spawns.failure.*.count)',
      "alias(sumSeries(a.b, c.d), 'x, (y)')",
      "summarize(a.b, '1h', func='max')",
      'aliasByNode(a.*.b, 1, 2)',
      'consolidateBy(movingAverage(a.b, 5), "sum")',
      'keepLastValue(a.b)',
    ]) {
      assert.deepEqual(problems(ok), [], ok);
    }
  });

  test('unbalanced brackets and quotes say where, in the words the API answers', () => {
    assert.deepEqual(problems('sumSeries(a.b'), ['unclosed "(" at character 10']);
    assert.deepEqual(problems('a.b)'), ['")" at character 4 closes nothing']);
    assert.deepEqual(problems("alias(a.b, 'x)"), ['unclosed "(" at character 6', "unclosed ' at character 12"]);
    assert.deepEqual(problems('a.{b,c'), ['unclosed "{" at character 3']);
    assert.deepEqual(problems('sumSeries(a.{b,c)}'), [
      '"}" at character 18 does not close "(" at character 10',
      '")" at character 17 does not close "{" at character 13',
    ]);
  });

  test('a bare NaN or Infinity is a metric path to Graphite, never a number; inf is its number', () => {
    const problems = (text: string) => parseTarget(text, null).problems.map((p) => p.message);
    assert.deepEqual(problems('scale(a.b, NaN)'), [
      'NaN at character 12 is not a number to Graphite, which would read it as a metric path (its only non-finite number is inf)',
    ]);
    assert.deepEqual(problems('threshold(-Infinity)').length, 1);
    assert.deepEqual(problems('movingAverage(a.b, windowSize=nan)').length, 1);
    assert.deepEqual(problems('scale(a.b, inf)'), []);
    assert.deepEqual(problems('scale(a.NaN.b, 2)'), []);
    assert.deepEqual(problems('alias(a.b, "NaN")'), []);
  });

  test('a pipe hands the series on to the next call', () => {
    assert.deepEqual(problems('sumSeries(a.b)|alias("p")'), []);
    assert.deepEqual(problems('a.b | alias("p") | alias()'), ['alias() needs at least 2 arguments, got 1: alias(seriesList, newName)']);
  });

  test('unknown functions and argument counts, with the signature', () => {
    assert.deepEqual(problems('noSuchFunction(a.b)'), ['unknown function: noSuchFunction']);
    assert.deepEqual(problems('alias(a.b)'), ['alias() needs at least 2 arguments, got 1: alias(seriesList, newName)']);
    assert.deepEqual(problems("alias(a.b, 'x', 'y')"), ['alias() takes at most 2 arguments, got 3: alias(seriesList, newName)']);
    assert.deepEqual(problems('sumSeries()'), ['sumSeries() needs at least 1 argument, got 0: sumSeries(*seriesLists)']);
    assert.deepEqual(problems('sumSeries(a, b, c, d, e, f)'), []);
    assert.deepEqual(problems('sumSeries(a,,b)'), ['empty argument in sumSeries() at character 13']);
  });

  test('without the function list, only the structure is checked', () => {
    assert.deepEqual(parseTarget('noSuchFunction(a.b)', null).problems, []);
    assert.equal(parseTarget('noSuchFunction(a.b', null).problems.length, 1);
  });

  test('more than one expression, a comma outside a call, an empty line', () => {
    assert.deepEqual(problems('sumSeries(a) b'), ['unexpected text after the end of the expression at character 14']);
    assert.deepEqual(problems('a.b, c.d'), ['unexpected , at character 4: one target per line']);
    assert.deepEqual(problems('   '), ['empty target']);
  });
});

describe('editor helpers', () => {
  test('callAtCursor: the innermost open call and the argument index', () => {
    const text = "alias(sumSeries(a.b, c.d), 'x')";
    const at = (cursor: number) => {
      const found = callAtCursor(parseTarget(text, known), cursor);
      return found ? `${found.call.name}#${found.argIndex}` : null;
    };
    assert.equal(at(6), 'alias#0');
    assert.equal(at(16), 'sumSeries#0');
    assert.equal(at(21), 'sumSeries#1');
    assert.equal(at(28), 'alias#1');
    assert.equal(at(0), null);
    assert.equal(callAtCursor(parseTarget('movingAverage(a.b, ', known), 19)?.argIndex, 1);
  });

  test('wordAtCursor: a function can start the target or an argument, not a path segment or a string', () => {
    assert.deepEqual(wordAtCursor('sumS', 4), { from: 0, prefix: 'sumS' });
    assert.deepEqual(wordAtCursor('alias(sum', 9), { from: 6, prefix: 'sum' });
    assert.deepEqual(wordAtCursor('alias(a.b, mov', 14), { from: 11, prefix: 'mov' });
    assert.equal(wordAtCursor('stats.gau', 9), null);
    assert.equal(wordAtCursor("alias(a.b, 'su", 14), null);
    assert.equal(wordAtCursor('a.b ', 4), null);
  });

  test('suggestFunctions: prefix matches first, then case-insensitive, then containing', () => {
    assert.deepEqual(
      suggestFunctions(list, 'sumS').map((f) => f.name),
      ['sumSeries', 'sumSeriesWithWildcards'],
    );
    assert.deepEqual(
      suggestFunctions(list, 'series').map((f) => f.name),
      ['seriesByTag', 'sumSeries', 'sumSeriesWithWildcards'],
    );
  });

  test('acceptFunction inserts name( and puts the cursor inside', () => {
    assert.deepEqual(acceptFunction('sumS', 0, 4, 'sumSeries'), { text: 'sumSeries(', cursor: 10 });
    assert.deepEqual(acceptFunction('alias(sumS(a.b), "x")', 6, 10, 'sumSeries'), { text: 'alias(sumSeries(a.b), "x")', cursor: 16 });
  });
});
