import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createGraphiteClient } from './client';
import { GraphiteError } from './errors';
import { lenientJson, parseFunctionList } from './functions';
import { fixture, type StandInGraphite, startStandInGraphite } from './testing/stand-in-graphite';

// gw-functions.txt is what graphite-web 1.1.8's own encoder writes for eleven functions,
// bare `Infinity}` included (see fixtures/README.md).

describe('lenientJson', () => {
  test('bare Infinity, -Infinity and NaN outside strings become valid JSON', () => {
    const text = '{"a": Infinity, "b": -Infinity}, {"c": NaN}, {"d": Infinity}';
    assert.equal(lenientJson(text), '{"a": 1e9999, "b": -1e9999}, {"c": null}, {"d": 1e9999}');
  });

  test('the same words inside strings (escaped quotes too) are left alone', () => {
    const text = '{"Infinity": "NaN \\" Infinity", "x": [Infinity]}';
    assert.deepEqual(JSON.parse(lenientJson(text)), { Infinity: 'NaN " Infinity', x: [Number.POSITIVE_INFINITY] });
  });
});

describe('parseFunctionList on graphite-web 1.1.8 output', () => {
  const raw = fixture('gw-functions.txt');

  test('the capture really has a bare Infinity, which JSON.parse rejects', () => {
    assert.match(raw, /"default": Infinity\}/);
    assert.throws(() => JSON.parse(raw), SyntaxError);
  });

  test('parses, sorted by name, with parameters and defaults as written in a target', () => {
    const list = parseFunctionList(raw);
    assert.equal(list.length, 11);
    assert.deepEqual(
      list.map((f) => f.name),
      [...list.map((f) => f.name)].sort(),
    );
    const keep = list.find((f) => f.name === 'keepLastValue');
    assert.deepEqual(keep?.params[1], { name: 'limit', type: 'intOrInf', required: false, multiple: false, default: 'Infinity' });
    const sum = list.find((f) => f.name === 'sumSeries');
    assert.equal(sum?.signature, 'sumSeries(*seriesLists)');
    assert.equal(sum?.group, 'Combine');
    assert.deepEqual(sum?.params, [{ name: 'seriesLists', type: 'seriesList', required: true, multiple: true }]);
    const summarize = list.find((f) => f.name === 'summarize');
    assert.equal(summarize?.params.find((p) => p.name === 'func')?.default, "'sum'");
    assert.ok(summarize?.params.find((p) => p.name === 'func')?.options?.includes('max'));
    assert.match(summarize?.description ?? '', /Summarize the data/);
  });

  test("None among a parameter's options (smartSummarize's func) is left out", () => {
    const body = '{"f": {"name": "f", "function": "f(x)", "params": [{"name": "x", "type": "aggFunc", "options": ["sum", null]}]}}';
    assert.deepEqual(parseFunctionList(body)[0]?.params[0]?.options, ['sum']);
  });

  test('not JSON, or not the shape, is an upstream error', () => {
    assert.throws(
      () => parseFunctionList('<html>'),
      (e: unknown) => e instanceof GraphiteError && e.kind === 'upstream',
    );
    assert.throws(
      () => parseFunctionList('{"x": {"name": 1}}'),
      (e: unknown) => e instanceof GraphiteError && e.kind === 'upstream',
    );
  });
});

describe('client.functions against a stand-in graphite-web', () => {
  let graphite: StandInGraphite;
  before(async () => {
    graphite = await startStandInGraphite((r) =>
      r.path === '/functions' ? { body: fixture('gw-functions.txt') } : { status: 404, body: 'not here' },
    );
  });
  after(() => graphite.close());

  test('asks GET /functions and nothing else', async () => {
    const list = await createGraphiteClient({ baseUrl: graphite.url, timeoutMs: 2_000 }).functions();
    assert.equal(list.length, 11);
    assert.deepEqual(
      graphite.requests.map((r) => `${r.method} ${r.path}?${r.params.toString()}`),
      ['GET /functions?'],
    );
  });

  test("graphite-web 1.1.8 on Python 3.11 without the stack's shim answers 500: an upstream error", async () => {
    // Stand-in for the broken endpoint (the real stack carries the shim, so it cannot be made to fail this way).
    graphite.respond(() => ({ status: 500, body: '{"error": "module \'inspect\' has no attribute \'getargspec\'"}' }));
    await assert.rejects(
      createGraphiteClient({ baseUrl: graphite.url, timeoutMs: 2_000 }).functions(),
      (e: unknown) => e instanceof GraphiteError && e.kind === 'upstream' && e.status === 500,
    );
  });
});
