import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createGraphiteClient, GraphiteError } from './client';
import { fixture, type StandInGraphite, startStandInGraphite } from './testing/stand-in-graphite';

// A graphite-web 500 blamed on the target, and the function list, through the real client
// against the stand-in graphite-web answering captured pages (the real one: e2e/api-hostile.spec.ts).

async function rejection(promise: Promise<unknown>): Promise<GraphiteError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphiteError) return error;
    throw error;
  }
  throw new Error('expected a GraphiteError');
}

describe('Graphite client: rejections and the function list', () => {
  let graphite: StandInGraphite;
  before(async () => {
    graphite = await startStandInGraphite(() => ({ body: '[]' }));
  });
  after(() => graphite.close());
  const client = () => createGraphiteClient({ baseUrl: graphite.url, timeoutMs: 2_000 });
  const render = () => client().renderWithJson({ targets: ['summarize(a,"x")'], from: '-1h', until: 'now' });

  test('a render 500 whose traceback blames the target -> bad_request with the reason', async () => {
    graphite.respond(() => ({ status: 500, body: fixture('gw-render-500-summarize-bad-interval.txt') }));
    const error = await rejection(render());
    assert.equal(error.kind, 'bad_request');
    assert.equal(error.status, 500);
    assert.equal(error.reason, "KeyError: 'Invalid offset: x'");
  });

  test('a render 500 from storage -> upstream', async () => {
    graphite.respond(() => ({ status: 500, body: fixture('constructed-render-500-oserror.txt') }));
    assert.equal((await rejection(render())).kind, 'upstream');
  });

  test('a find 500 is never read as a rejection', async () => {
    graphite.respond(() => ({ status: 500, body: fixture('gw-render-500-parse.txt') }));
    assert.equal((await rejection(client().find('a'))).kind, 'upstream');
  });

  test("functions: the names, although graphite-web's answer holds a bare Infinity", async () => {
    graphite.respond(() => ({ body: fixture('gw-functions.txt') }));
    const names = (await client().functions()).map((f) => f.name);
    assert.equal(names.length, 11);
    assert.ok(names.includes('keepLastValue') && names.includes('seriesByTag'));
    assert.equal(graphite.requests.at(-1)?.path, '/functions');
  });

  test('functions: the 500 of graphite-web 1.1.8 on Python 3.11 -> upstream', async () => {
    graphite.respond(() => ({ status: 500, body: fixture('gw-functions-500-py311.json') }));
    assert.equal((await rejection(client().functions())).kind, 'upstream');
  });
});
