import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { expectedHubVersion, isVersion } from './support/hub-version';

// The demo hub as `stack.sh start hub` set it up: health, version, the two service tokens and
// what each may do. Read-only against the running hub (no logins, no spawns), so it can run
// while another spec drives the hub without changing any count that spec checks.

const run = promisify(execFile);
const dataDir = process.env.HUBWATCH_DATA_DIR ?? join(process.cwd(), '.data');
const tokenFile = (name: string) => join(dataDir, 'etc', name);
const token = (name: string) => readFileSync(tokenFile(name), 'utf8').trim();
const HUB = 'http://127.0.0.1:8000';

type Whoami = { kind: string; name: string; scopes: string[] };

async function whoami(tokenName: string): Promise<Whoami> {
  const response = await fetch(`${HUB}/hub/api/user`, {
    headers: { Authorization: `token ${token(tokenName)}` },
    signal: AbortSignal.timeout(10_000),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Whoami;
}

const wanted = expectedHubVersion();

test(`status shows the hub up behind its proxy, JupyterHub ${wanted}`, async () => {
  const { stdout } = await run('bash', ['stack/stack.sh', 'status'], { timeout: 60_000 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }), // another component may be down; the hub line is what counts here
  );
  const line = /^hub\s+up\s+:8000 proxy=200, hub API :8081 hub=200, JupyterHub (\S+)$/m.exec(stdout);
  expect(line, stdout).not.toBeNull();
  expect(isVersion(line?.[1] ?? '', wanted), `status reports ${line?.[1]}`).toBe(true);
});

test(`JH_VERSION=${wanted} starts exactly that version: /hub/api/ reports it`, async () => {
  const response = await fetch(`${HUB}/hub/api/`, { signal: AbortSignal.timeout(10_000) });
  expect(response.status).toBe(200);
  const { version } = (await response.json()) as { version: string };
  expect(isVersion(version, wanted), `the hub reports ${version}`).toBe(true);
});

test('both tokens exist, readable by their owner only', () => {
  for (const name of ['jupyterhub_api_token', 'jupyterhub_simulator_token']) {
    expect((statSync(tokenFile(name)).mode & 0o777).toString(8), name).toBe('600');
    expect(token(name)).toMatch(/^[0-9a-f]{64}$/);
  }
  expect(token('jupyterhub_api_token')).not.toBe(token('jupyterhub_simulator_token'));
});

test("the collector's token reads metrics, users and servers, and can change nothing", async () => {
  const me = await whoami('jupyterhub_api_token');
  expect(me).toMatchObject({ kind: 'service', name: 'hubwatch-collector' });
  expect(me.scopes).toEqual(expect.arrayContaining(['read:metrics', 'list:users', 'read:users', 'read:servers']));
  expect(me.scopes.filter((scope) => /^admin:|^servers$|^users$|^tokens$|^delete:|^shutdown$/.test(scope))).toEqual([]);

  const headers = { Authorization: `token ${token('jupyterhub_api_token')}` };
  const metrics = await fetch(`${HUB}/hub/metrics`, { headers, signal: AbortSignal.timeout(10_000) });
  expect(metrics.status).toBe(200);
  expect(await metrics.text()).toMatch(/^jupyterhub_running_servers /m);
  const anonymous = await fetch(`${HUB}/hub/metrics`, { signal: AbortSignal.timeout(10_000) });
  expect(anonymous.status).toBe(403);

  const spawn = await fetch(`${HUB}/hub/api/users/nobody-e2e/server`, {
    method: 'POST',
    headers,
    signal: AbortSignal.timeout(10_000),
  });
  expect(spawn.status).toBe(403);
  // the scope that would allow it: `servers` up to 5.x, `start:servers` from 6.0 on
  expect(await spawn.json()).toMatchObject({ message: expect.stringMatching(/requires any of \[(start:)?servers\]/) });
});

test("the simulator's token manages users and servers and may read a server's pid", async () => {
  const me = await whoami('jupyterhub_simulator_token');
  expect(me).toMatchObject({ kind: 'service', name: 'hubwatch-simulator' });
  expect(me.scopes).toEqual(expect.arrayContaining(['admin:users', 'admin:servers', 'admin:server_state', 'list:users']));
  expect(me.scopes).not.toContain('read:metrics');
});

test('a stale proxy pid file naming an unrelated process is removed before the hub starts, sparing that process', async () => {
  // JupyterHub would SIGTERM and then SIGKILL whatever pid the file names
  const data = mkdtempSync(join(tmpdir(), 'hubwatch-hub-'));
  const stranger = spawn('sleep', ['60'], { stdio: 'ignore' });
  try {
    mkdirSync(join(data, 'jupyterhub'));
    const pidFile = join(data, 'jupyterhub', 'proxy.pid');
    writeFileSync(pidFile, `${stranger.pid}`); // no newline, as JupyterHub writes it
    await run('bash', ['-c', 'source stack/components/hub.sh && hub_clear_leftover_proxy'], {
      env: { ...process.env, DATA_DIR: data },
    });
    expect(existsSync(pidFile)).toBe(false);
    expect(stranger.exitCode).toBeNull();
    expect(() => process.kill(stranger.pid ?? -1, 0)).not.toThrow();
  } finally {
    stranger.kill();
    rmSync(data, { recursive: true, force: true });
  }
});

test('a proxy left behind by a SIGKILLed hub is stopped before the next hub starts', async () => {
  const data = mkdtempSync(join(tmpdir(), 'hubwatch-hub-'));
  // stands in for the orphan: a process whose command line names configurable-http-proxy
  const leftover = spawn('bash', ['-c', 'exec -a configurable-http-proxy sleep 60'], { stdio: 'ignore' });
  try {
    await expect.poll(() => readFileSync(`/proc/${leftover.pid}/cmdline`, 'utf8')).toContain('configurable-http-proxy');
    mkdirSync(join(data, 'jupyterhub'));
    const pidFile = join(data, 'jupyterhub', 'proxy.pid');
    writeFileSync(pidFile, `${leftover.pid}`);
    const exited = new Promise((resolve) => leftover.on('exit', (_code, signal) => resolve(signal)));
    const { stdout } = await run('bash', ['-c', 'source stack/components/hub.sh && hub_clear_leftover_proxy'], {
      env: { ...process.env, DATA_DIR: data },
    });
    expect(stdout).toContain(`stopping the proxy a previous hub left behind (pid ${leftover.pid})`);
    expect(await exited).toBe('SIGTERM');
    expect(existsSync(pidFile)).toBe(false);
  } finally {
    leftover.kill('SIGKILL');
    rmSync(data, { recursive: true, force: true });
  }
});
