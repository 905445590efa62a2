import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createGraphiteClient, GraphiteError } from './client';
import { fixture, refusedUrl, type StandInGraphite, startStandInGraphite } from './testing/stand-in-graphite';

// The real client against a stand-in graphite-web (see testing/stand-in-graphite.ts); the same
// paths against the real graphite-web are covered by e2e/api-*.spec.ts.

function byPath(path: string): string {
  if (path.endsWith('/render')) return fixture('gw-render-json.json');
  if (path.endsWith('/metrics/find')) return fixture('gw-find-completer.json');
  if (path.endsWith('/events/get_data')) return fixture('gw-events-get_data-deploy.json');
  return '"unexpected path"';
}

async function rejection(promise: Promise<unknown>): Promise<GraphiteError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphiteError) return error;
    throw error;
  }
  throw new Error('expected a GraphiteError');
}

describe('Graphite client', () => {
  let graphite: StandInGraphite;
  before(async () => {
    graphite = await startStandInGraphite((request) => ({ body: byPath(request.path) }), '/graphite/');
  });
  after(() => graphite.close());
  const client = () => createGraphiteClient({ baseUrl: graphite.url, timeoutMs: 2_000 });

  test('render: POSTs targets as a form under the base path, times normalised to Graphite syntax', async () => {
    graphite.requests.length = 0;
    const { series } = await client().renderWithJson({
      targets: ['a.b', 'sumSeries(c.*)'],
      from: 'now-5m',
      until: 'now',
      maxDataPoints: 100,
    });
    assert.equal(series.length, 2);
    assert.equal(series[1]?.target, 'stats.gauges.jupyterhub.users.running');
    const [seen] = graphite.requests;
    assert.equal(seen?.method, 'POST');
    assert.equal(seen?.path, '/graphite/render');
    assert.deepEqual(seen?.params.getAll('target'), ['a.b', 'sumSeries(c.*)']);
    assert.equal(seen?.params.get('from'), '-5min');
    assert.equal(seen?.params.get('until'), 'now');
    assert.equal(seen?.params.get('format'), 'json');
    assert.equal(seen?.params.get('maxDataPoints'), '100');
  });

  test('request text never changes the path or host', async () => {
    graphite.requests.length = 0;
    const hostile = '../../admin/?x=1#frag http://evil.example/';
    await client().renderWithJson({ targets: [hostile], from: '-1h', until: 'now' });
    await client().find(`${hostile}*`);
    await client().events({ tags: [hostile], from: '-1h', until: 'now' });
    assert.deepEqual(
      graphite.requests.map((r) => r.path),
      ['/graphite/render', '/graphite/metrics/find', '/graphite/events/get_data'],
    );
    assert.equal(graphite.requests[0]?.params.get('target'), hostile);
    assert.equal(graphite.requests[1]?.params.get('query'), `${hostile}*`);
  });

  test('find: asks for completer format and drops the nodes only the appended * matched', async () => {
    graphite.requests.length = 0;
    graphite.respond(() => ({
      body: '{"metrics": [{"path": "a.hub.", "name": "hub", "is_leaf": "0"}, {"path": "a.hub2", "name": "hub2", "is_leaf": "1"}]}',
    }));
    assert.deepEqual(await client().find('a.hub'), [{ path: 'a.hub', name: 'hub', leaf: false }]);
    assert.equal((await client().find('a.*')).length, 2);
    assert.equal(graphite.requests[0]?.method, 'GET');
    assert.equal(graphite.requests[0]?.params.get('format'), 'completer');
    assert.equal(graphite.requests[0]?.params.get('query'), 'a.hub');
    graphite.respond((request) => ({ body: byPath(request.path) }));
  });

  test('events: tags joined with spaces (all must match), times normalised', async () => {
    graphite.requests.length = 0;
    const events = await client().events({ tags: ['deploy', 'hub'], from: 'now-7d', until: 'now' });
    // The stand-in answers with every deploy event; only the one tagged with both is kept.
    assert.deepEqual(
      events.map((e) => e.id),
      [1],
    );
    assert.equal(graphite.requests[0]?.params.get('tags'), 'deploy hub');
    assert.equal(graphite.requests[0]?.params.get('from'), '-7d');
    graphite.requests.length = 0;
    assert.equal((await client().events({ tags: [], from: '-1h', until: 'now' })).length, 4);
    assert.equal(graphite.requests[0]?.params.has('tags'), false);
  });

  test('Graphite 400 -> bad_request carrying its reason', async () => {
    graphite.respond(() => ({ status: 400, body: fixture('gw-render-bad-function.txt') }));
    const error = await rejection(client().renderWithJson({ targets: ['noSuchFunction(a.b)'], from: '-1h', until: 'now' }));
    assert.equal(error.kind, 'bad_request');
    assert.equal(error.status, 400);
    assert.equal(
      error.reason,
      'Invalid parameters (Received request for unknown function: noSuchFunction); targets: "noSuchFunction(a.b)"',
    );
  });

  test('Graphite 400 as an HTML page -> tags stripped, reason bounded', async () => {
    graphite.respond(() => ({ status: 400, body: `<html><body><h1>Bad</h1><p>${'x'.repeat(1000)}</p></body></html>` }));
    const error = await rejection(client().find('a'));
    assert.equal(error.kind, 'bad_request');
    assert.match(error.reason ?? '', /^Bad x{296}…$/);
  });

  const upstreamCases: [name: string, status: number, body: string][] = [
    ['HTTP 500', 500, 'Traceback (most recent call last): ...'],
    ['not JSON', 200, '<html>oops</html>'],
    ['unexpected shape', 200, '{"series": []}'],
  ];
  for (const [name, status, body] of upstreamCases) {
    test(`${name} -> upstream`, async () => {
      graphite.respond(() => ({ status, body }));
      const error = await rejection(client().renderWithJson({ targets: ['a'], from: '-1h', until: 'now' }));
      assert.equal(error.kind, 'upstream');
      assert.doesNotMatch(error.message, /Traceback/);
    });
  }

  // The stand-in never answers, so only the client's own timeout can end the call: a client
  // that waited would hang the test until the 10 s liveness bound (50 times the timeout) fails it.
  test('no answer within the timeout -> timeout, after one request', { timeout: 10_000 }, async () => {
    graphite.respond(() => 'hang');
    const before = graphite.requests.length;
    const error = await rejection(client().find('a', { timeoutMs: 200 }));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.message, 'Graphite did not answer the find within 200 ms');
    assert.equal(graphite.requests.length - before, 1, 'given up, not retried');
  });

  test('headers sent but body too slow -> timeout', async () => {
    graphite.respond(() => ({ body: fixture('gw-render-json.json'), bodyDelayMs: 1_000 }));
    const error = await rejection(client().renderWithJson({ targets: ['a'], from: '-1h', until: 'now' }, { timeoutMs: 200 }));
    assert.equal(error.kind, 'timeout');
  });

  test('a render over its size cap -> bad_request that says how to narrow it, not buffered whole', async () => {
    graphite.respond(() => ({ body: fixture('gw-render-json.json') }));
    const small = createGraphiteClient({ baseUrl: graphite.url, timeoutMs: 2_000, maxRenderBytes: 100 });
    const error = await rejection(small.renderWithJson({ targets: ['a'], from: '-1h', until: 'now' }));
    assert.equal(error.kind, 'bad_request');
    assert.equal(error.limitBytes, 100);
    assert.match(error.reason ?? '', /larger than the limit .*shorter range, fewer targets, or set maxDataPoints/);
  });

  test('any other answer over its size cap -> upstream', async () => {
    graphite.respond((request) => ({ body: byPath(request.path) }));
    const small = createGraphiteClient({ baseUrl: graphite.url, timeoutMs: 2_000, maxResponseBytes: 100 });
    const error = await rejection(small.find('a'));
    assert.equal(error.kind, 'upstream');
    assert.match(error.message, /too large/);
  });

  test('a redirect is not followed, even to the same server', async () => {
    graphite.requests.length = 0;
    graphite.respond((request) =>
      request.path.endsWith('/metrics/find')
        ? { status: 302, body: '', headers: { location: `${graphite.url}render` } }
        : { body: byPath(request.path) },
    );
    const error = await rejection(client().find('a'));
    assert.equal(error.kind, 'upstream');
    assert.equal(error.status, 302);
    assert.deepEqual(
      graphite.requests.map((r) => r.path),
      ['/graphite/metrics/find'],
    );
  });

  test('nothing listening -> unreachable', async () => {
    const down = createGraphiteClient({ baseUrl: await refusedUrl(), timeoutMs: 2_000 });
    const error = await rejection(down.renderWithJson({ targets: ['a'], from: '-1h', until: 'now' }));
    assert.equal(error.kind, 'unreachable');
  });
});

