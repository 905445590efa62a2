import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { ConfigError } from '@/lib/config';
import { GraphiteError } from '@/lib/graphite/errors';
import { ApiError, queryObject, route, toApiError } from './route';

const url = (query: string) => new Request(`http://127.0.0.1/api/x?${query}`);

async function answer(response: Response): Promise<{ status: number; body: unknown }> {
  return { status: response.status, body: await response.json() };
}

describe('queryObject', () => {
  test('repeated keys become arrays, single keys stay strings', () => {
    assert.deepEqual(queryObject(new URLSearchParams('target=a&target=b&from=-1h&empty=')), {
      target: ['a', 'b'],
      from: '-1h',
      empty: '',
    });
  });
});

describe('route', () => {
  const schema = z.object({ n: z.coerce.number().int('must be an integer'), name: z.string().min(2, 'too short') });

  test('passes parsed input to the handler and answers JSON, not cached', async () => {
    const handler = route({ query: schema }, ({ query }) => ({ doubled: query.n * 2, name: query.name }));
    const response = await handler(url('n=21&name=ab&ignored=1'));
    assert.deepEqual(await answer(response), { status: 200, body: { doubled: 42, name: 'ab' } });
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  test('a Response from the handler is sent as is', async () => {
    const handler = route({ query: schema }, () => new Response('[1]', { status: 201 }));
    const response = await handler(url('n=1&name=ab'));
    assert.equal(response.status, 201);
    assert.equal(await response.text(), '[1]');
  });

  test('invalid input -> 400 bad_request naming every field at fault', async () => {
    const handler = route({ query: schema }, () => assert.fail('handler must not run'));
    assert.deepEqual(await answer(await handler(url('n=1.5&name=a'))), {
      status: 400,
      body: { error: { code: 'bad_request', message: 'n: must be an integer; name: too short' } },
    });
  });

  const thrown: [name: string, error: unknown, status: number, body: unknown][] = [
    ['ApiError', new ApiError(404, 'not_found', 'hub: no such hub'), 404, { code: 'not_found', message: 'hub: no such hub' }],
    [
      'Graphite unreachable',
      new GraphiteError('unreachable', 'connect ECONNREFUSED 127.0.0.1:8090'),
      502,
      { code: 'graphite_unreachable', message: 'Graphite is unreachable' },
    ],
    [
      'Graphite timeout',
      new GraphiteError('timeout', 'after 10000 ms'),
      504,
      { code: 'graphite_timeout', message: 'Graphite did not answer in time' },
    ],
    [
      'Graphite 400',
      new GraphiteError('bad_request', 'rejected', { status: 400, reason: 'unknown function: nope' }),
      400,
      { code: 'graphite_rejected', message: 'target: rejected by Graphite: unknown function: nope' },
    ],
    [
      'Graphite 500',
      new GraphiteError('upstream', 'Graphite answered HTTP 500 to the render', { status: 500 }),
      502,
      { code: 'graphite_error', message: 'Graphite failed to answer' },
    ],
    [
      'bad config',
      new ConfigError('invalid configuration: GRAPHITE_URL: not a URL'),
      500,
      { code: 'config_error', message: 'the server configuration is invalid; see the server log' },
    ],
    ['anything else', new Error('ENOENT /secret/path'), 500, { code: 'internal_error', message: 'internal error' }],
  ];
  for (const [name, error, status, body] of thrown) {
    test(`${name} -> ${status} without internals`, async (t) => {
      t.mock.method(console, 'error', () => undefined);
      const handler = route({ query: schema }, () => Promise.reject(error), { graphiteField: 'target' });
      assert.deepEqual(await answer(await handler(url('n=1&name=ab'))), { status, body: { error: body } });
    });
  }

  test('a guard that refuses answers before anything is parsed or run', async () => {
    const handler = route(
      {
        guard: () => {
          throw new ApiError(401, 'login_required', 'authorization: log in first');
        },
        query: schema,
      },
      () => assert.fail('handler must not run'),
    );
    assert.deepEqual(await answer(await handler(url('n=oops'))), {
      status: 401,
      body: { error: { code: 'login_required', message: 'authorization: log in first' } },
    });
  });

  test('queryFrom replaces the query string as the source of `query`', async () => {
    const handler = route({ query: schema, queryFrom: async () => new URLSearchParams('n=4&name=from-body') }, ({ query }) => query);
    assert.deepEqual(await answer(await handler(url('n=1&name=ab'))), { status: 200, body: { n: 4, name: 'from-body' } });
  });

  test('path params, query and JSON body are each parsed by their schema', async () => {
    const handler = route(
      { params: z.object({ id: z.coerce.number() }), query: z.object({ q: z.string() }), body: z.object({ what: z.string() }) },
      ({ params, query, body }) => ({ id: params.id, q: query.q, what: body.what }),
    );
    const request = new Request('http://127.0.0.1/api/x?q=1', { method: 'POST', body: '{"what":"w"}' });
    assert.deepEqual(await answer(await handler(request, { params: Promise.resolve({ id: '7' }) })), {
      status: 200,
      body: { id: 7, q: '1', what: 'w' },
    });
    const bad = new Request('http://127.0.0.1/api/x?q=1', { method: 'POST', body: '{"what":3}' });
    assert.deepEqual(await answer(await handler(bad, { params: Promise.resolve({ id: '7' }) })), {
      status: 400,
      body: { error: { code: 'bad_request', message: 'what: Invalid input: expected string, received number' } },
    });
  });

  test('toApiError without a field does not invent one', () => {
    const apiError = toApiError(new GraphiteError('bad_request', 'x', { reason: 'why' }));
    assert.equal(apiError.message, 'rejected by Graphite: why');
  });
});
