import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { APP_URL } from './support/app-ports';
import { E2E_DEPLOY_TOKEN } from './support/deploy-token';
import { forgetHub } from './support/forget-hub';
import { expectedHubVersion } from './support/hub-version';
import { withDemoHub } from './support/simulated-class';
import { type Child, startTsx, stopChild } from './support/tsx-child';

// A change of the demo spawner's version is recorded by the collector on its own.
// The real demo hub is restarted with JH_SPAWNER_VERSION=1.1 while a collector posts to :3100;
// then it is restarted on its default configuration again (which is one more deployment).

const repo = process.cwd();
const dataDir = process.env.HUBWATCH_DATA_DIR ?? join(repo, '.data');
const hubLog = join(dataDir, 'logs', 'hub.log');
const collectorTokenFile = join(dataDir, 'etc', 'jupyterhub_api_token');
const hubName = `e2e${Date.now().toString(36)}`;
const run = promisify(execFile);

/**
 * stack.sh with exactly the JH_* settings given, on the JupyterHub version under test (a restart
 * must not switch the 3.0 pass to the default version): nothing else of this process's JH_* leaks in.
 */
async function restartHub(settings: Record<string, string>): Promise<void> {
  // Next's types make NODE_ENV a required key of ProcessEnv; the filtered copy keeps it when set.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('JH_'))) as NodeJS.ProcessEnv;
  await run('bash', ['stack/stack.sh', 'stop', 'hub'], { env, timeout: 120_000 });
  await run('bash', ['stack/stack.sh', 'start', 'hub'], {
    env: { ...env, JH_VERSION: expectedHubVersion(), ...settings },
    timeout: 180_000,
  });
}

type Listed = { deployments: { id: number; what: string; source: string; kind: string; version: string | null }[] };

async function deployments(request: APIRequestContext, from: number): Promise<Listed['deployments']> {
  const response = await request.get(`/api/deployments?hub=${hubName}&from=${from}&until=now`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as Listed).deployments;
}

async function waitFor(request: APIRequestContext, from: number, count: number): Promise<Listed['deployments']> {
  let seen: Listed['deployments'] = [];
  for (let i = 0; i < 60 && seen.length < count; i++) {
    await sleep(2_000);
    seen = await deployments(request, from);
  }
  return seen;
}

test('a changed spawner version is recorded automatically as a deployment naming the change', async ({ request }) => {
  test.setTimeout(600_000);
  for (const file of [hubLog, collectorTokenFile]) {
    if (!existsSync(file)) throw new Error(`${file} missing: start the demo hub first (bash stack/stack.sh start hub)`);
  }
  const workDir = mkdtempSync(join(tmpdir(), 'hubwatch-deploys-'));
  const from = Math.floor(Date.now() / 1000) - 60;
  let collector: Child | undefined;
  await withDemoHub(async () => {
    try {
      collector = startTsx(
        [
          'collector/cli.ts',
          ...['--hub-log', hubLog, '--hub-url', 'http://127.0.0.1:8000', '--hub-name', hubName, '--interval', '2'],
          ...['--dashboard-url', APP_URL, '--checkpoint', join(workDir, 'checkpoint.json')],
        ],
        { HUBWATCH_HUB_TOKEN: readFileSync(collectorTokenFile, 'utf8').trim(), HUBWATCH_DEPLOY_TOKEN: E2E_DEPLOY_TOKEN },
      );
      const output = () => collector?.output() ?? '';
      for (let i = 0; i < 60 && !/\(baseline\)/.test(output()); i++) await sleep(500);
      expect(output()).toMatch(/\(baseline\)/);

      await restartHub({ JH_SPAWNER_VERSION: '1.1' });
      const changed = await waitFor(request, from, 1);
      expect(changed, output()).toEqual([
        {
          id: expect.any(Number),
          when: expect.any(Number),
          hub: hubName,
          what: expect.stringMatching(/^spawner fault_spawner \S+ -> 1\.1$/),
          version: expect.any(String),
          commit: null,
          author: null,
          link: null,
          source: 'auto',
          kind: 'deploy',
        },
      ]);
      // A few more checks: the one restart is not recorded a second time as a restart.
      await sleep(8_000);
      expect(await deployments(request, from)).toHaveLength(1);

      await restartHub({});
      const restored = await waitFor(request, from, 2);
      expect(restored.map((d) => [d.kind, d.what])).toEqual([
        ['deploy', 'spawner fault_spawner 1.1 -> 1.0'],
        ['deploy', changed[0]?.what],
      ]);
    } finally {
      await stopChild(collector);
      // The demo hub back on its default configuration, whatever happened above.
      if (!/1\.0/.test(await hubSpawnerVersion())) await restartHub({});
      for (const d of await deployments(request, from)) {
        await request.delete(`/api/deployments/${d.id}`, { headers: { authorization: `Bearer ${E2E_DEPLOY_TOKEN}` } });
      }
      await forgetHub(hubName, { removeWhisper: true });
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});

async function hubSpawnerVersion(): Promise<string> {
  const token = readFileSync(collectorTokenFile, 'utf8').trim();
  const response = await fetch('http://127.0.0.1:8081/hub/api/info', {
    headers: { authorization: `token ${token}` },
    signal: AbortSignal.timeout(5_000),
  }).catch(() => undefined);
  if (response === undefined || !response.ok) return 'unreachable';
  const info = (await response.json()) as { spawner?: { version?: string } };
  return info.spawner?.version ?? 'unknown';
}
