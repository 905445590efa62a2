import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SPAWN_FAILURE_REASONS, spawnFailureKey } from '../../lib/catalog';
import { readCapture } from '../fixtures/captures';
import { SAMPLES_DIR } from '../fixtures/samples-dir';
import { MemoryEmitter } from '../metric-emitter';
import { LineSplitter } from './line-splitter';
import { LogParser } from './parser';
import { HUB_RULES, matchHubRule } from './rules';

const SAMPLES = SAMPLES_DIR;
const logBytes = readFileSync(join(SAMPLES, 'hub-run1.log'));
const logText = logBytes.toString('utf8');
const scenario = readFileSync(join(SAMPLES, 'SCENARIO.md'), 'utf8');

/** A number SCENARIO.md states, found by the words before it. */
function stated(pattern: RegExp): number {
  const m = pattern.exec(scenario);
  assert.ok(m?.[1], `SCENARIO.md no longer states ${pattern}`);
  return Number(m[1]);
}

function parseBytes(bytes: Buffer, chunk = 4096): { out: MemoryEmitter; parser: LogParser } {
  const out = new MemoryEmitter();
  const parser = new LogParser(out);
  const splitter = new LineSplitter(parser);
  for (let i = 0; i < bytes.length; i += chunk) splitter.push(bytes.subarray(i, i + chunk));
  splitter.flushPartial();
  return { out, parser };
}

function parseLines(lines: string[]): MemoryEmitter {
  return parseBytes(Buffer.from(`${lines.join('\n')}\n`, 'utf8')).out;
}

describe('parser on the real JupyterHub 3.0 capture (hub-run1.log) against SCENARIO.md', () => {
  const { out, parser } = parseBytes(logBytes, 777);

  it('counts logins as the scenario did', () => {
    assert.equal(out.counter('logins.success'), stated(/User logged in (\d+)/));
    assert.equal(out.counter('logins.failure'), stated(/Failed login (\d+)/));
  });

  it('counts successful spawns and their durations', () => {
    assert.equal(out.counter('spawns.success'), stated(/\| successful spawns \| (\d+) \|/));
    const fromLog = [...logText.matchAll(/User \S+ took (\d+\.\d+) seconds to start/g)].map((m) => Math.round(Number(m[1]) * 1000));
    assert.deepEqual(out.timers.get('spawns.duration'), fromLog);
  });

  it('counts each failed attempt once, under one reason', () => {
    const neverShowedUp = stated(/`never showed up` (\d+)/);
    const exitedLines = stated(/`500 \.\.\. Spawner failed to start \[status=` (\d+)/);
    assert.equal(out.counter('spawns.failure.error'), stated(/`Unhandled error starting` (\d+)/));
    assert.equal(out.counter('spawns.failure.timeout'), stated(/`failed to start in N seconds` (\d+)/));
    assert.equal(out.counter('spawns.failure.exited'), exitedLines);
    // crash1 logs both lines; its `never showed up` belongs to the exited attempt.
    assert.equal(out.counter('spawns.failure.http_timeout'), neverShowedUp - exitedLines);
    const failures = SPAWN_FAILURE_REASONS.reduce((n, r) => n + out.counter(spawnFailureKey(r)), 0);
    assert.equal(failures, stated(/\| spawn failures \| (\d+) attempts/));
    assert.equal(parser.attempts.size, 0, 'no attempt left open at the end of the run');
  });

  it('counts throttling, crashes and stops', () => {
    assert.equal(out.counter('spawns.throttled'), stated(/`pending spawns, throttling` (\d+)/));
    assert.equal(out.counter('spawns.limited'), 0);
    assert.equal(out.counter('servers.crashed'), stated(/`server stopped, with exit code` (\d+)/));
    assert.equal(out.counter('servers.stopped'), stated(/`took N seconds to stop` (\d+)/));
  });

  it('counts hub request lines per status code, and only JupyterHub ones', () => {
    const perCode = new Map<number, number>();
    for (const m of logText.matchAll(/^\[\w [\d-]+ [\d:.]+ JupyterHub log:\d+\] (\d{3}) [A-Z]+ /gm)) {
      const code = Number(m[1]);
      perCode.set(code, (perCode.get(code) ?? 0) + 1);
    }
    for (const [code, n] of perCode) assert.equal(out.counter(`requests.status.${code}`), n, `status ${code}`);
    const emittedCodes = [...out.counters.keys()].filter((k) => k.startsWith('requests.status.'));
    assert.equal(emittedCodes.length, perCode.size);
    const cls = (lo: number, hi: number) => [...perCode].filter(([c]) => c >= lo && c < hi).reduce((n, [, v]) => n + v, 0);
    assert.equal(cls(200, 300), stated(/2xx (\d+)/));
    assert.equal(cls(300, 400), stated(/3xx (\d+)/));
    for (const code of [400, 403, 404, 424, 429, 500]) {
      assert.equal(perCode.get(code), stated(new RegExp(`[ ,]${code} (\\d+)[,| ]`)), `SCENARIO ${code}`);
    }
    const total = [...perCode.values()].reduce((a, b) => a + b, 0);
    assert.equal(out.timers.get('requests.duration')?.length, total);
    // Single-user servers also log `log:186] 302 GET ...`: present in the file, not counted.
    assert.ok(/SingleUserNotebookApp log:186\] 302 GET/.test(logText));
  });

  it('counts the 5xx answers to server starts as requests.spawn_5xx (each also under its failure reason)', () => {
    const answers = [...logText.matchAll(/JupyterHub log:\d+\] 5\d\d POST \/hub\/api\/users\/[^/ ]+\/server \(.*ms$/gm)].length;
    assert.equal(answers, 2, 'broken1 (error) and crash1 (exited) were answered with 500');
    assert.equal(out.counter('requests.spawn_5xx'), answers);
    assert.equal(out.counter('requests.spawn_5xx'), out.counter('spawns.failure.error') + out.counter('spawns.failure.exited'));
  });

  it('counts proxy errors from ANSI-coloured CHP lines', () => {
    assert.equal(out.counter('proxy.errors.503'), stated(/CHP 503 (\d+)/));
  });

  it('recognises every ERROR line of the run (nothing unclassified), keeps tracebacks as continuation', () => {
    assert.equal(out.counter('errors.unclassified'), 0);
    assert.equal(parser.stats.lines, logText.split('\n').length - 1);
    assert.ok(parser.stats.continuation > 100);
    assert.equal(parser.stats.stray, 1, 'the crash1 command printed one unprefixed stderr line');
  });

  it('never puts a user name into a metric key', () => {
    const users = (JSON.parse(readFileSync(join(SAMPLES, 'api-users.json'), 'utf8')) as Array<{ name: string }>).map((u) => u.name);
    users.push('mallory', 'grace', 'heidi');
    const keys = [...out.counters.keys(), ...out.timers.keys(), ...out.gauges.keys()];
    for (const key of keys) for (const u of users) assert.ok(!key.includes(u), `${key} contains ${u}`);
  });
});

