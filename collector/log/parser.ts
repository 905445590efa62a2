import { type FamilyKey, familyKey, spawnFailureKey } from '../../lib/catalog';
import type { MetricEmitter } from '../metric-emitter';
import { stripAnsi } from './ansi';
import { AttemptTracker } from './attempts';
import { FailedStarts } from './failed-starts';
import { hubLineTimeMs, newHubPrefix, parseHubPrefix } from './hub-prefix';
import { classifyProxyLine, proxyTagEnd } from './proxy-line';
import { parseRequestLine, type RequestFacts, spawnAnswerUser } from './request-line';
import { type HubRule, matchHubRule } from './rules';
import { StartupChecks } from './startup-checks';

/** Counts of what the parser saw; logged periodically and read by tests and the benchmark. */
export interface ParserStats {
  lines: number;
  hubLines: number;
  requests: number;
  otherAppLines: number;
  proxyLines: number;
  continuation: number;
  stray: number;
  matched: number;
  unclassified: number;
}

export function emptyParserStats(): ParserStats {
  return {
    lines: 0,
    hubLines: 0,
    requests: 0,
    otherAppLines: 0,
    proxyLines: 0,
    continuation: 0,
    stray: 0,
    matched: 0,
    unclassified: 0,
  };
}

const OPEN = 91;
const SPACE = 32;
const TAB = 9;
const CR = 13;
const LEVEL_E = 69;
const LEVEL_C = 67;
const HUB_APP = 'JupyterHub';
const INVALID_STATE = 'InvalidStateError: Exception is not set';

