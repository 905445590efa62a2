import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SPAWN_FAILURE_REASONS, spawnFailureKey } from '../../lib/catalog';
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
    for (const msg of ['Spawning /usr/bin/jupyterhub-singleuser --allow-root', 'alice is pending spawn', 'Adding role user for User: bob']) {
      assert.equal(matchHubRule(msg), null, msg);
    }
  });
});

describe('JupyterHub 4.x / 5.x formats', () => {
  it('counts request lines from log:191 and log:192, with the unicode redirect arrow', () => {
    const out = parseLines([
      '[I 2025-03-04 10:00:00.101 JupyterHub log:191] 200 GET /hub/api/users (admin@10.0.0.1) 12.34ms',
      '[W 2025-03-04 10:00:00.102 JupyterHub log:192] 404 GET /hub/nope (@10.0.0.1) 1.20ms',
      '[I 2025-03-04 10:00:00.103 JupyterHub log:191] 302 GET /hub/ → /hub/spawn (alice@10.0.0.1) 3.00ms',
      '[E 2025-03-04 10:00:00.104 JupyterHub log:192] 500 POST /hub/api/users/x/server (admin@10.0.0.1) 40.50ms',
    ]);
    assert.equal(out.counter('requests.status.200'), 1);
    assert.equal(out.counter('requests.status.404'), 1);
    assert.equal(out.counter('requests.status.302'), 1);
    assert.equal(out.counter('requests.status.500'), 1);
    assert.equal(out.counter('requests.spawn_5xx'), 0, 'no failure of x was counted: this 500 is a hub error of its own');
    assert.deepEqual(out.timers.get('requests.duration'), [12.34, 1.2, 3, 40.5]);
  });

  it('pairs a 5xx answer with the counted failure it answers, once, and nothing else', () => {
    const at = (n: number) => `2025-03-04 10:00:${String(n).padStart(2, '0')}.000`;
    const out = parseLines([
      // an API start that failed: the failure, then its 500
      `[E ${at(1)} JupyterHub user:832] Unhandled error starting alice's server: boom`,
      `[E ${at(1)} JupyterHub log:191] 500 POST /jhub/hub/api/users/alice/server (admin@10.0.0.1) 40.50ms`,
      // the same failure seen again on the pending page: a second error the student saw
      `[E ${at(2)} JupyterHub log:191] 500 GET /jhub/hub/spawn-pending/alice (alice@10.0.0.1) 2.00ms`,
      // a browser start that timed out, then the pending page answers 500 for it
      `[W ${at(3)} JupyterHub user:860] bob's server failed to start in 30 seconds, giving up.`,
      `[E ${at(4)} JupyterHub log:191] 500 GET /hub/spawn-pending/bob (bob@10.0.0.2) 3.00ms`,
      // a broken options form: a 500 on /hub/spawn that no failure line counted
      `[E ${at(5)} JupyterHub log:191] 500 GET /hub/spawn (carol@10.0.0.3) 5.00ms`,
    ]);
    assert.equal(out.counter('spawns.failure.error'), 1);
    assert.equal(out.counter('spawns.failure.timeout'), 1);
    assert.equal(out.counter('requests.status.500'), 4);
    assert.equal(out.counter('requests.spawn_5xx'), 2, "alice's first 500 and bob's");
  });

  it("counts `Error starting {name}'s server` as a failed attempt", () => {
    const out = parseLines([
      "[E 2025-03-04 10:00:01.000 JupyterHub user:1002] Error starting dana's server: RuntimeError: image pull failed",
      '    Traceback (most recent call last):',
      '      File "/usr/local/lib/python3.12/site-packages/jupyterhub/user.py", line 990, in spawn',
    ]);
    assert.equal(out.counter('spawns.failure.error'), 1);
    assert.equal(out.counter('errors.unclassified'), 0);
  });

  it('does not count jupyter_server single-user access lines', () => {
    const out = parseLines([
      '[I 2025-03-04 10:00:02.000 ServerApp] 200 GET /user/dana/api/kernels (dana@127.0.0.1) 2.00ms',
      '[I 2025-03-04 10:00:02.001 JupyterHubSingleUser log:191] 200 GET /user/dana/api/status (dana@127.0.0.1) 1.00ms',
      '[W 2025-03-04 10:00:02.002 SingleUserNotebookApp log:186] 404 GET /user/dana/nope (dana@127.0.0.1) 1.00ms',
    ]);
    assert.equal([...out.counters.keys()].filter((k) => k.startsWith('requests.')).length, 0);
    assert.equal(out.timers.size, 0);
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
  const never = (t: string, u: string) => `${at(t)} user:881] ${u}'s server never showed up at http://127.0.0.1:4/user/${u}/ after 15 seconds. Giving up.`;
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