describe('rule table', () => {
  it('matches each example with its own rule', () => {
    for (const rule of HUB_RULES) {
      for (const example of rule.examples) assert.equal(matchHubRule(example)?.rule.id, rule.id, example);
    }
  });

  it('ignores ordinary hub info lines', () => {
    for (const msg of [
      'Spawning /usr/bin/jupyterhub-singleuser --allow-root',
      'alice is pending spawn',
      'Adding role user for User: bob',
    ]) {
      assert.equal(matchHubRule(msg), null, msg);
    }
  });
});

/** Lines `first..last` (1-based, inclusive) of a version's real capture (collector/fixtures/jupyterhub-<v>/once-hub.log). */
function captured(version: string, first: number, last = first): string[] {
  return readCapture(version)
    .log.toString('utf8')
    .split('\n')
    .slice(first - 1, last);
}

function captureLine(version: string, pattern: RegExp): string {
  const line = readCapture(version)
    .log.toString('utf8')
    .split('\n')
    .find((l) => pattern.test(l));
  assert.ok(line, `${version}: no line matches ${pattern}`);
  return line;
}

describe('JupyterHub 4.x-6.x formats (lines from the real captures)', () => {
  it('counts request lines from log:192, with the redirect arrow, the 403 of a failed login and a 429', () => {
    const lines = [
      captureLine('4.1.6', /JupyterHub log:192\] 200 GET \/hub\/api\/users\?limit=1 /),
      captureLine('5.5.4', /JupyterHub log:192\] 403 POST \/hub\/login /),
      captureLine('5.5.4', /JupyterHub log:192\] 302 POST \/hub\/login -> \/hub\/spawn /),
      captureLine('6.1.1', /JupyterHub log:192\] 429 GET \/hub\/spawn /),
    ];
    const out = parseLines(lines);
    for (const code of [200, 403, 302, 429]) assert.equal(out.counter(`requests.status.${code}`), 1, `${code}`);
    const durations = lines.map((l) => Number(/ ([\d.]+)ms$/.exec(l)?.[1]));
    assert.deepEqual(out.timers.get('requests.duration'), durations);
  });

  it('5.x/6.x: a process that exited is one failed attempt (exited) and its 500 is requests.spawn_5xx', () => {
    // 6.1.1: the hub's own exit check raises InvalidStateError; the 500 follows; `never showed up` 10 s later
    const exited = [...captured('6.1.1', 440, 469), ...captured('6.1.1', 504)];
    assert.match(exited[0] ?? '', /Uncaught exception POST \/hub\/api\/users\/crash1-tpcyty\/server/);
    assert.match(exited.at(-1) ?? '', /crash1-tpcyty's server never showed up/);
    const out = parseLines(exited);
    assert.equal(out.counter('spawns.failure.exited'), 1);
    assert.equal(out.counter('spawns.failure.http_timeout'), 0);
    assert.equal(out.counter('requests.status.500'), 1);
    assert.equal(out.counter('requests.spawn_5xx'), 1);
    assert.equal(out.counter('errors.unclassified'), 0);
  });

  it('5.x/6.x: an uncaught exception of a start whose error was already counted counts nothing more', () => {
    const broken = readCapture('5.5.4').log.toString('utf8').split('\n');
    const first = broken.findIndex((l) => l.includes("Unhandled error starting broken1-tpcz01's server"));
    const last = broken.findIndex((l, i) => i > first && /log:192\] 500 POST \/hub\/api\/users\/broken1-tpcz01\/server/.test(l));
    const out = parseLines(broken.slice(first, last + 1));
    assert.ok(broken.slice(first, last + 1).some((l) => l.includes('Uncaught exception POST /hub/api/users/broken1-tpcz01/server')));
    assert.equal(out.counter('spawns.failure.error'), 1);
    assert.equal(out.counter('spawns.failure.exited'), 0);
    assert.equal(out.counter('requests.spawn_5xx'), 1);
  });

  it('4.x logs an exited process as 3.x does: `Spawner failed to start [status=3]`, then never showed up', () => {
    const out = parseLines([
      captureLine(
        '4.1.6',
        /web:\d+\] 500 POST \/hub\/api\/users\/crash1-tpcz3l\/server \(127\.0\.0\.1\): Spawner failed to start \[status=3\]/,
      ),
      captureLine('4.1.6', /log:192\] 500 POST \/hub\/api\/users\/crash1-tpcz3l\/server/),
      captureLine('4.1.6', /crash1-tpcz3l's server never showed up/),
    ]);
    assert.equal(out.counter('spawns.failure.exited'), 1);
    assert.equal(out.counter('spawns.failure.http_timeout'), 0);
    assert.equal(out.counter('requests.spawn_5xx'), 1);
  });

  it('pairs a 5xx answer with the counted failure it answers, once, and nothing else', () => {
    // constructed in the captured format: the captures have no base_url, pending-page 500 or broken form
    const at = (n: number) => `2026-12-01 10:00:${String(n).padStart(2, '0')}.000`;
    const out = parseLines([
      // an API start that failed: the failure, then its 500 (under a base_url)
      `[E ${at(1)} JupyterHub user:832] Unhandled error starting alice's server: boom`,
      `[E ${at(1)} JupyterHub log:192] 500 POST /jhub/hub/api/users/alice/server (admin@10.0.0.1) 40.50ms`,
      // the same failure seen again on the pending page: a second error the student saw
      `[E ${at(2)} JupyterHub log:192] 500 GET /jhub/hub/spawn-pending/alice (alice@10.0.0.1) 2.00ms`,
      // a browser start that timed out, then the pending page answers 500 for it
      `[W ${at(3)} JupyterHub user:860] bob's server failed to start in 30 seconds, giving up.`,
      `[E ${at(4)} JupyterHub log:192] 500 GET /hub/spawn-pending/bob (bob@10.0.0.2) 3.00ms`,
      // a broken options form: a 500 on /hub/spawn that no failure line counted
      `[E ${at(5)} JupyterHub log:192] 500 GET /hub/spawn (carol@10.0.0.3) 5.00ms`,
    ]);
    assert.equal(out.counter('spawns.failure.error'), 1);
    assert.equal(out.counter('spawns.failure.timeout'), 1);
    assert.equal(out.counter('requests.status.500'), 4);
    assert.equal(out.counter('requests.spawn_5xx'), 2, "alice's first 500 and bob's");
  });

  it("does not count single-user servers' access lines (notebook 6.4 on 3.0; jupyter_server 2 writes no module)", () => {
    const out = parseLines([
      captureLine('6.1.1', /^\[I [\d-]+ [\d:.]+ ServerApp\] 200 GET \/user\/\S+\/api /),
      captureLine('4.1.6', /^\[I [\d-]+ [\d:.]+ JupyterHubSingleUser\] /),
      captureLine('3.0', /SingleUserNotebookApp log:186\] \d{3} GET /),
    ]);
    assert.equal([...out.counters.keys()].filter((k) => k.startsWith('requests.')).length, 0);
    assert.equal(out.timers.size, 0);
  });

  it('counts configurable-http-proxy 5.x errors (ISO timestamps) as 4.x ones', () => {
    const chp = readFileSync(join(import.meta.dirname, '../fixtures/configurable-http-proxy-5.3.0.log'), 'utf8');
    const out = parseLines(chp.trimEnd().split('\n'));
    assert.equal(out.counter('proxy.errors.503'), 1);
    assert.equal(out.counter('errors.unclassified'), 0);
  });
});

