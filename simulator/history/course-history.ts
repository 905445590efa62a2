import type { Writable } from 'node:stream';
import { FAULTS, type Fault, faultyName, studentName } from '../names';
import { createRandom, type Random } from '../random';
import { loadTemplates, render, TEMPLATE_KINDS, type TemplateKind, type Templates } from './line-templates';

/**
 * A course-shaped hub's past as its log: lectures on weekdays (a wave of logins and starts at the
 * start of each), study through the day, quiet nights, a few students with each kind of failure,
 * and deployments (the hub's start-up lines) of which one may make starts slower and fail more.
 * Seeded, with the simulator's names and the real hub's lines (line-templates.ts); all times UTC.
 */

export interface HistoryDeployment {
  atMs: number;
  /** The start-up's `Using Spawner:` / `Using Authenticator:` as the log will say them. */
  spawner?: string;
  authenticator?: string;
  /** From here on starts take this many times as long and fail this much more often. */
  slower?: number;
  failMore?: number;
}

export interface HistoryPlan {
  seed: number;
  version: string;
  fromMs: number;
  untilMs: number;
  students: number;
  tag: string;
  deployments: readonly HistoryDeployment[];
}

export interface HistoryCounts {
  lines: number;
  /** Records written, by kind (what the parser must count). */
  written: Record<TemplateKind, number>;
  sessions: number;
  starts: number;
  failures: Record<Fault | 'slow', number>;
}

interface Event {
  ms: number;
  text: string;
  kind: TemplateKind;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LECTURE_HOURS = [9, 11, 14, 16];
const PING_MS = 5 * 60_000;

function stamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

class Day {
  readonly events: Event[] = [];
  constructor(
    private readonly t: Templates,
    readonly random: Random,
  ) {}

