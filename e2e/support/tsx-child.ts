import { type ChildProcess, spawn } from 'node:child_process';

export type Child = { process: ChildProcess; output: () => string; exited: Promise<number | null> };

/**
 * Runs a TypeScript program of the repo (collector, simulator) as `node --import tsx`, not npx,
 * so the pid is the program itself and a signal reaches it. Output is kept for failure messages.
 */
export function startTsx(args: string[], env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

/** SIGTERM (the program flushes and cleans up), SIGKILL after 10 s. */
export async function stopChild(child: Child | undefined): Promise<void> {
  if (child === undefined || child.process.exitCode !== null) return;
  child.process.kill('SIGTERM');
  const killer = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
  await child.exited;
  clearTimeout(killer);
}
