import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { benchEnv, intInRange } from '../bench-env';

// As npm start's default (package.json), so a profiled dashboard runs with the same heap.
const { HUBWATCH_HEAP_MB: HEAP_MB } = benchEnv({ HUBWATCH_HEAP_MB: intInRange(64, 65_536, 256) });

/**
 * The dashboard under load: a real `npm start` (npm -> sh -> node server.ts) in its own process
 * group, so stopping it stops exactly what this benchmark started. Its memory is the node process
 * running server.ts, found in that tree, since npm itself is a node process too.
 */

const START_TIMEOUT_MS = 120_000;

export type Dashboard = { port: number; base: string; child: ChildProcess };

/** The first port from `first` that nobody listens on (the machine is shared: :3210 may be taken). */
export async function freePort(first: number, tries = 20): Promise<number> {
  for (let port = first; port < first + tries; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${first}..${first + tries - 1}`);
}

/**
 * `npm start`, or with `nodeArgs` (e.g. `--cpu-prof`, which NODE_OPTIONS refuses) the command it
 * runs, `node --import tsx server.ts`, started directly with those arguments first.
 */
export async function startDashboard(root: string, port: number, env: Record<string, string>, nodeArgs: string[] = []): Promise<Dashboard> {
  const [command, args] =
    nodeArgs.length === 0
      ? ['npm', ['start']]
      : [process.execPath, [...nodeArgs, `--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', 'server.ts']];
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), HUBWATCH_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start on :${port} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) });
      await response.text();
      if (response.status === 200 || response.status === 503) return { port, base, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stopDashboard({ port, base, child });
  throw new Error(`npm start on ${base} did not answer /api/health within ${START_TIMEOUT_MS / 1000} s`);
}

export function stopDashboard(dashboard: Dashboard): void {
  const { pid } = dashboard.child;
  if (pid === undefined || dashboard.child.exitCode !== null) return;
  try {
    process.kill(-pid, 'SIGTERM'); // the process group this benchmark started, nothing else
  } catch {
    // already gone
  }
}

function parentOf(pid: number): number | null {
  try {
    // comm may contain spaces or parentheses: the fields after the last ')' are fixed.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : null;
  } catch {
    return null;
  }
}

function isDescendant(pid: number, ancestor: number): boolean {
  let current: number | null = pid;
  for (let depth = 0; current !== null && current > 1 && depth < 10; depth++) {
    if (current === ancestor) return true;
    current = parentOf(current);
  }
  return false;
}

/** The pid of the node process running server.ts under `npm start` (or started directly). */
export function serverPid(dashboard: Dashboard): number {
  const root = dashboard.child.pid;
  if (root === undefined) throw new Error('npm start has no pid');
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let cmdline: string[];
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (cmdline.some((arg) => arg.endsWith('server.ts')) && /node$/.test(cmdline[0] ?? '') && isDescendant(pid, root)) return pid;
  }
  throw new Error(`no node process running server.ts under npm start (pid ${root})`);
}
