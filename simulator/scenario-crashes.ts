import { cleanUp, crashServer, noticedCrash, type Sim, signalProcess, spawnViaApi, stopServer } from './actions';
import { sleep } from './hub-api';
import type { HubControl } from './hub-control';
import { faultyName, studentName } from './names';

export type CrashesOptions = { tag: string };

/**
 * The hub settings of this scenario: servers outlive the hub's stop, users may name servers, and the
 * students' servers are light_server.py. How the hub notices a death does not depend on what the
 * process serves, and a notebook server's 1-2 s of CPU made every start of a loaded 2-core machine
 * run into http_timeout (seen: 5 of 5, load average 25), which left the scenario nothing to kill.
 */
export const CRASH_SETTINGS: Readonly<Record<string, string>> = { JH_CLEANUP_SERVERS: '0', JH_NAMED_SERVERS: '1', JH_LIGHT_SERVERS: '1' };

type Server = { user: string; server: string };
const label = (s: Server): string => (s.server === '' ? 'a default server' : 'a named server');

/** True once `pid` is gone for good (reaped): a zombie still answers signal 0, to the hub as well. */
function reaped(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

async function waitReaped(pid: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!reaped(pid) && Date.now() < deadline && !signal.aborted) await sleep(200, signal);
}

/**
 * Every way a server dies across a hub restart (`--crashes`, for tests; it stops and starts the hub
 * itself, so it needs the simulator on the hub's host, see hub-control.ts):
 *
 *  1. the hub is restarted with cleanup_servers=False, allow_named_servers and light servers (CRASH_SETTINGS)
 *  2. three students start their default server, one student two named servers     spawns.success
 *     (`lab`, `lab2`), and a `broken` user's named server fails                     spawns.failure.error
 *  3. the hub is stopped (the servers go on running); while it is down a default
 *     and a named server are killed
 *  4. the hub starts again: it finds the two dead and resumes the others           servers.crashed x2
 *  5. one resumed server is killed; the hub's poll notices                          servers.crashed
 *  6. the resumed named server `lab2` is stopped on purpose (never a crash)         servers.stopped
 *  7. cleanup: the rest stopped, the users deleted, the hub restarted with the settings it was
 *     given (the simulator's environment)
 */
export async function runCrashes(sim: Sim, hub: HubControl, options: CrashesOptions): Promise<void> {
  const { tag } = options;
  const students = [1, 2, 3, 4].map((i) => studentName(i, tag));
  const [first = '', second = '', third = '', fourth = ''] = students;
  const broken = faultyName('broken', 1, tag);
  const servers: Server[] = [
    { user: first, server: '' },
    { user: second, server: '' },
    { user: third, server: '' },
    { user: fourth, server: 'lab' },
    { user: fourth, server: 'lab2' },
  ];
  let restarted = false;
  let hubDown = false;
  // SIGINT/SIGTERM: no further step, straight to the cleanup
  const step = (text: string): void => {
    if (sim.signal.aborted) throw new Error('stopped by a signal');
    sim.log(text);
  };
  try {
    step('1. the hub restarts with cleanup_servers=False and named servers');
    restarted = true;
    await hub.stop();
    await hub.start(CRASH_SETTINGS);
    await sim.api.createUsers([...students, broken]);

    step('2. default and named servers start; a named server fails');
    const quiet = async (): Promise<void> => {
      if (!(await sim.api.waitForQuiet(sim.settleMs))) sim.log('the hub still has pending spawns; going on anyway');
    };
    await quiet();
    await Promise.all(servers.slice(0, 3).map((s) => spawnViaApi(s.user, sim, s.server)));
    await quiet();
    await spawnViaApi(broken, sim, 'x');
    await quiet();
    await Promise.all(servers.slice(3).map((s) => spawnViaApi(s.user, sim, s.server)));

    step('3. the hub stops; two servers die while it is down');
    const doomed: Server[] = [
      { user: first, server: '' },
      { user: fourth, server: 'lab' },
    ];
    const hit: { s: Server; pid: number }[] = [];
    for (const d of doomed) {
      const view = await sim.api.server(d.user, d.server);
      if (view?.ready === true && view.pid !== null) hit.push({ s: d, pid: view.pid });
    }
    hubDown = true;
    await hub.stop();
    const struck = hit.filter((h) => signalProcess(h.pid, 'SIGKILL', sim));
    for (const h of struck) {
      sim.log(`killed ${label(h.s)} while the hub is down`);
      await waitReaped(h.pid, 10_000, sim.signal);
    }

    step('4. the hub starts again and finds them dead');
    await hub.start(CRASH_SETTINGS);
    hubDown = false;
    for (const h of struck) await noticedCrash(sim, h.s.user, h.s.server, h.pid, 'hub-start');

    step('5. a resumed server dies; the poll notices');
    await crashServer(second, sim);

    step('6. a resumed named server is stopped on purpose');
    await stopServer(fourth, 'student', sim, 'lab2');
  } finally {
    sim.log('7. cleanup');
    if (hubDown) await hub.start(CRASH_SETTINGS).catch((error: unknown) => sim.log(`hub start: ${String(error)}`));
    await Promise.all(servers.map((s) => cleanUp(s.user, sim, s.server)));
    await cleanUp(broken, sim, 'x');
    await Promise.all([...students, broken].map((name) => sim.api.deleteUser(name).catch(() => 0)));
    if (restarted) {
      await hub.stop();
      await hub.start({});
    }
  }
}
