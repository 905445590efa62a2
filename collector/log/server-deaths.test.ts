import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crashCaptureVersions, readCrashCapture, readFrozenAtStart } from '../fixtures/captures';
import { MemoryEmitter } from '../metric-emitter';
import { LineSplitter } from './line-splitter';
import { LogParser } from './parser';

// Real lines of each version's crash capture (scripts/capture-crashes.sh), fed on their own: which
// line stands for which death, stop or start of a default or named server, each counted once.

function parseLines(lines: readonly string[]): MemoryEmitter {
  const out = new MemoryEmitter();
  const splitter = new LineSplitter(new LogParser(out));
  splitter.push(Buffer.from(`${lines.join('\n')}\n`, 'utf8'));
  splitter.flushPartial();
  return out;
}

function counted(out: MemoryEmitter): Record<string, number> {
  return Object.fromEntries([...out.counters].filter(([key]) => !key.startsWith('requests.status.')));
}

for (const version of crashCaptureVersions()) {
  describe(`JupyterHub ${version}: deaths, stops and named servers from real lines`, () => {
    const lines = readCrashCapture(version).log.toString('utf8').split('\n');
    const grep = (re: RegExp): string[] => lines.filter((line) => re.test(line));
    const one = (re: RegExp): string => {
      const found = grep(re);
      assert.equal(found.length, 1, `exactly one line matches ${re}`);
      return found[0] ?? '';
    };

    it('a default and a named server that died while the hub was down: one crash each', () => {
      const gone = grep(/ appears to have stopped while the Hub was down$/);
      assert.equal(gone.length, 2);
      assert.ok(
        gone.some((line) => /:lab appears/.test(line)),
        'one of them is the named server',
      );
      for (const line of gone) assert.deepEqual(counted(parseLines([line])), { 'servers.crashed': 1 });
    });

    it('the hub start around them: exactly those two crashes, the resumed servers nothing', () => {
      const start = lines.findIndex((line) => / appears to have stopped while the Hub was down$/.test(line));
      const begin = lines.slice(0, start).findLastIndex((line) => /Leaving single-user servers running$/.test(line));
      const last = lines.findLastIndex((line) => / appears to have stopped while the Hub was down$/.test(line));
      const end = lines.findIndex((line, i) => i > last && /JupyterHub is now running at /.test(line));
      assert.ok(begin >= 0 && end > last);
      const segment = lines.slice(begin, end + 1);
      assert.equal(segment.filter((line) => / still running$/.test(line)).length, 3);
      const out = parseLines(segment);
      assert.deepEqual(counted(out), { 'servers.crashed': 2 });
    });

    it('a resumed server found dead by the poll: one crash', () => {
      const line = one(/ JupyterHub app:\d+\] User \S+ server stopped with exit code: /);
      assert.deepEqual(counted(parseLines([line])), { 'servers.crashed': 1 });
    });

    it('resumed servers (a named one) stopped on purpose: stopped, never crashed', () => {
      const stops = grep(/ server took [\d.]+ seconds to stop$/);
      assert.equal(stops.length, 2);
      assert.deepEqual(counted(parseLines(stops)), { 'servers.stopped': 2 });
      assert.deepEqual(counted(parseLines(grep(/Leaving single-user servers running$/))), {});
    });

    it('named servers start like any server: success and its duration, no name in a key', () => {
      const starts = grep(/ User \S+:lab2? took [\d.]+ seconds to start$/);
      assert.equal(starts.length, 2);
      const out = parseLines(starts);
      assert.deepEqual(counted(out), { 'spawns.success': 2 });
      assert.equal(out.timers.get('spawns.duration')?.length, 2);
      assert.deepEqual(
        [...out.counters.keys(), ...out.timers.keys()].filter((key) => /lab|student/.test(key)),
        [],
      );
    });

    it("a named server whose start() raised: one spawns.failure.error, its 500 the failure's answer", () => {
      const first = lines.findIndex((line) => /Unhandled error starting broken1-\w+'s server: /.test(line));
      const last = lines.findIndex((line) => / 500 POST \/hub\/api\/users\/broken1-\w+\/servers\/x /.test(line));
      assert.ok(first >= 0 && last > first);
      const out = parseLines(lines.slice(first, last + 1));
      assert.deepEqual(counted(out), { 'spawns.failure.error': 1, 'requests.spawn_5xx': 1 });
    });
  });
}

// A server frozen (SIGSTOP) while the hub was down, the hub's start-up check over it: real excerpts
// (`Running JupyterHub version` to `Initialized N spawners`) of runs of an earlier form of the scenario.
for (const version of crashCaptureVersions()) {
  describe(`JupyterHub ${version}: a server frozen while the hub was down, from a real start-up check`, () => {
    const lines = readFrozenAtStart(version)
      .split('\n')
      .filter((line) => line !== '');
    const frozen = lines.find((line) => / does not appear to be running at \S+, shutting it down\.$/.test(line)) ?? '';
    const name = / JupyterHub app:\d+\] (\S+) does not appear/.exec(frozen)?.[1] ?? 'missing';

    it("logs the words of a start's http_timeout for it, though nothing was started", () => {
      assert.equal(lines.filter((line) => line.includes(`] ${name}'s server never showed up at `)).length, 1);
      assert.ok(/Running JupyterHub version /.test(lines[0] ?? ''));
    });

    it('is one crash, beside the two killed ones; no failed start, nothing unclassified', () => {
      const out = parseLines(lines);
      const has = (re: RegExp): number => lines.filter((line) => re.test(line)).length;
      assert.equal(has(/ appears to have stopped while the Hub was down$/), 2, 'the two killed ones');
      // every death the excerpt holds, each once: the frozen one's error, the killed ones' warnings,
      // and whatever the poll found meanwhile; stops on purpose stay stops
      const deaths =
        has(/ does not appear to be running at /) + has(/ appears to have stopped while/) + has(/ server stopped,? with exit code: /);
      const stops = has(/ server took [\d.]+ seconds to stop$/);
      assert.deepEqual(counted(out), { 'servers.crashed': deaths, ...(stops > 0 ? { 'servers.stopped': stops } : {}) });
      assert.equal(deaths - has(/ server stopped,? with exit code: /), 3);
      assert.equal(out.counter('spawns.failure.http_timeout'), 0);
      assert.equal(out.counter('errors.unclassified'), 0);
    });

    it('outside a start-up check the same timeout line is a failed start again', () => {
      const timeout = lines.find((line) => line.includes(`] ${name}'s server never showed up at `)) ?? '';
      assert.deepEqual(counted(parseLines([timeout])), { 'spawns.failure.http_timeout': 1 });
    });
  });
}
