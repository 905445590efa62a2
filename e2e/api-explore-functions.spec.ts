import { expect, test } from '@playwright/test';

// GET /api/graphite/functions through the production server and the real graphite-web 1.1.8,
// whose answer has a bare `Infinity` (keepLastValue's and interpolate's default).

type Fn = {
  name: string;
  group: string;
  signature: string;
  description: string;
  params: { name: string; type: string; required: boolean; multiple: boolean; default?: string; options?: string[] }[];
};

test('graphite-web function list: every function with its parameters, sorted, Infinity read', async ({ request }) => {
  const response = await request.get('/api/graphite/functions');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  const { functions } = (await response.json()) as { functions: Fn[] };
  expect(functions.length).toBeGreaterThan(100);
  const names = functions.map((f) => f.name);
  expect(names).toEqual([...names].sort());
  const byName = new Map(functions.map((f) => [f.name, f]));
  expect(byName.get('sumSeries')).toMatchObject({
    group: 'Combine',
    signature: 'sumSeries(*seriesLists)',
    params: [{ name: 'seriesLists', type: 'seriesList', required: true, multiple: true }],
  });
  expect(byName.get('keepLastValue')?.params[1]).toEqual({
    name: 'limit',
    type: 'intOrInf',
    required: false,
    multiple: false,
    default: 'Infinity',
  });
  expect(byName.get('consolidateBy')?.params[1]?.options).toEqual(expect.arrayContaining(['average', 'sum', 'min', 'max', 'last']));
  expect(byName.get('movingAverage')?.description).toContain('moving average');
});

test('query parameters are not part of the contract: ignored, same answer', async ({ request }) => {
  const plain = await (await request.get('/api/graphite/functions')).json();
  const withParams = await (await request.get('/api/graphite/functions?type=pie&grouped=1')).json();
  expect(withParams).toEqual(plain);
});

for (const path of ['/api/graphite/functions', '/api/export']) {
  test(`only GET is served on ${path}: other methods are a 405 in the error shape`, async ({ request }) => {
    const response = await request.post(path);
    expect(response.status()).toBe(405);
    expect(response.headers().allow).toBe('GET, HEAD, OPTIONS');
    expect(await response.json()).toEqual({
      error: { code: 'method_not_allowed', message: `method: POST is not allowed on ${path}; allowed: GET, HEAD, OPTIONS` },
    });
  });
}