  add(ms: number, kind: TemplateKind, user?: string, s?: string): void {
    const ms2 = Math.floor(ms);
    const text = render(this.t[kind], { ts: stamp(ms2), user, s, ms: (3 + this.random.next() * 40).toFixed(2) });
    this.events.push({ ms: ms2, text, kind });
  }
}

/** Writes the history; resolves with what it wrote. */
export async function writeHistory(plan: HistoryPlan, out: Writable): Promise<HistoryCounts> {
  const t = loadTemplates(plan.version);
  const random = createRandom(plan.seed);
  const written = Object.fromEntries(TEMPLATE_KINDS.map((kind) => [kind, 0])) as Record<TemplateKind, number>;
  const counts: HistoryCounts = { lines: 0, written, sessions: 0, starts: 0, failures: { broken: 0, hang: 0, mute: 0, crash: 0, slow: 0 } };
  const deployments = [...plan.deployments].sort((a, b) => a.atMs - b.atMs);
  let pending: Event[] = [];
  const busyUntil = new Map<number, number>();

  const effect = (ms: number) => {
    let slower = 1;
    let failMore = 0;
    for (const d of deployments) {
      if (d.atMs > ms) break;
      slower = d.slower ?? slower;
      failMore = d.failMore ?? failMore;
    }
    return { slower, failMore };
  };

  const session = (day: Day, start: number, student: number, lengthMs: number) => {
    if ((busyUntil.get(student) ?? 0) > start || start < plan.fromMs || start >= plan.untilMs) return;
    const r = day.random;
    const user = studentName(student, plan.tag);
    counts.sessions++;
    let at = start;
    if (r.chance(0.04)) {
      day.add(at, 'loginFail', user);
      at += 4000 + r.next() * 8000;
    }
    day.add(at, 'loginOk', user);
    day.add(at + 2, 'loginRequest', user);
    at += 500 + r.next() * 1500;
    day.add(at, 'spawnRequest', user);
    counts.starts++;
    const { slower, failMore } = effect(at);
    if (r.chance(failMore)) {
      counts.failures.slow++;
      day.add(at + 10_000, 'failTimeout', user);
      busyUntil.set(student, at + 10_000);
      return;
    }
    const seconds = (1.5 + 3 * r.next() ** 2) * slower;
    at += seconds * 1000;
    day.add(at, 'spawnOk', user, seconds.toFixed(3));
    day.add(at + 1, 'proxyAdd', user);
    const end = Math.min(at + lengthMs, plan.untilMs - 1000);
    for (let ping = at + PING_MS; ping < end; ping += PING_MS) day.add(ping + r.next() * 1000, 'request', user);
    busyUntil.set(student, end + 2000);
    if (end >= plan.untilMs - 1000) return;
    if (r.chance(0.02)) day.add(end, 'crashed', user);
    else day.add(end, 'stopOk', user, (0.9 + r.next() * 0.5).toFixed(3));
  };

  const faulty = (day: Day, at: number, fault: Fault, index: number) => {
    // Whole episodes only: one split by the range's edge would be half an attempt.
    if (at < plan.fromMs || at + 20_000 >= plan.untilMs) return;
    const user = faultyName(fault, index, plan.tag);
    day.add(at, 'loginOk', user);
    day.add(at + 2, 'loginRequest', user);
    day.add(at + 800, 'spawnRequest', user);
    counts.starts++;
    counts.failures[fault]++;
    if (fault === 'broken') day.add(at + 900, 'failError', user);
    else if (fault === 'hang') day.add(at + 10_800, 'failTimeout', user);
    else if (fault === 'mute') day.add(at + 15_800, 'failHttpTimeout', user);
    else {
      // The process exits: the hub says so, then gives up waiting for it (one attempt, counted once).
      day.add(at + 5_800, 'failExited', user);
      day.add(at + 15_800, 'failHttpTimeout', user);
    }
  };

  const startUp = (day: Day, d: HistoryDeployment | null, at: number, spawner: string, authenticator: string) => {
    day.add(at, 'running');
    const using = (kind: 'usingSpawner' | 'usingAuthenticator', value: string) =>
      day.events.push({ ms: at, kind, text: render(t[kind], { ts: stamp(at) }).replace(/: .*$/, `: ${value}`) });
    using('usingAuthenticator', d?.authenticator ?? authenticator);
    using('usingSpawner', d?.spawner ?? spawner);
    day.add(at, 'usingProxy');
  };

  const baseSpawner = /Using Spawner: (.*)$/.exec(t.usingSpawner[0] ?? '')?.[1] ?? 'spawner';
  const baseAuth = /Using Authenticator: (.*)$/.exec(t.usingAuthenticator[0] ?? '')?.[1] ?? 'authenticator';
  let spawner = baseSpawner;
  let authenticator = baseAuth;

  for (let dayStart = Math.floor(plan.fromMs / DAY) * DAY; dayStart < plan.untilMs; dayStart += DAY) {
    const day = new Day(t, random);
    if (dayStart <= plan.fromMs) startUp(day, null, plan.fromMs, spawner, authenticator);
    for (const d of deployments) {
      if (d.atMs >= dayStart && d.atMs < dayStart + DAY && d.atMs >= plan.fromMs && d.atMs < plan.untilMs) {
        startUp(day, d, d.atMs, spawner, authenticator);
        spawner = d.spawner ?? spawner;
        authenticator = d.authenticator ?? authenticator;
      }
    }
    const weekday = new Date(dayStart).getUTCDay();
    const lectures = weekday >= 1 && weekday <= 5 ? LECTURE_HOURS : [];
    for (const hour of lectures) {
      const begin = dayStart + hour * HOUR;
      for (let s = 1; s <= plan.students; s++) {
        if (random.chance(0.5))
          session(day, begin - 5 * 60_000 + random.next() * 12 * 60_000, s, 75 * 60_000 + random.next() * 20 * 60_000);
      }
      if (random.chance(0.5)) day.add(begin + random.next() * 120_000, 'throttled');
    }
    // Study through the day, a trickle at night: a Poisson stream of sessions.
    for (let at = dayStart; at < dayStart + DAY; ) {
      const hour = new Date(at).getUTCHours();
      const perHour = plan.students * (hour >= 8 && hour < 22 ? 0.25 : 0.02);
      at += (-Math.log(1 - random.next()) / perHour) * HOUR;
      if (at < dayStart + DAY && at >= plan.fromMs)
        session(day, at, random.int(1, plan.students), 20 * 60_000 + random.next() * 60 * 60_000);
    }
    // A few students with each kind of failure, in the daytime.
    for (const fault of FAULTS) {
      const n = random.int(0, 2);
      for (let i = 0; i < n; i++) faulty(day, dayStart + (9 + random.next() * 9) * HOUR, fault, random.int(1, 3));
    }
    if (lectures.length > 0 && random.chance(0.3)) day.add(dayStart + (14 + random.next()) * HOUR, 'limited');

    const all = pending.concat(day.events.filter((e) => e.ms >= plan.fromMs && e.ms < plan.untilMs));
    all.sort((a, b) => a.ms - b.ms);
    const cut = dayStart + DAY;
    const now = all.filter((e) => e.ms < cut);
    pending = all.filter((e) => e.ms >= cut);
    counts.lines += await write(out, now, written);
  }
  counts.lines += await write(out, pending, written);
  return counts;
}

async function write(out: Writable, events: readonly Event[], written: Record<TemplateKind, number>): Promise<number> {
  if (events.length === 0) return 0;
  let lines = 0;
  let text = '';
  for (const e of events) {
    text += `${e.text}\n`;
    written[e.kind]++;
    lines += 1 + (e.text.match(/\n/g)?.length ?? 0);
    if (text.length > 1 << 20) {
      if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      text = '';
    }
  }
  if (text !== '' && !out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  return lines;
}
