/**
 * The hub's start-ups as its log tells them: `Running JupyterHub version X`, then within a second
 * `Using Authenticator: ...`, `Using Spawner: ...`, `Using Proxy: ...`. Each start-up after the
 * first is a deployment when one of these changed, else a restart, at the time the log gives.
 * The first one is only the baseline, as for the live collector: what ran before it is unknown.
 */

export interface StartUp {
  /** Epoch seconds. */
  at: number;
  version: string;
  authenticator: string | null;
  spawner: string | null;
  proxy: string | null;
}

export interface PastDeployment {
  kind: 'deploy' | 'restart';
  what: string;
  when: number;
  version: string;
}

const RUNNING = 'Running JupyterHub version ';
const USING: ReadonlyArray<readonly [string, 'authenticator' | 'spawner' | 'proxy']> = [
  ['Using Authenticator: ', 'authenticator'],
  ['Using Spawner: ', 'spawner'],
  ['Using Proxy: ', 'proxy'],
];
/** "Using ..." lines belong to the start-up line at most this long before them. */
const USING_WITHIN_S = 60;
const WHAT_MAX = 255;

export class StartUpLog {
  readonly startUps: StartUp[] = [];

  /** A hub line's message (after the prefix) at `ms`; cheap for every other line. */
  message(s: string, msgStart: number, end: number, ms: number): void {
    const c = s.charCodeAt(msgStart);
    if (c === 82 && s.startsWith(RUNNING, msgStart)) {
      const version = s.slice(msgStart + RUNNING.length, end).trim();
      if (version !== '') this.startUps.push({ at: Math.floor(ms / 1000), version, authenticator: null, spawner: null, proxy: null });
      return;
    }
    if (c !== 85 || !s.startsWith('Using ', msgStart)) return;
    const last = this.startUps.at(-1);
    if (last === undefined || ms / 1000 - last.at > USING_WITHIN_S) return;
    for (const [phrase, field] of USING) {
      if (s.startsWith(phrase, msgStart)) last[field] = s.slice(msgStart + phrase.length, end).trim();
    }
  }
}

function changes(before: StartUp, after: StartUp): string[] {
  const out: string[] = [];
  if (before.version !== after.version) out.push(`JupyterHub ${before.version} -> ${after.version}`);
  for (const field of ['spawner', 'authenticator', 'proxy'] as const) {
    const a = before[field];
    const b = after[field];
    if (a !== null && b !== null && a !== b) out.push(`${field} ${a} -> ${b}`);
  }
  return out;
}

/** Deployments and restarts from consecutive start-ups (oldest first). */
export function pastDeployments(startUps: readonly StartUp[]): PastDeployment[] {
  const sorted = [...startUps].sort((a, b) => a.at - b.at);
  const out: PastDeployment[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1];
    const after = sorted[i];
    if (before === undefined || after === undefined || after.at === before.at) continue;
    const changed = changes(before, after);
    out.push(
      changed.length > 0
        ? { kind: 'deploy', what: changed.join('; ').slice(0, WHAT_MAX), when: after.at, version: after.version }
        : { kind: 'restart', what: `JupyterHub ${after.version} restarted`, when: after.at, version: after.version },
    );
  }
  return out;
}
