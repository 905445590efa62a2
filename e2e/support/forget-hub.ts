import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { whisperRoots } from './stack-mode';

/**
 * Test hubs must not linger in everyone's hub selector. StatsD (deleteIdleStats false) re-sends
 * every key it has seen at each flush, so a test hub's keys are first deleted in StatsD (its
 * management port), which stops new points; `removeWhisper` also deletes the stored series.
 * Only hub names the status and pipeline specs create are accepted.
 */
const TEST_HUB = /^(st|html|e2e)[a-z0-9]{6,20}$/;
const dataDir = process.env.HUBWATCH_DATA_DIR ?? join(process.cwd(), '.data');
const KINDS = ['counters', 'gauges', 'timers'] as const;

function admin(command: string): Promise<string> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(8126, '127.0.0.1', () => socket.write(`${command}\n`));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
      // Listing commands end with END; delete commands answer one line per key, then END.
      if (/END\s*$/.test(answer)) socket.end();
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
    socket.setTimeout(5_000, () => socket.destroy());
  });
}

export async function forgetHub(hub: string, options: { removeWhisper: boolean }): Promise<void> {
  if (!TEST_HUB.test(hub)) throw new Error(`refusing to forget hub "${hub}": not a test hub`);
  const prefix = `jupyterhub.${hub}.`;
  for (const kind of KINDS) {
    const listing = await admin(kind);
    const keys = [...listing.matchAll(/'([^']+)'/g)].flatMap((m) => (m[1]?.startsWith(prefix) ? [m[1]] : []));
    // One command per few keys keeps each line short.
    for (let i = 0; i < keys.length; i += 20) await admin(`del${kind} ${keys.slice(i, i + 20).join(' ')}`);
  }
  if (options.removeWhisper) {
    const dirs = whisperRoots(dataDir).flatMap((root) => KINDS.map((kind) => join(root, 'stats', kind, 'jupyterhub', hub)));
    await Promise.all(dirs.map((dir) => removeSettled(dir)));
  }
}

/**
 * Points StatsD flushed just before the delete can still sit in carbon's cache, and carbon creates
 * their files while the tree is being removed (CI once failed with ENOTEMPTY in rmdir). So retry
 * the removal, then look again after carbon had time to drain and remove what it recreated.
 */
async function removeSettled(dir: string): Promise<void> {
  for (let round = 0; round < 4; round += 1) {
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    await sleep(1_500);
    if (!existsSync(dir)) return;
  }
  throw new Error(`carbon kept recreating ${dir}; is StatsD still receiving this hub's keys?`);
}