/** A user name as it appears in a request URI (percent-encoded), as the hub's messages write it. */
function decodeUser(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
const REQUEST_MODULE = 'log:';

// Built once: the hot path indexes by status code instead of building a string per line.
const statusKeys: FamilyKey[] = [];
const proxyKeys: FamilyKey[] = [];
for (let code = 100; code < 600; code++) {
  statusKeys[code] = familyKey('requests.status', code);
  proxyKeys[code] = familyKey('proxy.errors', code);
}

/**
 * Turns hub log lines into metrics. One call per line; continuation lines (indented tracebacks,
 * header dumps) belong to the record above and are never parsed as records; unprefixed lines that
 * follow no record are stray stderr of spawned commands.
 */
export class LogParser {
  readonly stats: ParserStats = emptyParserStats();
  private readonly prefix = newHubPrefix();
  private readonly request: RequestFacts = { status: 0, durationMs: 0 };
  private readonly failedStarts = new FailedStarts();
  private readonly startup = new StartupChecks();
  /** The start request whose uncaught exception's traceback is being read (JupyterHub 5.x/6.x exits). */
  private startException: { user: string; at: number } | null = null;

  constructor(
    private readonly out: MetricEmitter,
    readonly attempts: AttemptTracker = new AttemptTracker(),
    /** False when another source already counts requests (never count them twice). */
    private readonly countRequests = true,
  ) {}

  /** Convenience for tests: one line of text. */
  parse(text: string): void {
    this.line(text, 0, text.length);
  }

  line(s: string, start: number, lineEnd: number): void {
    let end = lineEnd;
    if (end > start && s.charCodeAt(end - 1) === CR) end--;
    this.stats.lines++;
    const c0 = end > start ? s.charCodeAt(start) : SPACE;
    if (c0 === SPACE || c0 === TAB) {
      this.stats.continuation++;
      if (this.startException !== null) this.startExceptionTrace(s, start, end);
      return;
    }
    this.startException = null;
    if (c0 === OPEN && parseHubPrefix(s, start, end, this.prefix)) {
      this.hubFormatLine(s, start, end);
      return;
    }
    const tagEnd = proxyTagEnd(s, start, end);
    if (tagEnd !== -1) {
      this.proxyLine(s.slice(tagEnd, end));
      return;
    }
    if (c0 === 27) {
      // A coloured hub prefix (the hub logging to a terminal): strip and retry, rare.
      const plain = stripAnsi(s.slice(start, end));
      if (plain.charCodeAt(0) === OPEN && parseHubPrefix(plain, 0, plain.length, this.prefix)) {
        this.hubFormatLine(plain, 0, plain.length);
        return;
      }
    }
    this.stats.stray++;
  }

  private hubFormatLine(s: string, start: number, end: number): void {
    const p = this.prefix;
    const isHub = p.appEnd - p.appStart === HUB_APP.length && s.startsWith(HUB_APP, p.appStart);
    if (!isHub) {
      // Single-user servers and libraries share the stream; their access lines must not count.
      this.stats.otherAppLines++;
      if (p.level === LEVEL_E || p.level === LEVEL_C) this.unclassified();
      return;
    }
    this.stats.hubLines++;
    if (s.startsWith(REQUEST_MODULE, p.moduleStart)) {
      if (parseRequestLine(s, p.msgStart, end, this.request)) {
        this.stats.requests++;
        if (this.countRequests) {
          const key = statusKeys[this.request.status];
          if (key !== undefined) this.out.count(key, 1);
          this.out.timing('requests.duration', this.request.durationMs);
          if (this.request.status >= 500) this.spawnAnswer(s, start, p.msgStart, end);
        }
        if (this.startup.running) this.startRequest(s, p.msgStart, end);
        return;
      }
      // The header dump that precedes a 5xx access line (`log:178] {`).
      if (s.charCodeAt(p.msgStart) === 123) return;
    }
    const match = matchHubRule(s.slice(p.msgStart, end));
    if (match) {
      this.stats.matched++;
      this.apply(match.rule, match.user, match.seconds, s, start);
      return;
    }
    if (p.level === LEVEL_E || p.level === LEVEL_C) this.unclassified();
  }

  private apply(rule: HubRule, user: string | undefined, seconds: number | undefined, s: string, start: number): void {
    const effect = rule.effect;
    switch (effect.kind) {
      case 'count':
        this.out.count(effect.key, 1);
        return;
      case 'spawn-success':
        if (user !== undefined) this.settled(user);
        this.out.count('spawns.success', 1);
        if (seconds !== undefined) this.out.timing('spawns.duration', Math.round(seconds * 1000));
        return;
      case 'server-ended':
        if (user !== undefined) this.settled(user);
        this.out.count(effect.key, 1);
        return;
      case 'spawn-failure': {
        // the start-up check's own wait for a silent server, no start: its death is counted below
        if (effect.reason === 'http_timeout' && user !== undefined && this.startup.isCheckTimeout(user)) return;
        const at = hubLineTimeMs(s, start) ?? Date.now();
        const counts = user === undefined || this.attempts.failure(user, effect.reason, at);
        if (counts) this.out.count(spawnFailureKey(effect.reason), 1);
        if (counts && user !== undefined) this.failedStarts.failed(user, at);
        return;
      }
      case 'start-exception':
        if (user !== undefined) this.startException = { user: decodeUser(user), at: hubLineTimeMs(s, start) ?? Date.now() };
        return;
      case 'found-dead':
        if (user !== undefined) this.settled(user);
        if (user === undefined || this.startup.firstDeath(user)) this.out.count('servers.crashed', 1);
        return;
      case 'hub-starting':
        this.startup.hubStarting();
        return;
      case 'spawners-initialized':
        this.startup.initialized();
        return;
      case 'known':
        return;
    }
  }

  /** During the hub's start-up check: a start someone asked for, whose timeout is a real failure. */
  private startRequest(s: string, msgStart: number, end: number): void {
    const user = spawnAnswerUser(s, msgStart, end);
    if (user !== null) this.startup.startRequested(decodeUser(user));
  }

  /**
   * JupyterHub 5.x/6.x's check for an exited process fails with InvalidStateError (the future it asks
   * is still pending): that traceback is the hub's only word that the process exited. The attempt
   * then stays open until `never showed up`, exactly as after `Spawner failed to start [status=N]`.
   */
  private startExceptionTrace(s: string, start: number, end: number): void {
    const failure = this.startException;
    // only while such a traceback is read (a few lines), so the slice costs nothing on the hot path
    if (failure === null || !s.slice(start, end).includes(INVALID_STATE)) return;
    this.startException = null;
    this.stats.matched++;
    if (!this.attempts.failure(failure.user, 'exited', failure.at)) return;
    this.out.count('spawns.failure.exited', 1);
    this.failedStarts.failed(failure.user, failure.at);
  }

  /** A 5xx that answered a start already counted as failed is that failure, seen again. */
  private spawnAnswer(s: string, start: number, msgStart: number, end: number): void {
    const user = spawnAnswerUser(s, msgStart, end);
    if (user !== null && this.failedStarts.answered(user, hubLineTimeMs(s, start) ?? Date.now())) {
      this.out.count('requests.spawn_5xx', 1);
    }
  }

  private settled(user: string): void {
    this.attempts.settled(user);
    this.failedStarts.settled(user);
  }

  private proxyLine(rest: string): void {
    this.stats.proxyLines++;
    const line = classifyProxyLine(rest);
    if (line.kind === 'proxy-error') {
      this.stats.matched++;
      const key = proxyKeys[line.status];
      if (key !== undefined) this.out.count(key, 1);
    } else if (line.kind === 'unclassified') {
      this.unclassified();
    }
  }

  private unclassified(): void {
    this.stats.unclassified++;
    this.out.count('errors.unclassified', 1);
  }
}
