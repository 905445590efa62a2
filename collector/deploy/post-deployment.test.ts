import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { deploymentsEndpoint } from '../../lib/api/deployments';
import { parseDeployArgs, UsageError } from './cli-args';
import { DeployPostError, postDeployment } from './post-deployment';

// TEST STAND-IN for the dashboard: a real HTTP server that answers a 503 and then a 201 on demand,
// which the real dashboard cannot be made to do; e2e/api-deployments.spec.ts posts to the real one.
const STORED = {
  id: 12,
  when: 1_795_604_530,
  hub: 'demo',
  what: 'x',
  version: null,
  commit: null,
  author: null,
  link: null,
  source: 'cli',
  kind: 'deploy',
};

describe('postDeployment', () => {
  let server: Server;
  let base: URL;
  let answers: [number, string][] = [];
  const seen: { path: string; auth: string; body: string }[] = [];
  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => {
        seen.push({ path: req.url ?? '', auth: req.headers.authorization ?? '', body });
        const [status, text] = answers.shift() ?? [500, ''];
        res.writeHead(status, { 'content-type': 'application/json' }).end(text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/prefix`);
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const settings = (extra = {}) => ({ baseUrl: base, token: 't'.repeat(16), sleep: async () => {}, ...extra });

  test('a 503 is retried; the stored deployment is answered', async () => {
    seen.length = 0;
    answers = [
      [503, '{"error":{"code":"graphite_unreachable","message":"Graphite is unreachable"}}'],
      [201, JSON.stringify(STORED)],
    ];
    const waits: number[] = [];
    const stored = await postDeployment(
      { hub: 'demo', what: 'x', source: 'cli' },
      settings({ onRetry: (_: string, ms: number) => waits.push(ms) }),
    );
    assert.deepEqual(stored, STORED);
    assert.deepEqual(waits, [1_000]);
    assert.deepEqual(
      seen.map((s) => s.path),
      ['/prefix/api/deployments', '/prefix/api/deployments'],
    );
    assert.equal(seen[0]?.auth, `Bearer ${'t'.repeat(16)}`);
    assert.deepEqual(JSON.parse(seen[0]?.body ?? ''), { hub: 'demo', what: 'x', source: 'cli' });
  });

  test("a 4xx is final, with the server's message", async () => {
    seen.length = 0;
    answers = [[401, '{"error":{"code":"unauthorized","message":"Authorization: not the deploy token"}}']];
    await assert.rejects(
      postDeployment({ hub: 'demo', what: 'x' }, settings()),
      (error: unknown) =>
        error instanceof DeployPostError &&
        !error.retryable &&
        error.message === 'HTTP 401 unauthorized: Authorization: not the deploy token',
    );
    assert.equal(seen.length, 1);
  });

  test('an unreachable dashboard: tried the given number of times, then a retryable error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    let retries = 0;
    await assert.rejects(
      postDeployment(
        { hub: 'demo', what: 'x' },
        settings({ baseUrl: new URL(`http://127.0.0.1:${port}`), attempts: 3, onRetry: () => retries++ }),
      ),
      (error: unknown) => error instanceof DeployPostError && error.retryable && /unreachable/.test(error.message),
    );
    assert.equal(retries, 2);
  });

  test('deploymentsEndpoint keeps a path prefix', () => {
    assert.equal(deploymentsEndpoint(new URL('http://h:3000')).href, 'http://h:3000/api/deployments');
    assert.equal(deploymentsEndpoint(new URL('http://h/hubwatch/')).href, 'http://h/hubwatch/api/deployments');
  });
});

describe('hubwatch-deploy arguments', () => {
  const env = { HUBWATCH_DEPLOY_TOKEN: 't'.repeat(16) };
  test('fields, source cli, default URL', () => {
    const args = parseDeployArgs(['--hub', 'demo', '--what', 'New image', '--version', '2026.11', '--when', '1795604530'], env);
    assert.deepEqual(args.body, { hub: 'demo', what: 'New image', source: 'cli', kind: 'deploy', version: '2026.11', when: 1795604530 });
    assert.equal(args.baseUrl.href, 'http://127.0.0.1:3000/');
    assert.equal(parseDeployArgs(['--hub', 'd', '--what', 'w', '--restart'], env).body.kind, 'restart');
  });

  for (const [argv, extraEnv, message] of [
    [['--what', 'w'], {}, '--hub is required'],
    [['--hub', 'd'], {}, '--what is required'],
    [['--hub', 'd', '--what', 'w', '--when', 'soon'], {}, '--when: must be whole epoch seconds'],
    [['--hub', 'd', '--what', 'w'], { HUBWATCH_DEPLOY_TOKEN: '' }, "HUBWATCH_DEPLOY_TOKEN is not set (the dashboard's deploy token)"],
    [['--hub', 'd', '--what', 'w'], { HUBWATCH_URL: 'ftp://x' }, 'HUBWATCH_URL: not an http(s) URL: ftp://x'],
  ] as const) {
    test(`${argv.join(' ')} -> ${message}`, () => {
      assert.throws(
        () => parseDeployArgs(argv, { ...env, ...extraEnv }),
        (error: unknown) => error instanceof UsageError && error.message === message,
      );
    });
  }
});
