import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SAMPLES_DIR } from './fixtures/samples-dir';

const ROOT = join(import.meta.dirname, '..');
const SAMPLES = SAMPLES_DIR;
const dir = mkdtempSync(join(tmpdir(), 'hubwatch-cli-'));

let udp: Socket;
let port = 0;
const received: string[] = [];

before(async () => {
  udp = createSocket('udp4');
  udp.on('message', (m) => received.push(...m.toString().split('\n')));
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  udp.setRecvBufferSize(4 * 1024 * 1024);
  port = udp.address().port;
});
after(() => {
  udp.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  readonly child: ChildProcess;
  readonly exit: Promise<number | null>;
  stderr(): string;
}

function runCli(args: string[], env: Record<string, string> = {}, stdin?: Buffer): Run {
  const base = { ...process.env };
  delete base.HUBWATCH_HUB_TOKEN;
  delete base.JUPYTERHUB_API_TOKEN;
  const child = spawn(process.execPath, ['--import', 'tsx', 'collector/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  if (stdin) child.stdin?.end(stdin);
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exit, stderr: () => err };
}

/** Sum of a counter's values received over UDP with this prefix. */
function counter(prefix: string, key: string): number {
  const head = `${prefix}.${key}:`;
  return received.filter((m) => m.startsWith(head) && m.endsWith('|c')).reduce((n, m) => n + Number(m.slice(head.length, -2)), 0);
}

function lastGauge(prefix: string, key: string): number | undefined {
  const head = `${prefix}.${key}:`;
  const all = received.filter((m) => m.startsWith(head) && m.endsWith('|g'));
  const last = all[all.length - 1];
  return last === undefined ? undefined : Number(last.slice(head.length, -2));
}

async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
}

describe('collector CLI', () => {
  it('stops with a non-zero exit naming the option on bad configuration', async () => {
    const cases: Array<[string[], string]> = [
      [['--hub-log', 'x', '--statsd', 'nohost'], '--statsd'],
      [['--hub-log', 'x', '--interval', '-5'], '--interval'],
      [['--hub-log', 'x', '--hub-name', 'bad name'], '--hub-name'],
      [[], '--hub-log'],
    ];
    for (const [args, option] of cases) {
      const run = runCli(args);
      assert.equal(await run.exit, 2, args.join(' '));
      assert.match(run.stderr(), new RegExp(`^hubwatch-collector: ${option}: `), run.stderr());
      assert.doesNotMatch(run.stderr(), /at .*\.ts:\d+/, 'no stack trace');
    }
  });

  it('reads the hub log from stdin (kubectl logs -f | ...) and sends its counts to StatsD', async () => {
    const prefix = 'jupyterhub.clistdin';
    const run = runCli(
      ['--hub-log', '-', '--statsd', `127.0.0.1:${port}`, '--hub-name', 'clistdin'],
      {},
      readFileSync(join(SAMPLES, 'hub-run1.log')),
    );
    assert.equal(await run.exit, 0, run.stderr());
    await waitFor(() => counter(prefix, 'servers.stopped') > 0, 2000);
    assert.equal(counter(prefix, 'logins.success'), 3);
    assert.equal(counter(prefix, 'spawns.success'), 7);
    assert.equal(counter(prefix, 'spawns.failure.exited'), 1);
    assert.equal(counter(prefix, 'spawns.failure.http_timeout'), 1);
    assert.equal(counter(prefix, 'requests.status.200'), 71);
    // Timer values may share a multi-value line (`key:1|ms:2|ms`): count values, not lines.
    const durationValues = received.filter((m) => m.startsWith(`${prefix}.spawns.duration:`)).flatMap((m) => m.split(':').slice(1));
    assert.equal(durationValues.length, 7);
    assert.match(run.stderr(), /stdin closed/);
    for (const name of ['alice', 'crash1', 'mallory']) assert.ok(!run.stderr().includes(name), `log mentions ${name}`);
  });

  it('restarts mid-file from its checkpoint without losing or double counting lines', async () => {
    const prefix = 'jupyterhub.clirestart';
    const log = join(dir, 'restart.log');
    const checkpoint = join(dir, 'restart.checkpoint.json');
    writeFileSync(log, '');
    const total = 3000;
    let written = 0;
    const writeSome = (n: number) => {
      let chunk = '';
      for (let i = 0; i < n && written < total; i++, written++) {
        chunk += `[I 2026-11-25 11:00:00.000 JupyterHub log:186] 200 GET /hub/api/x?seq=${written} (@127.0.0.1) 1.00ms\n`;
      }
      appendFileSync(log, chunk);
    };
    const args = [
      '--hub-log',
      log,
      '--from-start',
      '--checkpoint',
      checkpoint,
      '--statsd',
      `127.0.0.1:${port}`,
      '--hub-name',
      'clirestart',
    ];
    const writer = setInterval(() => writeSome(25), 10);
    for (let round = 0; round < 3; round++) {
      const run = runCli(args);
      await waitFor(() => run.stderr().includes('following') || run.stderr().includes('resuming'), 60000);
      await new Promise((r) => setTimeout(r, 400));
      run.child.kill('SIGTERM');
      assert.equal(await run.exit, 0, run.stderr());
      assert.match(run.stderr(), round === 0 ? /following .* from its start/ : /resuming .* at byte \d+/);
    }
    clearInterval(writer);
    writeSome(total);
    const last = runCli(args);
    await waitFor(() => counter(prefix, 'requests.status.200') >= total, 60000);
    await new Promise((r) => setTimeout(r, 1500));
    last.child.kill('SIGTERM');
    await last.exit;
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(counter(prefix, 'requests.status.200'), total);
  });

  describe('against an HTTP stand-in for the hub', () => {
    // A stand-in, not the real hub: a 403 on /hub/metrics and a hanging /hub/health cannot be produced
    // without one. It answers what JupyterHub 3.0 answered in the captures (api-users.json, the 403 body).
    let server: Server;
    let base = '';
    let hang = false;
    const seenAuth: string[] = [];
    before(async () => {
      type CapturedUser = { servers?: Record<string, { ready?: boolean }> };
      const users = JSON.parse(readFileSync(join(SAMPLES, 'api-users.json'), 'utf8')) as CapturedUser[];
      server = createServer((req, res) => {
        seenAuth.push(req.headers.authorization ?? '');
        const url = new URL(req.url ?? '/', 'http://x');
        if (url.pathname === '/hub/health') {
          if (hang) return; // never answers
          res.end();
        } else if (url.pathname === '/hub/metrics') {
          res.writeHead(403, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: 403, message: "Access to metrics requires scope 'read:metrics'" }));
        } else if (url.pathname === '/hub/api/users') {
          const state = url.searchParams.get('state');
          const items = state === 'ready' ? users.filter((u) => Object.values(u.servers ?? {}).some((s) => s.ready === true)) : users;
          const limit = Number(url.searchParams.get('limit') ?? 50);
          const offset = Number(url.searchParams.get('offset') ?? 0);
          res.setHeader('content-type', 'application/json');
          res.end(
            JSON.stringify({
              items: items.slice(offset, offset + limit),
              _pagination: {
                offset,
                limit,
                total: items.length,
                next: offset + limit < items.length ? { offset: offset + limit, limit } : null,
              },
            }),
          );
        } else {
          res.writeHead(404);
          res.end();
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const addr = server.address();
      assert.ok(addr && typeof addr === 'object');
      base = `http://127.0.0.1:${addr.port}`;
    });
    after(() => {
      server.closeAllConnections();
      server.close();
    });

    it('reports a 403 from /hub/metrics clearly, keeps health and the users API, never prints the token', async () => {
      const prefix = 'jupyterhub.clihttp';
      const token = 'sEcReT-t0ken-value';
      const run = runCli(['--hub-url', base, '--statsd', `127.0.0.1:${port}`, '--hub-name', 'clihttp', '--interval', '1'], {
        HUBWATCH_HUB_TOKEN: token,
      });
      await waitFor(() => lastGauge(prefix, 'users.total') !== undefined && lastGauge(prefix, 'hub.up') !== undefined, 60000);
      await new Promise((r) => setTimeout(r, 2500));
      run.child.kill('SIGTERM');
      await run.exit;
      assert.match(run.stderr(), /\/hub\/metrics answered 403.*read:metrics/);
      assert.equal(run.stderr().match(/answered 403/g)?.length, 1, 'reported once, then stopped (no silent retries)');
      assert.ok(!run.stderr().includes(token));
      assert.ok(seenAuth.includes(`token ${token}`));
      assert.equal(lastGauge(prefix, 'hub.up'), 1);
      assert.equal(lastGauge(prefix, 'users.total'), 12);
      assert.equal(lastGauge(prefix, 'servers.running'), 1);
    });

    it('times out a hanging /hub/health and reports the hub down', async () => {
      hang = true;
      const prefix = 'jupyterhub.clihang';
      const run = runCli(['--hub-url', base, '--statsd', `127.0.0.1:${port}`, '--hub-name', 'clihang', '--interval', '1']);
      await waitFor(() => lastGauge(prefix, 'hub.up') !== undefined, 60000);
      run.child.kill('SIGTERM');
      await run.exit;
      hang = false;
      assert.equal(lastGauge(prefix, 'hub.up'), 0);
      assert.match(run.stderr(), /hub health: down \(\/hub\/health: no answer within 1000 ms\)/);
    });
  });
});
