import { type APIRequestContext, expect, test } from '@playwright/test';
import { APP_URL, CHAOS_APP_URL } from './support/app-ports';
import { E2E_DEPLOY_TOKEN } from './support/deploy-token';

// POST/GET/DELETE /api/deployments through the production server and the real graphite-web:
// every error path with its exact JSON, nothing written on any error, and the happy path.
// :3100 has HUBWATCH_DEPLOY_TOKEN (playwright.config.ts), :3101 has none.
test.describe.configure({ mode: 'serial' });

const NO_TOKEN_APP = CHAOS_APP_URL;
// A hub name of this run only, so the list below is this spec's alone.
const hub = `e2edep${Date.now().toString(36)}`;
const auth = { authorization: `Bearer ${E2E_DEPLOY_TOKEN}` };
const started = Math.floor(Date.now() / 1000) - 60;
const listUrl = `/api/deployments?hub=${hub}&from=${started}&until=now`;

const error = (code: string, message: string) => ({ error: { code, message } });
const DISABLED = error(
  'deploys_disabled',
  "recording deployments is disabled: set HUBWATCH_DEPLOY_TOKEN (at least 16 characters) in the dashboard's environment and restart it",
);
const NOT_TOKEN = error('unauthorized', 'Authorization: not the deploy token (expected Bearer <HUBWATCH_DEPLOY_TOKEN>)');
const NO_HEADER = error('unauthorized', 'Authorization: missing (send Authorization: Bearer <HUBWATCH_DEPLOY_TOKEN>)');

async function listed(request: APIRequestContext): Promise<unknown[]> {
  const response = await request.get(listUrl);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { deployments: unknown[] };
  return body.deployments;
}

type Case = {
  name: string;
  method: 'post' | 'delete';
  url: string;
  headers?: Record<string, string>;
  data?: string;
  status: number;
  body: unknown;
};

const valid = JSON.stringify({ hub, what: 'must not be stored' });
const bad = (fields: Record<string, unknown>) => JSON.stringify({ hub, what: 'x', ...fields });

