import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expectedHubVersion } from './hub-version';

/**
 * Restarts of the shared demo hub with chosen JH_* settings (docs/hub-and-simulator.md). Every
 * other spec expects the default configuration, so a spec that changes it restores it with
 * `restartHub({})` in a finally, while it still holds the demo-hub lock (withDemoHub).
 */

const run = promisify(execFile);

/**
 * stack.sh with exactly the JH_* settings given, on the JupyterHub version under test unless they
 * name one (a restart must not switch a pass to another version): nothing else of this process's
 * JH_* leaks in.
 */
export async function restartHub(settings: Record<string, string>): Promise<void> {
  // Next's types make NODE_ENV a required key of ProcessEnv; the filtered copy keeps it when set.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('JH_'))) as NodeJS.ProcessEnv;
  await run('bash', ['stack/stack.sh', 'stop', 'hub'], { env, timeout: 120_000 });
  await run('bash', ['stack/stack.sh', 'start', 'hub'], {
    env: { ...env, JH_VERSION: expectedHubVersion(), ...settings },
    timeout: 180_000,
  });
}
