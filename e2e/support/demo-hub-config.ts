import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Restarts of the shared demo hub with chosen JH_* settings (docs/hub-and-simulator.md). Every
 * other spec expects the default configuration, so a spec that changes it restores it with
 * `restartHub({})` in a finally, while it still holds the demo-hub lock (withDemoHub).
 */

const run = promisify(execFile);
const dataDir = process.env.HUBWATCH_DATA_DIR ?? join(process.cwd(), '.data');
const collectorTokenFile = join(dataDir, 'etc', 'jupyterhub_api_token');

/** stack.sh with exactly the JH_* settings given: nothing from this process's environment leaks in. */
export async function restartHub(settings: Record<string, string>): Promise<void> {
  // Next's types make NODE_ENV a required key of ProcessEnv; the filtered copy keeps it when set.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('JH_'))) as NodeJS.ProcessEnv;
  await run('bash', ['stack/stack.sh', 'stop', 'hub'], { env, timeout: 120_000 });
  await run('bash', ['stack/stack.sh', 'start', 'hub'], { env: { ...env, ...settings }, timeout: 180_000 });
}

/** The spawner version /hub/api/info reports (JH_SPAWNER_VERSION), or why it cannot be read. */
export async function hubSpawnerVersion(): Promise<string> {
  const token = readFileSync(collectorTokenFile, 'utf8').trim();
  const response = await fetch('http://127.0.0.1:8081/hub/api/info', {
    headers: { authorization: `token ${token}` },
    signal: AbortSignal.timeout(5_000),
  }).catch(() => undefined);
  if (response === undefined || !response.ok) return 'unreachable';
  const info = (await response.json()) as { spawner?: { version?: string } };
  return info.spawner?.version ?? 'unknown';
}