const writeCases: Case[] = [
  {
    name: 'no token configured (POST)',
    method: 'post',
    url: `${NO_TOKEN_APP}/api/deployments`,
    headers: auth,
    data: valid,
    status: 403,
    body: DISABLED,
  },
  {
    name: 'no token configured (DELETE)',
    method: 'delete',
    url: `${NO_TOKEN_APP}/api/deployments/1`,
    headers: auth,
    status: 403,
    body: DISABLED,
  },
  { name: 'missing token', method: 'post', url: '/api/deployments', data: valid, status: 401, body: NO_HEADER },
  {
    name: 'wrong token',
    method: 'post',
    url: '/api/deployments',
    headers: { authorization: 'Bearer wrong-token-of-any-length' },
    data: valid,
    status: 401,
    body: NOT_TOKEN,
  },
  {
    name: 'not a Bearer token',
    method: 'post',
    url: '/api/deployments',
    headers: { authorization: `Basic ${E2E_DEPLOY_TOKEN}` },
    data: valid,
    status: 401,
    body: NOT_TOKEN,
  },
  { name: 'DELETE without token', method: 'delete', url: '/api/deployments/1', status: 401, body: NO_HEADER },
  {
    name: 'bad JSON',
    method: 'post',
    url: '/api/deployments',
    headers: auth,
    data: '{"hub": ',
    status: 400,
    body: error('bad_request', 'body: not valid JSON'),
  },
  {
    name: 'empty body',
    method: 'post',
    url: '/api/deployments',
    headers: auth,
    data: '',
    status: 400,
    body: error('bad_request', 'body: required (a JSON object)'),
  },
  {
    name: 'not an object',
    method: 'post',
    url: '/api/deployments',
    headers: auth,
    data: '[1]',
    status: 400,
    body: error('bad_request', 'body: must be a JSON object'),
  },
  {
    name: 'fields missing',
    method: 'post',
    url: '/api/deployments',
    headers: auth,
    data: '{}',
    status: 400,
    body: error('bad_request', 'hub: required; what: required'),
  },
  {
    name: 'unknown fields',
    method: 'post',
    url: '/api/deployments',
    headers: auth,
    data: bad({ verison: '1', tags: [] }),
    status: 400,
    body: error('bad_request', 'unknown fields: verison, tags'),
  },
  {
    name: 'hub with a space',
    method: 'post',
    url: '/api/deployments',
    headers: auth,
    data: bad({ hub: 'a b' }),
    status: 400,
    body: error('bad_request', 'hub: must be a hub name: letters, digits, _ and - only'),
  },
  {
    name: 'hub too long for a tag',
    method: 'post',
    url: '/api/deployments',
    headers: auth,
    data: bad({ hub: 'h'.repeat(47) }),
    status: 400,
    body: error('bad_request', 'hub: longer than the limit of 46 characters'),
  },
  {
    name: 'empty what',
    method: 'post',
    url: '/api/deployments',
    headers: auth,
    data: bad({ what: '' }),
    status: 400,
    body: error('bad_request', 'what: must not be empty (leave the field out instead)'),
  },
  {
    name: 'what too long',
    method: 'post',
    url: '/api/deployments',
    headers: auth,
    data: bad({ what: 'w'.repeat(256) }),
    status: 400,
    body: error('bad_request', 'what: longer than the limit of 255 characters'),
  },
  {
    name: 'what on two lines',
    method: 'post',
    url: '/api/deployments',
    headers: auth,
    data: bad({ what: 'a\nb' }),
    status: 400,
    body: error('bad_request', 'what: must be one line without control characters'),
  },
  {
    name: 'version not a string',
    method: 'post',
    url: '/api/deployments',
    headers: auth,
    data: bad({ version: 3 }),
    status: 400,
    body: error('bad_request', 'version: must be a string'),
  },
  {
    name: 'link not http(s)',
    method: 'post',
    url: '/api/deployments',
    headers: auth,
    data: bad({ link: 'javascript:alert(1)' }),
    status: 400,
    body: error('bad_request', 'link: must be an http:// or https:// URL'),
  },
  {
    name: 'when in milliseconds',
    method: 'post',
    url: '/api/deployments',
    headers: auth,
    data: bad({ when: Date.now() }),
    status: 400,
    body: error('bad_request', 'when: must be epoch seconds between 946684800 (2000-01-01) and one hour from now'),
  },
  {
    name: 'when not whole',
    method: 'post',
    url: '/api/deployments',
    headers: auth,
    data: bad({ when: 1795604530.5 }),
    status: 400,
    body: error('bad_request', 'when: must be whole epoch seconds'),
  },
  {
    name: 'unknown source',
    method: 'post',
    url: '/api/deployments',
    headers: auth,
    data: bad({ source: 'ci' }),
    status: 400,
    body: error('bad_request', 'source: must be one of api, cli, auto'),
  },
  {
    name: 'unknown kind',
    method: 'post',
    url: '/api/deployments',
    headers: auth,
    data: bad({ kind: 'rollback' }),
    status: 400,
    body: error('bad_request', 'kind: must be one of deploy, restart'),
  },
  {
    name: 'DELETE bad id',
    method: 'delete',
    url: '/api/deployments/abc',
    headers: auth,
    status: 400,
    body: error('bad_request', 'id: must be a positive whole number (a deployment id)'),
  },
  {
    name: 'DELETE unknown id',
    method: 'delete',
    url: '/api/deployments/2147483647',
    headers: auth,
    status: 404,
    body: error('not_found', 'id: no deployment 2147483647'),
  },
];

test('every refused write answers its exact error and writes nothing', async ({ request }) => {
  expect(await listed(request)).toEqual([]);
  for (const c of writeCases) {
    // A Buffer goes as is; a string would be JSON-encoded once more because of the content type.
    const response = await request.fetch(c.url, {
      method: c.method,
      headers: { 'content-type': 'application/json', ...c.headers },
      data: c.data === undefined ? undefined : Buffer.from(c.data),
    });
    expect(response.status(), c.name).toBe(c.status);
    expect(await response.json(), c.name).toEqual(c.body);
  }
  expect(await listed(request)).toEqual([]);
});

