import { cleanUp, crashServer, login, type Sim, spawnInBrowser, spawnViaApi, stopServer } from './actions';
import { BrowserStudent } from './browser';
import { sleep } from './hub-api';
import type { SpawnOutcome } from './ledger';
import { faultyName, studentName } from './names';

export type OnceOptions = { hubUrl: string; tag: string; students: number; requestTimeoutMs: number; maxLatecomers: number };

/**
 * One deterministic lecture (--once, for tests). The steps are fixed; the outcomes are whatever
 * the hub answers, and each is recorded. With the demo hub's defaults (concurrent_spawn_limit 3,
 * active_server_limit 6, 6 students) every contract key gets at least one event:
 *
 *  1. a student mistypes the password, then the whole class logs in at once      logins.*
 *  2. everybody clicks "Start My Server" at once: 3 start, the rest are throttled  spawns.success / throttled
 *  3. four fault users spawn via REST (missing binary, then hang + mute + crash    spawns.failure.*
 *     together); a throttled student clicks again while those three are pending    spawns.throttled
 *  4. students without a server click again until they have one                    spawns.success
 *  5. latecomers arrive until the hub is full                                      spawns.limited
 *  6. one server is killed; two students stop theirs                               servers.crashed / stopped
 *  7. cleanup: remaining servers stopped, the run's users deleted                  servers.stopped
 */
/** Steps start on a quiet hub, so that what is throttled is decided by this scenario alone. */
async function quiet(sim: Sim): Promise<void> {
  if (!(await sim.api.waitForQuiet(sim.settleMs))) sim.log('the hub still has pending spawns; going on anyway');
}

export async function runOnce(sim: Sim, options: OnceOptions): Promise<void> {
  const { hubUrl, tag, requestTimeoutMs } = options;
  const newStudent = (index: number): BrowserStudent => new BrowserStudent(hubUrl, studentName(index, tag), requestTimeoutMs);
  const students = Array.from({ length: options.students }, (_, i) => newStudent(i + 1));
  const faulty = {
    broken: faultyName('broken', 1, tag),
    hang: faultyName('hang', 1, tag),
    mute: faultyName('mute', 1, tag),
    crash: faultyName('crash', 1, tag),
  };
  const everyone: string[] = [...students.map((s) => s.name), ...Object.values(faulty)];
  const running = new Set<string>();
  const lastOutcome = new Map<string, SpawnOutcome>();
  const note = (name: string, outcome: SpawnOutcome): SpawnOutcome => {
    lastOutcome.set(name, outcome);
    if (outcome === 'success') running.add(name);
    return outcome;
  };

  try {
    sim.log('1. the lecture starts: logins');
    await quiet(sim);
    const typo = students[1] ?? students[0];
    if (typo !== undefined) await login(typo, `${sim.password}-typo`, sim);
    await Promise.all(students.map((s) => login(s, sim.password, sim)));

    sim.log('2. everybody clicks "Start My Server"');
    await Promise.all(students.map(async (s) => note(s.name, await spawnInBrowser(s, sim))));

    sim.log('3. fault users spawn via the REST API');
    await quiet(sim);
    await sim.api.createUsers(Object.values(faulty));
    note(faulty.broken, await spawnViaApi(faulty.broken, sim));
    const slowFaults = Promise.all([faulty.hang, faulty.mute, faulty.crash].map(async (name) => note(name, await spawnViaApi(name, sim))));
    const impatient = students.find((s) => lastOutcome.get(s.name) === 'throttled');
    if (impatient !== undefined) {
      await sleep(1000, sim.signal);
      note(impatient.name, await spawnInBrowser(impatient, sim));
    }
    await slowFaults;

    sim.log('4. students without a server click again');
    for (let round = 0; round < 3; round += 1) {
      const waiting = students.filter((s) => !running.has(s.name) && lastOutcome.get(s.name) !== 'limited');
      if (waiting.length === 0 || sim.signal.aborted) break;
      await quiet(sim);
      await Promise.all(waiting.map(async (s) => note(s.name, await spawnInBrowser(s, sim))));
    }

    sim.log('5. latecomers until the hub is full');
    await quiet(sim);
    for (let i = 1; i <= options.maxLatecomers && !sim.signal.aborted; i += 1) {
      const late = newStudent(options.students + i);
      everyone.push(late.name);
      await login(late, sim.password, sim);
      if (note(late.name, await spawnInBrowser(late, sim)) === 'limited') break;
    }

    sim.log('6. a server crashes, two students stop theirs');
    const [victim, ...others] = students.filter((s) => running.has(s.name)).map((s) => s.name);
    if (victim !== undefined && (await crashServer(victim, sim))) running.delete(victim);
    for (const name of others.slice(0, 2)) {
      if (await stopServer(name, 'student', sim)) running.delete(name);
    }
  } finally {
    sim.log('7. cleanup');
    await Promise.all(everyone.map((name) => cleanUp(name, sim)));
    await Promise.all(everyone.map((name) => sim.api.deleteUser(name).catch(() => 0)));
  }
}
