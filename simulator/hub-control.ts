import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { HubApi } from './hub-api';
import type { Ledger } from './ledger';

/**
 * Stops and starts the hub with this repository's stack scripts (`stack/stack.sh stop|start hub`),
 * for the crash cases that need the hub down (`--crashes`). So the simulator must run on the hub's
 * host, in the checkout whose stack started it, with the same HUBWATCH_DATA_DIR and JH_PORT... as
 * that start (they come from the simulator's environment).
 */
export type HubControl = {
  stop(): Promise<void>;
  start(settings: Readonly<Record<string, string>>): Promise<void>;
};

// Next's types make NODE_ENV a required key of ProcessEnv; a copy of the environment keeps it when set.
type ChildEnv = NodeJS.ProcessEnv;

const REPO_DIR = join(import.meta.dirname, '..');
// stop waits up to 15 s for the hub before killing its group; a start may install on first use
const STOP_TIMEOUT_MS = 120_000;
const START_TIMEOUT_MS = 240_000;

/** JH_VERSION for the stack: Debian's 3.0 reports itself as `3.0.0`. */
export function stackVersion(reported: string): string {
  return reported === '3.0.0' ? '3.0' : reported;
}

function stack(action: 'stop' | 'start', env: ChildEnv, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('bash', ['stack/stack.sh', action, 'hub'], { cwd: REPO_DIR, env, timeout: timeoutMs }, (error, _stdout, stderr) => {
      if (error === null) resolve();
      else
        reject(
          new Error(`stack.sh ${action} hub failed (${error.message.split('\n')[0]}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`),
        );
    });
  });
}

/**
 * The hub of `api`, restarted on the version it runs now (JH_VERSION of the environment wins), so
 * a restart never switches a test pass to another JupyterHub. Every action is recorded in the ledger.
 */
export async function stackHubControl(api: HubApi, env: ChildEnv, ledger: Ledger): Promise<HubControl> {
  const version = env.JH_VERSION || stackVersion(await api.version());
  const base: ChildEnv = { ...env, JH_VERSION: version };
  const act = async (action: 'stop' | 'start', settings: Readonly<Record<string, string>>, run: () => Promise<void>): Promise<void> => {
    try {
      await run();
    } catch (error) {
      ledger.record({ kind: 'hub', action, outcome: 'failed', settings: { ...settings } });
      throw error;
    }
    ledger.record({ kind: 'hub', action, outcome: 'done', settings: { ...settings } });
  };
  return {
    stop: () => act('stop', {}, () => stack('stop', base, STOP_TIMEOUT_MS)),
    start: (settings) => act('start', settings, () => stack('start', { ...base, ...settings }, START_TIMEOUT_MS)),
  };
}
