import { expect, test } from '@playwright/test';

// The classes of hostile input found against the dashboard, each with the exact answer, through `npm start` and the real
// graphite-web (the graphite_rejected reasons are graphite-web 1.1.8's own, from its 500 pages).

const R = '/api/graphite/render?target=';
const bad = (message: string) => ({ error: { code: 'bad_request', message } });
const rejected = (reason: string) => ({ error: { code: 'graphite_rejected', message: `target: rejected by Graphite: ${reason}` } });
const BEFORE_1970 = 'before 1970-01-01, which Graphite cannot represent';
const AFTER_2286 = 'after 2286-11-20, which Graphite cannot represent';

const e = encodeURIComponent;
const CASES: [name: string, url: string, status: number, body: unknown][] = [
  // valid-looking times outside 1970..2286
  ['render from=19691231', `${R}a&from=19691231`, 400, bad(`from: ${BEFORE_1970}`)],
  ['render in 2287', `${R}a&from=22870101&until=22870102`, 400, bad(`from: ${AFTER_2286}; until: ${AFTER_2286}`)],
  ['render from=00:00_19000101', `${R}a&from=00:00_19000101`, 400, bad(`from: ${BEFORE_1970}`)],
  ['render -999999999y', `${R}a&from=-999999999y1s&until=-999999999y`, 400, bad(`from: ${BEFORE_1970}; until: ${BEFORE_1970}`)],
  ['events from=19691231', '/api/graphite/events?from=19691231', 400, bad(`from: ${BEFORE_1970}`)],
  ['events until +300y', '/api/graphite/events?from=now&until=%2B300y', 400, bad(`until: ${AFTER_2286}`)],
  ['events far back, inside 1970..2286', '/api/graphite/events?from=-31y&until=-30y', 200, []],
  ['events from=0&until=100', '/api/graphite/events?from=0&until=100', 200, []],
  ['status from=19691231', '/api/status?from=19691231', 400, bad(`from: ${BEFORE_1970}`)],
  ['status -999y', '/api/status?from=-999y&until=-998y', 400, bad(`from: ${BEFORE_1970}; until: ${BEFORE_1970}`)],
  // targets Graphite cannot parse, refused before they are sent
  ['non-ASCII target', `${R}${e('é')}`, 400, bad('target[0]: "é" at character 1 is not ASCII (Graphite reads only ASCII)')],
  ['unbalanced (', `${R}${e('sumSeries(a.b')}`, 400, bad('target[0]: unclosed "(" at character 10')],
  ['a lone (', `${R}${e('(')}`, 400, bad('target[0]: "(" at character 1 does not follow a function name')],
  ['unclosed "', `${R}${e('alias(a, "x)')}`, 400, bad('target[0]: unclosed " at character 10')],
  ['unbalanced {', `${R}${e('a.{b,c')}`, 400, bad('target[0]: unclosed "{" at character 3')],
  ['a stray )', `${R}${e('a.b)')}`, 400, bad('target[0]: ")" at character 4 closes nothing')],
  ['.5', `${R}.5`, 400, bad('target[0]: empty path element at character 1 (a number needs a digit before the point: 0.5)')],
  ['the second target', `${R}a.b&target=a..b`, 400, bad('target[1]: empty path element at character 2')],
  // targets graphite-web fails on with a 500 and a traceback: a 400 with its reason
  ['summarize(a,"x")', `${R}${e('summarize(a,"x")')}`, 400, rejected("KeyError: 'Invalid offset: x'")],
  ['timeShift(a,"1000000y")', `${R}${e('timeShift(a,"1000000y")')}`, 400, rejected('OverflowError: date value out of range')],
  [
    "seriesByTag('name=~.*')",
    `${R}${e("seriesByTag('name=~.*')")}`,
    400,
    rejected('ValueError: At least one tagspec must not match the empty string'),
  ],
  [
    'alias(a) (missing argument)',
    `${R}${e('alias(a)')}`,
    400,
    rejected("TypeError: alias() missing 1 required positional argument: 'newName'"),
  ],
  // limits
  ['maxDataPoints=1000000000', `${R}a&maxDataPoints=1000000000`, 400, bad('maxDataPoints: over the limit of 5000')],
  ['maxDataPoints of 30 digits', `${R}a&maxDataPoints=${'9'.repeat(30)}`, 400, bad('maxDataPoints: over the limit of 5000')],
];

