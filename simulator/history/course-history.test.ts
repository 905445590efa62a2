import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { LineSplitter } from '../../collector/log/line-splitter';
import { LogParser } from '../../collector/log/parser';
import { MemoryEmitter } from '../../collector/metric-emitter';
import { writeHistory } from './course-history';
import { demoPlan } from './demo-plan';

// The demo's history as each captured JupyterHub version writes it: the live collector's parser
// must count exactly what the generator did, and the same seed must give the same log.

async function generate(version: string, seed: number) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const plan = demoPlan(Date.UTC(2026, 11, 8, 10, 30), { version, seed });
  const counts = await writeHistory({ ...plan, fromMs: plan.untilMs - 4 * 86_400_000 }, out);
  return { counts, log: Buffer.concat(chunks) };
}

for (const version of ['3.0', '6.1.1']) {
  describe(`history in JupyterHub ${version}'s lines`, () => {
    it('is counted by the live parser as generated', async () => {
      const { counts, log } = await generate(version, 7);
      const out = new MemoryEmitter();
      const parser = new LogParser(out);
      const splitter = new LineSplitter(parser);
      splitter.push(log);
      splitter.flushPartial();
      const w = counts.written;
      assert.equal(out.counter('spawns.success'), w.spawnOk);
      assert.equal(out.counter('spawns.failure.error'), w.failError);
      assert.equal(out.counter('spawns.failure.exited'), w.failExited);
      assert.equal(out.counter('spawns.failure.timeout'), w.failTimeout);
      // A process that exited is also given up on later: one attempt, counted once, as exited.
      assert.equal(out.counter('spawns.failure.http_timeout'), w.failHttpTimeout - w.failExited);
      assert.equal(out.counter('logins.success'), w.loginOk);
      assert.equal(out.counter('logins.failure'), w.loginFail);
      assert.equal(out.counter('servers.crashed'), w.crashed);
      assert.equal(out.counter('servers.stopped'), w.stopOk);
      assert.equal(out.counter('spawns.throttled'), w.throttled);
      assert.equal(out.counter('spawns.limited'), w.limited);
      const f = counts.failures;
      assert.ok(w.failError > 0 && w.failExited > 0 && w.failTimeout > 0 && f.mute > 0, 'every kind of failure');
      assert.equal(out.counter('errors.unclassified'), 0);
      assert.equal(parser.stats.lines, counts.lines);
      assert.ok(f.slow > 0, 'the worse deployment made starts fail');
    });

    it('is the same log for the same seed, another for another', async () => {
      const a = await generate(version, 7);
      const b = await generate(version, 7);
      const c = await generate(version, 8);
      assert.ok(a.log.equals(b.log));
      assert.ok(!a.log.equals(c.log));
    });
  });
}