describe('errors.unclassified', () => {
  it('counts ERROR and CRITICAL lines no rule knows, from the hub, single-user servers and the proxy', () => {
    const out = parseLines([
      '[E 2026-11-25 11:00:00.000 JupyterHub app:3000] Something nobody expected',
      '[C 2026-11-25 11:00:00.001 JupyterHub app:3001] Database is locked',
      '[E 2026-11-25 11:00:00.002 SingleUserNotebookApp kernelmanager:1] Kernel died',
      '11:00:00.003 [ConfigProxy] \x1b[31merror\x1b[39m: Unexpected proxy failure',
      '[W 2026-11-25 11:00:00.004 JupyterHub app:3002] A warning is not an error',
      '11:00:00.005 [ConfigProxy] \x1b[31merror\x1b[39m: Failed to get custom error page: Error: connect ECONNREFUSED',
    ]);
    assert.equal(out.counter('errors.unclassified'), 4);
  });
});

describe('attempt de-duplication', () => {
  const at = (t: string) => `[W 2026-11-25 ${t} JupyterHub`;
  const exited = (t: string, u: string) =>
    `${at(t)} web:1818] 500 POST /hub/api/users/${u}/server (127.0.0.1): Spawner failed to start [status=3]. The logs for ${u} may contain details.`;
  const never = (t: string, u: string) =>
    `${at(t)} user:881] ${u}'s server never showed up at http://127.0.0.1:4/user/${u}/ after 15 seconds. Giving up.`;
  const error = (t: string, u: string) => `[E 2026-11-25 ${t} JupyterHub user:832] Unhandled error starting ${u}'s server: boom`;
  const started = (t: string, u: string) => `[I 2026-11-25 ${t} JupyterHub base:963] User ${u} took 2.000 seconds to start`;

  it('one exited attempt logged twice counts once, as exited', () => {
    const out = parseLines([exited('11:00:10.000', 'c1'), never('11:00:15.000', 'c1')]);
    assert.equal(out.counter('spawns.failure.exited'), 1);
    assert.equal(out.counter('spawns.failure.http_timeout'), 0);
  });

  it("another user's http timeout in between is its own attempt", () => {
    const out = parseLines([exited('11:00:10.000', 'c1'), never('11:00:12.000', 'm1'), never('11:00:15.000', 'c1')]);
    assert.equal(out.counter('spawns.failure.exited'), 1);
    assert.equal(out.counter('spawns.failure.http_timeout'), 1);
  });

  it('a retry after a finished attempt counts again', () => {
    const out = parseLines([
      error('11:00:00.000', 'b1'),
      error('11:00:05.000', 'b1'),
      exited('11:01:10.000', 'c1'),
      never('11:01:15.000', 'c1'),
      exited('11:02:10.000', 'c1'),
      never('11:02:15.000', 'c1'),
    ]);
    assert.equal(out.counter('spawns.failure.error'), 2);
    assert.equal(out.counter('spawns.failure.exited'), 2);
    assert.equal(out.counter('spawns.failure.http_timeout'), 0);
  });

  it('a success closes an open attempt; a much later timeout is a new attempt', () => {
    const out = parseLines([
      exited('11:00:10.000', 'c1'),
      started('11:00:20.000', 'c1'),
      never('11:00:25.000', 'c1'),
      exited('12:00:10.000', 'd1'),
      never('14:00:10.000', 'd1'),
    ]);
    assert.equal(out.counter('spawns.failure.exited'), 2);
    assert.equal(out.counter('spawns.failure.http_timeout'), 2);
  });

  it('named servers share the user attempt key', () => {
    const out = parseLines([exited('11:00:10.000', 'c1:gpu'), never('11:00:15.000', 'c1')]);
    assert.equal(out.counter('spawns.failure.exited'), 1);
    assert.equal(out.counter('spawns.failure.http_timeout'), 0);
  });
});