for (const [name, url, status, body] of CASES) {
  test(`${name} -> ${status}`, async ({ request }) => {
    const response = await request.get(url);
    expect(response.status()).toBe(status);
    expect(response.headers()['content-type']).toContain('application/json');
    expect(await response.json()).toEqual(body);
  });
}

const METHODS: [method: string, path: string, status: number, body: unknown, allow: string | undefined][] = [
  [
    'TRACE',
    '/api/graphite/render',
    405,
    { error: { code: 'method_not_allowed', message: 'method: TRACE is not supported' } },
    'GET, HEAD, POST, DELETE, OPTIONS',
  ],
  [
    'DELETE',
    '/api/status',
    405,
    { error: { code: 'method_not_allowed', message: 'method: DELETE is not allowed on /api/status; allowed: GET, HEAD, OPTIONS' } },
    'GET, HEAD, OPTIONS',
  ],
  [
    'PUT',
    '/api/graphite/find',
    405,
    { error: { code: 'method_not_allowed', message: 'method: PUT is not allowed on /api/graphite/find; allowed: GET, HEAD, OPTIONS' } },
    'GET, HEAD, OPTIONS',
  ],
  ['GET', '/api/graphite/nope', 404, { error: { code: 'not_found', message: 'path: /api/graphite/nope is not an API route' } }, undefined],
];

for (const [method, path, status, body, allow] of METHODS) {
  test(`${method} ${path} -> ${status}`, async ({ request }) => {
    const response = await request.fetch(path, { method });
    expect(response.status()).toBe(status);
    expect(response.headers().allow).toBe(allow);
    expect(await response.json()).toEqual(body);
  });
}

/** `count` targets of `length` characters each, all valid paths no metric has. */
const longTargets = (count: number, length: number) =>
  Array.from({ length: count }, (_, i) => `hostile.${String(i).padStart(2, '0')}.${'x'.repeat(length - 12)}`);

test('50 x 1000-character targets do not fit a GET: a JSON 431 that says what to do', async ({ request }) => {
  const query = longTargets(50, 320)
    .map((t) => `target=${t}`)
    .join('&');
  const response = await request.get(`/api/graphite/render?${query}`);
  expect(response.status()).toBe(431);
  expect(response.headers()['content-type']).toBe('application/json');
  expect(await response.json()).toEqual({
    error: {
      code: 'request_too_large',
      message: 'url: the request line and headers are over 16 KB; send long targets as a form body (POST /api/graphite/render)',
    },
  });
});

test('POST /api/graphite/render: 50 x 1000-character targets in a form body reach Graphite', async ({ request }) => {
  const targets = longTargets(50, 1000);
  const form = new URLSearchParams([...targets.map((t): [string, string] => ['target', t]), ['from', '-5min']]);
  const response = await request.post('/api/graphite/render', {
    data: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(response.status(), await response.text()).toBe(200);
  expect(await response.json()).toEqual([]);
});

test('POST /api/graphite/render validates like GET, and answers real series like GET', async ({ request }) => {
  const post = (data: string) =>
    request.post('/api/graphite/render', { data, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const refused = await post(`target=${e('summarize(a,"x")')}&from=19691231`);
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toEqual(bad(`from: ${BEFORE_1970}`));
  const target = 'sumSeries(carbon.agents.*.metricsReceived)';
  const query = `target=${e(target)}&from=-10min&until=-5min`;
  const [viaPost, viaGet] = [await post(query), await request.get(`/api/graphite/render?${query}`)];
  expect(viaPost.status()).toBe(200);
  expect(await viaPost.json()).toEqual(await viaGet.json());
});
