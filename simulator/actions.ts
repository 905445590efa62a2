import type { BrowserStudent } from './browser';
import type { HubAnswer, HubApi, ServerView } from './hub-api';
import type { Ledger, SpawnOutcome } from './ledger';
import { classifyProgressEnd, classifySpawnAnswer, type SpawnAnswer } from './outcome';

/** What every action needs: the hub, the ledger, and how long to wait for the hub to settle. */
export type Sim = {
  api: HubApi;
  ledger: Ledger;
  password: string;
  /** upper bound for a spawn/stop/crash to be resolved by the hub (timeouts + poll interval + margin) */
  settleMs: number;
  log: (message: string) => void;
  signal: AbortSignal;
};

const gone = (view: ServerView | null): boolean => view === null;
const settled = (view: ServerView | null): boolean => view === null || view.pending === null;

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The hub's own words from an answer: the JSON `message`, or the error paragraph of an HTML page. */
export function answerMessage(answer: HubAnswer): string | undefined {
  try {
    const parsed: unknown = JSON.parse(answer.body);
    if (typeof parsed === 'object' && parsed !== null && 'message' in parsed && typeof parsed.message === 'string') {
      return parsed.message.slice(0, 200);
    }
  } catch {
    // not JSON: a page from the browser flow
  }
  const text = answer.body.match(/(Too many users[^<]*|Active user limit exceeded[^<]*|Unhandled error[^<]*)/)?.[1];
  return text?.trim().slice(0, 200);
}

export async function login(student: BrowserStudent, password: string, sim: Sim): Promise<'success' | 'failure' | 'unknown'> {
  let status = 0;
  let outcome: 'success' | 'failure' | 'unknown' = 'unknown';
  try {
    const answer = await student.login(password);
    status = answer.status;
    if (answer.status === 302) outcome = 'success';
    // the form again with the message: 200 up to JupyterHub 4, 403 from 5.0 on
    else if ((answer.status === 200 || answer.status === 403) && /Invalid username or password/i.test(answer.body)) {
      outcome = 'failure';
    }
  } catch (error) {
    sim.log(`login failed on our side: ${describeError(error)}`);
  }
  sim.ledger.record({ kind: 'login', user: student.name, outcome, status });
  return outcome;
}

/**
 * A 500 that does not name the exit status: JupyterHub 5.x/6.x answer a start whose process exited
 * with a plain 500 (its "Spawner failed to start [status=N]" check itself fails) while the spawn
 * still waits for the dead process until http_timeout. A spawn still pending after the answer is
 * that exited process; one that is over was a start() that raised (the `broken` case).
 */
async function exitedOrError(sim: Sim, user: string, server: string): Promise<SpawnOutcome> {
  const view = await sim.api.server(user, server).catch(() => null);
  return view?.pending === 'spawn' ? 'exited' : 'error';
}

/** Reads a spawn through to its end and records one ledger entry for the attempt. */
async function finishSpawn(
  sim: Sim,
  user: string,
  via: 'browser' | 'api',
  started: number,
  answer: HubAnswer,
  server = '',
): Promise<SpawnOutcome> {
  const first: SpawnAnswer = classifySpawnAnswer(answer.status, answer.body, answer.location);
  let outcome: SpawnOutcome;
  let message = answerMessage(answer);
  if (first === 'pending') {
    let end = null;
    try {
      end = await sim.api.progressEnd(user, server);
    } catch (error) {
      sim.log(`progress of a spawn: ${describeError(error)}`);
    }
    if (end !== null) {
      outcome = classifyProgressEnd(end);
      message = end.message?.slice(0, 200) ?? message;
    } else {
      // the stream was refused (spawn already over): only a ready server is certain
      const view = await sim.api.server(user, server).catch(() => null);
      outcome = view?.ready === true ? 'success' : 'unknown';
    }
  } else {
    outcome = first;
    if (first === 'error' && answer.status === 500) outcome = await exitedOrError(sim, user, server);
  }
  if (outcome !== 'success' && outcome !== 'throttled' && outcome !== 'limited' && outcome !== 'rejected') {
    // an exited process stays pending until http_timeout: wait, so the hub's last word on it is logged
    await sim.api.waitFor(user, settled, sim.settleMs, 500, server).catch((error: unknown) => {
      sim.log(`failed spawn did not settle: ${describeError(error)}`);
    });
  }
  const seconds = Math.round((Date.now() - started) / 10) / 100;
  sim.ledger.record({ kind: 'spawn', user, ...named(server), via, outcome, status: answer.status, message, seconds });
  return outcome;
}

