import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { ConfigError } from '@/lib/config';
import { GraphiteError } from '@/lib/graphite/errors';
import { ApiError, handle, queryObject, toApiError } from './route';

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

describe('handle', () => {
  const schema = z.object({ n: z.coerce.number().int('must be an integer'), name: z.string().min(2, 'too short') });

  test('passes parsed input to the handler and answers JSON, not cached', async () => {
    const route = handle(schema, (input) => ({ doubled: input.n * 2, name: input.name }));
    const response = await route(url('n=21&name=ab&ignored=1'));
    assert.deepEqual(await answer(response), { status: 200, body: { doubled: 42, name: 'ab' } });
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  test('a Response from the handler is sent as is', async () => {
    const route = handle(schema, () => new Response('[1]', { status: 201 }));
    const response = await route(url('n=1&name=ab'));
    assert.equal(response.status, 201);
    assert.equal(await response.text(), '[1]');
  });

  test('invalid input -> 400 bad_request naming every field at fault', async () => {
    const route = handle(schema, () => assert.fail('handler must not run'));
    assert.deepEqual(await answer(await route(url('n=1.5&name=a'))), {
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
      const route = handle(schema, () => Promise.reject(error), { graphiteField: 'target' });
      assert.deepEqual(await answer(await route(url('n=1&name=ab'))), { status, body: { error: body } });
    });
  }

  test('toApiError without a field does not invent one', () => {
    const apiError = toApiError(new GraphiteError('bad_request', 'x', { reason: 'why' }));
    assert.equal(apiError.message, 'rejected by Graphite: why');
  });
});
