import { cleanUp, crashServer, login, type Sim, spawnInBrowser, spawnViaApi, stopServer } from './actions';
import { BrowserStudent } from './browser';
import { sleep } from './hub-api';
import { FAULTS, faultyName, studentName } from './names';
import type { Random } from './random';

export type LoopOptions = {
  hubUrl: string;
  tag: string;
  students: number;
  /** 0 = until stopped */
  waves: number;
  requestTimeoutMs: number;
  /** seconds a lecture lasts between the first click and "everybody stops" */
  lectureSeconds: [number, number];
  /** the chance that one running server crashes during a lecture */
  crashChance: number;
  /** seconds between lectures */
  breakSeconds: [number, number];
};

/**
 * The demo: lectures forever (or --waves N). Each lecture a random part of the class arrives
 * within a few seconds, some mistype, throttled students click again, now and then a fault user
 * tries, a server crashes; at the end everybody stops. Seeded, so --seed replays the choices.
 */
export async function runLoop(sim: Sim, options: LoopOptions, random: Random): Promise<void> {
  const roster = Array.from({ length: options.students }, (_, i) => studentName(i + 1, options.tag));
  const touched = new Set<string>();
  try {
    for (let wave = 1; options.waves === 0 || wave <= options.waves; wave += 1) {
      if (sim.signal.aborted) break;
      // a demo whose hub was stopped (or whose parent died without passing the signal on) ends
      // here instead of failing every request forever
      const reachable = await sim.api.checkAccess().then(
        () => true,
        (error: unknown) => {
          sim.log(`stopping: ${error instanceof Error ? error.message : String(error)}`);
          return false;
        },
      );
      if (!reachable) break;
      sim.log(`lecture ${wave}`);
      await lecture(sim, options, random, roster, touched);
      if (sim.signal.aborted || wave === options.waves) break;
      await sleep(random.int(...options.breakSeconds) * 1000, sim.signal);
    }
  } finally {
    sim.log('cleanup: stopping the servers this run started');
    await Promise.all([...touched].map((name) => cleanUp(name, sim)));
  }
}

async function lecture(sim: Sim, options: LoopOptions, random: Random, roster: string[], touched: Set<string>): Promise<void> {
  const present = roster.filter(() => random.chance(0.8));
  const running = new Set<string>();

  const attend = async (name: string): Promise<void> => {
    await sleep(random.int(0, 4000), sim.signal); // a lecture starts: everybody within a few seconds
    if (sim.signal.aborted) return;
    const student = new BrowserStudent(options.hubUrl, name, options.requestTimeoutMs);
    touched.add(name);
    if (random.chance(0.15)) await login(student, `${sim.password}x`, sim);
    if ((await login(student, sim.password, sim)) !== 'success') return;
    for (let attempt = 0; attempt < 3 && !sim.signal.aborted; attempt += 1) {
      const outcome = await spawnInBrowser(student, sim);
      if (outcome === 'success') running.add(name);
      if (outcome !== 'throttled') return;
      await sleep(random.int(3000, 8000), sim.signal); // "try again in N seconds": they do, sooner
    }
  };

  const fault = async (): Promise<void> => {
    if (!random.chance(0.5)) return;
    await sleep(random.int(2000, 10000), sim.signal);
    if (sim.signal.aborted) return;
    const name = faultyName(random.pick(FAULTS), random.int(1, 3), options.tag);
    touched.add(name);
    await sim.api.createUsers([name]).catch(() => undefined);
    await spawnViaApi(name, sim);
  };

  await Promise.all([...present.map(attend), fault()]);

  const lectureMs = random.int(...options.lectureSeconds) * 1000;
  const crashAt = random.chance(options.crashChance) ? random.int(0, lectureMs) : -1;
  if (crashAt >= 0) {
    await sleep(crashAt, sim.signal);
    const victim = [...running][random.int(0, Math.max(0, running.size - 1))];
    if (victim !== undefined && !sim.signal.aborted && (await crashServer(victim, sim))) running.delete(victim);
    await sleep(lectureMs - crashAt, sim.signal);
  } else {
    await sleep(lectureMs, sim.signal);
  }
  if (sim.signal.aborted) return;
  await Promise.all([...running].map((name) => stopServer(name, 'lecture-end', sim)));
}