export async function spawnInBrowser(student: BrowserStudent, sim: Sim): Promise<SpawnOutcome> {
  const started = Date.now();
  try {
    return await finishSpawn(sim, student.name, 'browser', started, await student.spawn());
  } catch (error) {
    return recordUnknownSpawn(sim, student.name, 'browser', started, error);
  }
}

/** `server`: a named server (`allow_named_servers`), `''` the default one. */
export async function spawnViaApi(name: string, sim: Sim, server = ''): Promise<SpawnOutcome> {
  const started = Date.now();
  try {
    return await finishSpawn(sim, name, 'api', started, await sim.api.spawn(name, server), server);
  } catch (error) {
    return recordUnknownSpawn(sim, name, 'api', started, error, server);
  }
}

/** The ledger names a named server; the default server's entries stay as they always were. */
function named(server: string): { server?: string } {
  return server === '' ? {} : { server };
}

function recordUnknownSpawn(sim: Sim, user: string, via: 'browser' | 'api', started: number, error: unknown, server = ''): SpawnOutcome {
  sim.log(`spawn request failed on our side: ${describeError(error)}`);
  const seconds = Math.round((Date.now() - started) / 10) / 100;
  sim.ledger.record({ kind: 'spawn', user, ...named(server), via, outcome: 'unknown', status: 0, message: describeError(error), seconds });
  return 'unknown';
}

/**
 * Kills a running server's process (SIGKILL, pid from the server state the simulator's token may
 * read) and waits until the hub's poll has noticed. Needs the simulator on the hub's host.
 * Returns false, recording nothing, when there is no running server to crash.
 */
export async function crashServer(name: string, sim: Sim, server = ''): Promise<boolean> {
  const view = await sim.api.server(name, server);
  if (view === null || !view.ready || view.pid === null) return false;
  if (!signalProcess(view.pid, 'SIGKILL', sim)) return false;
  await noticedCrash(sim, name, server, view.pid, 'poll');
  return true;
}

/** SIGKILL ends a server as the kernel's OOM killer would; SIGSTOP freezes it (there, but silent). */
export function signalProcess(pid: number, signal: 'SIGKILL' | 'SIGSTOP', sim: Sim): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch (error) {
    sim.log(`could not kill a server process: ${describeError(error)}`);
    return false;
  }
}

/** Waits until the hub no longer lists the killed server, then records the crash. */
export async function noticedCrash(sim: Sim, name: string, server: string, pid: number, found: 'poll' | 'hub-start'): Promise<void> {
  let outcome: 'crashed' | 'unknown' = 'crashed';
  try {
    await sim.api.waitFor(name, gone, sim.settleMs, 500, server);
  } catch (error) {
    outcome = 'unknown';
    sim.log(`the hub did not notice a crash: ${describeError(error)}`);
  }
  sim.ledger.record({ kind: 'crash', user: name, ...named(server), outcome, pid, ...(found === 'poll' ? {} : { found }) });
}

/**
 * Stops a running server through the REST API. Only a ready server is stopped: a DELETE on a
 * server that is not running also answers 204 but stops (and logs) nothing.
 */
export async function stopServer(name: string, reason: string, sim: Sim, server = ''): Promise<boolean> {
  const view = await sim.api.server(name, server);
  if (view === null || !view.ready) return false;
  let status = 0;
  let outcome: 'stopped' | 'unknown' = 'unknown';
  try {
    status = await sim.api.stop(name, server);
    if (status === 204 || status === 202) {
      await sim.api.waitFor(name, gone, sim.settleMs, 500, server);
      outcome = 'stopped';
    }
  } catch (error) {
    sim.log(`stop failed: ${describeError(error)}`);
  }
  sim.ledger.record({ kind: 'stop', user: name, ...named(server), outcome, status, reason });
  return true;
}

/** Waits out any pending start/stop, then stops the server if it runs. For the end of a run. */
export async function cleanUp(name: string, sim: Sim, server = ''): Promise<void> {
  try {
    await sim.api.waitFor(name, settled, sim.settleMs, 500, server);
    await stopServer(name, 'cleanup', sim, server);
  } catch (error) {
    sim.log(`cleanup of a server: ${describeError(error)}`);
  }
}