describe('Graphite client: events by id and event creation', () => {
  let graphite: StandInGraphite;
  before(async () => {
    graphite = await startStandInGraphite(() => ({ body: '' }), '/graphite/');
  });
  after(() => graphite.close());
  const client = () => createGraphiteClient({ baseUrl: graphite.url, timeoutMs: 2_000 });

  test('createEvent: POSTs graphite-web JSON {what, tags, when, data} to events/', async () => {
    graphite.requests.length = 0;
    graphite.respond(() => ({ body: '' })); // graphite-web 1.1.8 answers an empty 200
    await client().createEvent({ what: 'New image <b>', tags: ['deploy', 'hub:demo'], when: 1795604530, data: '{"a":1}' });
    const [seen] = graphite.requests;
    assert.equal(seen?.method, 'POST');
    assert.equal(seen?.path, '/graphite/events/');
    assert.equal(seen?.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(seen?.body ?? ''), {
      what: 'New image <b>',
      tags: ['deploy', 'hub:demo'],
      when: 1795604530,
      data: '{"a":1}',
    });
  });

  test('createEvent refuses tags graphite-web would split, and non-integer times, before sending', async () => {
    graphite.requests.length = 0;
    for (const tags of [['a b'], ['a,b'], ['"a']]) {
      await assert.rejects(client().createEvent({ what: 'w', tags, when: 1, data: '' }), RangeError);
    }
    await assert.rejects(client().createEvent({ what: 'w', tags: ['a'], when: 1.5, data: '' }), RangeError);
    assert.equal(graphite.requests.length, 0);
  });

  test('event(id): GET events/<id>/ as JSON; ISO time becomes epoch seconds; 404 is undefined', async () => {
    graphite.requests.length = 0;
    graphite.respond((request) =>
      request.path === '/graphite/events/1/'
        ? { body: fixture('gw-event-detail-1.json') }
        : { status: 404, body: '{"error": "Event matching query does not exist"}' },
    );
    assert.deepEqual(await client().event(1), {
      id: 1,
      when: Math.floor(Date.parse('2026-11-25T11:02:10.395Z') / 1000),
      what: 'Deploy hub v1',
      data: 'deployed jupyterhub 3.0.0',
      tags: ['deploy', 'hub'],
    });
    assert.equal(graphite.requests[0]?.headers.accept, 'application/json');
    assert.equal(await client().event(2), undefined);
  });

  test('event(id): only a positive integer id ever reaches the path', async () => {
    graphite.requests.length = 0;
    for (const id of [0, -1, 1.5, Number.NaN, 2 ** 60]) {
      await assert.rejects(client().event(id), RangeError);
    }
    assert.equal(graphite.requests.length, 0);
  });

  test("events with match 'any' asks graphite-web for the union and keeps events with any of the tags", async () => {
    graphite.requests.length = 0;
    graphite.respond(() => ({ body: fixture('gw-events-get_data-deploy.json') }));
    const events = await client().events({ tags: ['hub', 'hub2'], match: 'any', from: '-1h', until: 'now' });
    assert.deepEqual(
      events.map((e) => e.id),
      [1, 2],
    );
    assert.equal(graphite.requests[0]?.params.get('set'), 'union');
  });
});
