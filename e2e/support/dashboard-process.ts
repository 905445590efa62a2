import { type Child, startTsx, stopChild } from './tsx-child';

/**
 * A production dashboard of this checkout (server.ts over the last `next build`), started by a spec
 * on a port of its own with its own records store, so it can be killed (-9) and restarted without
 * touching the dashboards Playwright starts. `node --import tsx server.ts` as `npm start` runs it,
 * so the pid is the server itself and SIGKILL reaches it.
 */

export type Dashboard = { url: string; child: Child };

export const RECORDS_PORT_BASE = Number(process.env.HUBWATCH_E2E_PORT ?? 3100) + 4;

export function startDashboard(port: number, env: Record<string, string>): Child {
  return startTsx(['server.ts'], {
    PORT: String(port),
    HUBWATCH_HOST: '127.0.0.1',
    NEXT_TELEMETRY_DISABLED: '1',
    GRAPHITE_URL: 'http://127.0.0.1:8080',
    ...env,
  });
}

/** Starts and waits until /api/health answers; fails with the server's output when it exits first. */
export async function runDashboard(port: number, env: Record<string, string>): Promise<Dashboard> {
  const child = startDashboard(port, env);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`dashboard on :${port} exited ${child.process.exitCode}:\n${child.output()}`);
    const up = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopChild(child);
  throw new Error(`dashboard on :${port} not up in 90 s:\n${child.output()}`);
}

/** kill -9: no shutdown handler runs, nothing is flushed by the process itself. */
export async function killHard(dashboard: Dashboard): Promise<void> {
  dashboard.child.process.kill('SIGKILL');
  await dashboard.child.exited;
}

export const stopDashboard = (dashboard: Dashboard | undefined) => stopChild(dashboard?.child);