const readCases: [url: string, status: number, body: unknown][] = [
  ['/api/deployments/abc', 400, error('bad_request', 'id: must be a positive whole number (a deployment id)')],
  ['/api/deployments/0', 400, error('bad_request', 'id: must be a positive whole number (a deployment id)')],
  ['/api/deployments/99999999999', 400, error('bad_request', 'id: must be a positive whole number (a deployment id)')],
  ['/api/deployments/2147483647', 404, error('not_found', 'id: no deployment 2147483647')],
  ['/api/deployments?hub=a%20b', 400, error('bad_request', 'hub: must be a hub name: letters, digits, _ and - only')],
  ['/api/deployments?hub=a&hub=b', 400, error('bad_request', 'hub: given more than once')],
  ['/api/deployments?from=yesterday', 400, error('bad_request', 'from: not a Graphite time')],
  ['/api/deployments?from=now&until=-1h', 400, error('bad_request', 'until: must be later than from')],
];

for (const [url, status, body] of readCases) {
  test(`GET ${url} -> ${status}`, async ({ request }) => {
    const response = await request.get(url);
    expect(response.status()).toBe(status);
    expect(await response.json()).toEqual(body);
  });
}

test('create -> list (newest first) -> get -> delete -> gone', async ({ request }) => {
  const title = '<img src=x onerror=alert(1)> New image "2026.11", café';
  const older = {
    hub,
    what: title,
    when: started + 10,
    version: '2026.11',
    commit: 'abc123',
    author: 'ci-bot',
    link: 'https://example.org/pr/1?a=1&b=2',
  };
  const first = await request.post('/api/deployments', { headers: auth, data: older });
  expect(first.status(), await first.text()).toBe(201);
  const a = await first.json();
  expect(a).toEqual({ id: expect.any(Number), ...older, source: 'api', kind: 'deploy' });

  const second = await request.post('/api/deployments', {
    headers: auth,
    data: { hub, what: 'hub restarted', kind: 'restart', source: 'auto' },
  });
  expect(second.status()).toBe(201);
  const b = await second.json();
  expect(b).toMatchObject({ hub, kind: 'restart', source: 'auto', version: null, commit: null, author: null, link: null });
  expect(b.when).toBeGreaterThan(a.when);

  expect(await listed(request)).toEqual([b, a]);
  const all = await request.get(`/api/deployments?from=${started}&until=now`);
  expect(((await all.json()) as { deployments: { id: number }[] }).deployments.map((d) => d.id)).toEqual(
    expect.arrayContaining([a.id, b.id]),
  );

  const got = await request.get(`/api/deployments/${a.id}`);
  expect(got.status()).toBe(200);
  expect(await got.json()).toEqual(a);

  for (const d of [a, b]) {
    const deleted = await request.delete(`/api/deployments/${d.id}`, { headers: auth });
    expect(deleted.status()).toBe(204);
    expect(await deleted.text()).toBe('');
  }
  expect(await listed(request)).toEqual([]);
  const gone = await request.get(`/api/deployments/${a.id}`);
  expect(gone.status()).toBe(404);
  expect(await gone.json()).toEqual(error('not_found', `id: no deployment ${a.id}`));
  const again = await request.delete(`/api/deployments/${a.id}`, { headers: auth });
  expect(again.status()).toBe(404);
});

test('the CLI records through the endpoint and prints the stored deployment; a bad token exits 1 with the message', async () => {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const run = promisify(execFile);
  const env = { ...process.env, HUBWATCH_URL: APP_URL, HUBWATCH_DEPLOY_TOKEN: E2E_DEPLOY_TOKEN };
  const { stdout } = await run('bin/hubwatch-deploy', ['--hub', hub, '--what', 'from the CLI', '--version', 'v9'], {
    env,
    timeout: 60_000,
  });
  const printed = JSON.parse(stdout);
  expect(printed).toMatchObject({ hub, what: 'from the CLI', version: 'v9', source: 'cli', kind: 'deploy' });
  const removed = await fetch(`${APP_URL}/api/deployments/${printed.id}`, { method: 'DELETE', headers: auth });
  expect(removed.status).toBe(204);

  const failed = await run('bin/hubwatch-deploy', ['--hub', hub, '--what', 'x'], {
    env: { ...env, HUBWATCH_DEPLOY_TOKEN: 'not-the-token-at-all' },
    timeout: 60_000,
  }).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );
  expect(failed).toEqual({ code: 1, stderr: `hubwatch-deploy: HTTP 401 unauthorized: ${NOT_TOKEN.error.message}\n` });
});
