import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crashCaptureVersions, readCrashCapture } from '../fixtures/captures';
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

    it('two default servers and a named one that died while the hub was down: one crash each', () => {
      const gone = grep(/ appears to have stopped while the Hub was down$/);
      assert.equal(gone.length, 3);
      assert.ok(gone.some((line) => /:lab appears/.test(line)), 'one of them is the named server');
      for (const line of gone) assert.deepEqual(counted(parseLines([line])), { 'servers.crashed': 1 });
    });

    it('the hub start around them: exactly those three crashes, the resumed servers nothing', () => {
      const start = lines.findIndex((line) => / appears to have stopped while the Hub was down$/.test(line));
      const begin = lines.slice(0, start).findLastIndex((line) => /Leaving single-user servers running$/.test(line));
      const last = lines.findLastIndex((line) => / appears to have stopped while the Hub was down$/.test(line));
      const end = lines.findIndex((line, i) => i > last && /JupyterHub is now running at /.test(line));
      assert.ok(begin >= 0 && end > last);
      const segment = lines.slice(begin, end + 1);
      assert.equal(segment.filter((line) => / still running$/.test(line)).length, 2);
      const out = parseLines(segment);
      assert.deepEqual(counted(out), { 'servers.crashed': 3 });
    });

    it('a resumed server found dead by the poll: one crash', () => {
      const line = one(/ JupyterHub app:\d+\] User \S+ server stopped with exit code: /);
      assert.deepEqual(counted(parseLines([line])), { 'servers.crashed': 1 });
    });

    it('a resumed named server stopped on purpose: stopped, never crashed', () => {
      const stops = grep(/ server took [\d.]+ seconds to stop$/);
      assert.equal(stops.length, 1);
      assert.deepEqual(counted(parseLines(stops)), { 'servers.stopped': 1 });
      assert.deepEqual(counted(parseLines(grep(/Leaving single-user servers running$/))), {});
    });

    it('a frozen server (alive, silent) at the hub start: the error and the warning after it are one crash', () => {
      const error = one(/ does not appear to be running at \S+, shutting it down\.$/);
      const name = / JupyterHub app:\d+\] (\S+) does not appear/.exec(error)?.[1] ?? 'missing';
      const at = lines.indexOf(error);
      const warning = lines.findIndex((line, i) => i > at && line.endsWith(`] ${name} appears to have stopped while the Hub was down`));
      assert.ok(warning > at, 'the warning follows the error');
      // everything the hub logged in between (its traceback-free error, other servers' lines) adds no count
      const between = lines.slice(at, warning + 1).filter((line) => !/appears to have stopped/.test(line) || line.includes(` ${name} `));
      assert.deepEqual(counted(parseLines(between)), { 'servers.crashed': 1 });
      assert.equal(parseLines([error]).counter('errors.unclassified'), 0);
    });

    it('named servers start like any server: success and its duration, no name in a key', () => {
      const starts = grep(/ User \S+:lab2? took [\d.]+ seconds to start$/);
      assert.equal(starts.length, 2);
      const out = parseLines(starts);
      assert.deepEqual(counted(out), { 'spawns.success': 2 });
      assert.equal(out.timers.get('spawns.duration')?.length, 2);
      assert.deepEqual([...out.counters.keys(), ...out.timers.keys()].filter((key) => /lab|student/.test(key)), []);
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
