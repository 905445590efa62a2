import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { targetFailureReason } from './target-failure';
import { fixture } from './testing/stand-in-graphite';

// graphite-web 1.1.8's own 500 pages, captured from this project's stack (fixtures/gw-render-500-*).

describe('targetFailureReason', () => {
  test('a 500 from evaluating a bad target gives its reason', () => {
    const cases: [file: string, reason: string][] = [
      ['gw-render-500-summarize-bad-interval.txt', "KeyError: 'Invalid offset: x'"],
      ['gw-render-500-timeshift-overflow.txt', 'OverflowError: date value out of range'],
      ['gw-render-500-seriesbytag-empty-match.txt', 'ValueError: At least one tagspec must not match the empty string'],
      ['gw-render-500-parse.txt', "ParseException: found '(' (at char 0)"],
      ['gw-render-500-string-as-series.txt', "AttributeError: 'str' object has no attribute 'step'"],
    ];
    for (const [file, reason] of cases) assert.equal(targetFailureReason(fixture(file)), reason, file);
  });

  test('a 500 that is not about the target stays a Graphite failure', () => {
    // Constructed from a real page (the seriesByTag one), with a storage error as the last exception.
    assert.equal(targetFailureReason(fixture('constructed-render-500-oserror.txt')), undefined);
    // gunicorn's page when the worker dies, and the function list's JSON 500 on Python 3.11.
    assert.equal(targetFailureReason('<h1><p>Internal Server Error</p></h1>'), undefined);
    assert.equal(targetFailureReason(fixture('gw-functions-500-py311.json')), undefined);
    // A traceback outside the target's evaluation (e.g. in the request's own parsing).
    const outside = '<pre>Traceback (most recent call last):\n  File "graphite/render/views.py", line 1\nValueError: bad\n</pre>';
    assert.equal(targetFailureReason(outside), undefined);
    // An AttributeError outside the render functions (storage, the finders) is graphite-web's own.
    const reader =
      '<pre>  File "graphite/render/evaluator.py"\n  File "graphite/readers/whisper.py"\nAttributeError: \'NoneType\' object has no attribute \'fetch\'\n</pre>';
    assert.equal(targetFailureReason(reader), undefined);
  });

  test('a long reason is cut', () => {
    const long = `<pre>  File "graphite/render/evaluator.py"\nValueError: ${'x'.repeat(500)}\n</pre>`;
    assert.equal(targetFailureReason(long)?.length, 201);
  });
});
