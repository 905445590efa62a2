import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { CLUSTER } from './support/stack-mode';

// The stack scripts themselves, run for real against the stack `npm test` started.
const run = promisify(execFile);
const stack = (args: string[], env: Record<string, string> = {}) =>
  run('bash', ['stack/stack.sh', ...args], { env: { ...process.env, ...env }, timeout: 120_000 });
const dataDir = process.env.HUBWATCH_DATA_DIR ?? join(process.cwd(), '.data');

test('status reports every default component healthy', async () => {
  test.skip(CLUSTER, 'the cluster has its own components (next test)');
  const { stdout } = await stack(['status']);
  expect(stdout).toMatch(/^carbon\s+up/m);
  expect(stdout).toMatch(/^graphite-web\s+up\s+:8080 version 1\.1\.8/m);
  expect(stdout).toMatch(/^statsd\s+up/m);
});

test('status reports every cluster component healthy', async () => {
  test.skip(!CLUSTER, 'only with HUBWATCH_STACK=cluster');
  const { stdout } = await stack(['status']);
  expect(stdout).toMatch(/^relay\s+up\s+:2003 -> carbon_ch over a :2013, b :2023/m);
  expect(stdout).toMatch(/^carbon-a\s+up\s+:2013/m);
  expect(stdout).toMatch(/^carbon-b\s+up\s+:2023/m);
  expect(stdout).toMatch(/^graphite-web-a\s+up\s+:8091 version 1\.1\.8/m);
  expect(stdout).toMatch(/^graphite-web-b\s+up\s+:8092 version 1\.1\.8/m);
  expect(stdout).toMatch(/^graphite-front\s+up\s+:8080 version 1\.1\.8 \(front over 127\.0\.0\.1:8091, 127\.0\.0\.1:8092\)/m);
  expect(stdout).toMatch(/^statsd\s+up/m);
  expect(stdout).not.toMatch(/^carbon\s/m);
});

test('start is idempotent: a second start keeps the same processes', async () => {
  const before = readFileSync(join(dataDir, 'run/statsd.pid'), 'utf8');
  const { stdout } = await stack(['start', 'statsd']);
  expect(stdout).toContain('statsd already running');
  expect(readFileSync(join(dataDir, 'run/statsd.pid'), 'utf8')).toBe(before);
});

test('start refuses to count a foreign process on the port as its own', async () => {
  const other = mkdtempSync(join(tmpdir(), 'hubwatch-stack-'));
  try {
    const failure = stack(['start', 'statsd'], { HUBWATCH_DATA_DIR: other });
    await expect(failure).rejects.toMatchObject({
      stdout: expect.stringContaining('FAILED: statsd was not started by this stack'),
    });
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});

test('stop never kills a process whose pid merely matches a stale pid file', async () => {
  const other = mkdtempSync(join(tmpdir(), 'hubwatch-stack-'));
  const stranger = spawn('sleep', ['60'], { stdio: 'ignore' });
  try {
    mkdirSync(join(other, 'run'), { recursive: true });
    // Same pid, wrong start time: what a recycled pid looks like.
    writeFileSync(join(other, 'run/carbon.pid'), `${stranger.pid} 1\n`);
    const { stdout } = await stack(['stop', 'carbon'], { HUBWATCH_DATA_DIR: other });
    expect(stdout).toContain('stale pid file removed');
    expect(stranger.exitCode).toBeNull();
    expect(() => process.kill(stranger.pid ?? -1, 0)).not.toThrow();
  } finally {
    stranger.kill();
    rmSync(other, { recursive: true, force: true });
  }
});
