import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AttemptTracker } from '../log/attempts';
import type { LineSink } from '../log/line-splitter';
import { silentLogger } from '../logger';
import { FileFollower } from './file-follower';

/** Records the sequence number of every line it sees, to prove no loss and no duplicate. */
class SeqSink implements LineSink {
  readonly seen = new Map<number, number>();
  other = 0;
  line(text: string, start: number, end: number): void {
    const m = /seq=(\d+)/.exec(text.slice(start, end));
    if (!m) {
      this.other++;
      return;
    }
    const n = Number(m[1]);
    this.seen.set(n, (this.seen.get(n) ?? 0) + 1);
  }
  assertExactly(total: number): void {
    const dupes = [...this.seen].filter(([, c]) => c > 1).map(([n]) => n);
    assert.deepEqual(dupes, [], 'lines counted twice');
    const missing: number[] = [];
    for (let i = 0; i < total; i++) if (!this.seen.has(i)) missing.push(i);
    assert.deepEqual(missing.slice(0, 20), [], `${missing.length} lines lost`);
    assert.equal(this.seen.size, total);
  }
}

const line = (i: number) => `[I 2026-11-25 11:00:00.000 JupyterHub log:186] 200 GET /hub/api/x?seq=${i} (@127.0.0.1) 1.00ms\n`;

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'hubwatch-follow-'));
  dirs.push(d);
  return d;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function follower(path: string, sink: LineSink, extra: { checkpoint?: string; fromStart?: boolean } = {}) {
  const f = new FileFollower({
    path,
    fromStart: extra.fromStart ?? true,
    checkpointPath: extra.checkpoint ?? null,
    sink,
    attempts: new AttemptTracker(),
    log: silentLogger,
    beforeCheckpoint: () => {},
    pollMs: 15,
    checkpointEveryMs: 50,
    renameGraceMs: 150,
  });
  return { f };
}

/**
 * A separate process writes like a hub would (its own open file descriptor, O_APPEND) and rotates the
 * file the way logrotate does, so rotation happens truly concurrently with the follower's reads.
 */
const WRITER = `
const fs = require('fs');
const [path, total, mode, every] = [process.argv[1], +process.argv[2], process.argv[3], +process.argv[4]];
const line = (i) => '[I 2026-11-25 11:00:00.000 JupyterHub log:186] 200 GET /hub/api/x?seq=' + i + ' (@127.0.0.1) 1.00ms\\n';
let fd = fs.openSync(path, 'a');
let i = 0, rotations = 0;
function rotate() {
  rotations++;
  try { fs.renameSync(path + '.1', path + '.2'); } catch {}
  if (mode === 'rename') {
    fs.renameSync(path, path + '.1');
    // A hub keeps writing to the old file until it reopens its log.
    for (let k = 0; k < 5 && i < total; k++) fs.writeSync(fd, line(i++));
    fs.closeSync(fd);
    fd = fs.openSync(path, 'a');
  } else {
    fs.copyFileSync(path, path + '.1');
    fs.ftruncateSync(fd, 0);
  }
}
function tick() {
  for (let k = 0; k < 40 && i < total; k++) {
    // Half of the time, write a line in two pieces: the follower sees partial last lines.
    const l = line(i++);
    if (k % 2) { fs.writeSync(fd, l.slice(0, 30)); fs.writeSync(fd, l.slice(30)); } else fs.writeSync(fd, l);
    if (i % every === 0 && i < total) rotate();
  }
  if (i < total) setTimeout(tick, 2); else { fs.closeSync(fd); console.log(rotations); }
}
tick();
`;

async function runWriter(path: string, total: number, mode: 'rename' | 'copytruncate', every: number): Promise<number> {
  const child = spawn(process.execPath, ['-e', WRITER, path, String(total), mode, String(every)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0);
  return Number(out.trim());
}

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

describe('FileFollower', () => {
  it('reads an existing file from the start or from its end', async () => {
    const dir = tempDir();
    const path = join(dir, 'hub.log');
    writeFileSync(path, line(0) + line(1));
    const fromEnd = new SeqSink();
    const a = follower(path, fromEnd, { fromStart: false });
    await a.f.start();
    appendFileSync(path, line(2));
    await a.f.readToEnd();
    await a.f.stop();
    assert.deepEqual([...fromEnd.seen.keys()], [2]);

    const all = new SeqSink();
    const b = follower(path, all);
    await b.f.start();
    await b.f.stop();
    all.assertExactly(3);
  });

  it('holds a partial last line until it is complete', async () => {
    const dir = tempDir();
    const path = join(dir, 'hub.log');
    const l1 = line(1);
    writeFileSync(path, line(0) + l1.slice(0, 20));
    const sink = new SeqSink();
    const { f } = follower(path, sink);
    await f.start();
    assert.deepEqual([...sink.seen.keys()], [0]);
    assert.equal(f.pendingBytes, 20);
    assert.equal(f.committedOffset, line(0).length);
    appendFileSync(path, l1.slice(20));
    await f.readToEnd();
    await f.stop();
    sink.assertExactly(2);
  });

  it('reads a 1 MB line and invalid UTF-8 without losing the lines around them', async () => {
    const dir = tempDir();
    const path = join(dir, 'hub.log');
    const big = `[E 2026-11-25 11:00:00.000 JupyterHub app:1] ${'z'.repeat(1024 * 1024)}\n`;
    writeFileSync(path, Buffer.concat([Buffer.from(line(0) + big), Buffer.from([0xff, 0xc3, 0x28, 0x0a]), Buffer.from(line(1))]));
    const sink = new SeqSink();
    const { f } = follower(path, sink);
    await f.start();
    await f.stop();
    sink.assertExactly(2);
    assert.equal(sink.other, 2);
  });

  const rotations = [
    { mode: 'rename', title: 'survives rotation by rename while lines are being written', stat: 'renames' },
    {
      mode: 'copytruncate',
      title: 'survives copytruncate while lines are being written (reads the unread part from the copy)',
      stat: 'truncations',
    },
  ] as const;
  for (const { mode, title, stat } of rotations) {
    it(title, async () => {
      const dir = tempDir();
      const path = join(dir, 'hub.log');
      writeFileSync(path, '');
      const sink = new SeqSink();
      const { f } = follower(path, sink);
      await f.start();
      const total = 6000;
      const rotated = await runWriter(path, total, mode, 1500);
      await until(() => sink.seen.size >= total);
      await new Promise((r) => setTimeout(r, 300));
      await f.stop();
      assert.equal(rotated, 3);
      sink.assertExactly(total);
      assert.equal(f.stats[stat], 3);
    });
  }

  it('restarts mid-file from its checkpoint: no loss, no double count', async () => {
    const dir = tempDir();
    const path = join(dir, 'hub.log');
    const checkpoint = join(dir, 'state', 'checkpoint.json');
    writeFileSync(path, '');
    const sink = new SeqSink();
    const total = 5000;
    const writer = runWriter(path, total, 'copytruncate', 1_000_000);
    let stops = 0;
    // Stop and restart the follower repeatedly while the writer is running.
    while (sink.seen.size < total) {
      const { f } = follower(path, sink, { checkpoint });
      await f.start();
      await new Promise((r) => setTimeout(r, 40 + Math.floor(Math.random() * 40)));
      await f.stop();
      stops++;
      if (stops > 400) break;
    }
    await writer;
    const { f } = follower(path, sink, { checkpoint });
    await f.start();
    await f.stop();
    assert.ok(stops >= 3, `restarted ${stops} times`);
    sink.assertExactly(total);
  });

  it('after a restart, finds a file rotated by rename while it was down', async () => {
    const dir = tempDir();
    const path = join(dir, 'hub.log');
    const checkpoint = join(dir, 'cp.json');
    writeFileSync(path, line(0) + line(1));
    const sink = new SeqSink();
    const a = follower(path, sink, { checkpoint });
    await a.f.start();
    await a.f.stop();
    appendFileSync(path, line(2));
    renameSync(path, `${path}.1`);
    writeFileSync(path, line(3));
    const b = follower(path, sink, { checkpoint });
    await b.f.start();
    await b.f.stop();
    sink.assertExactly(4);
  });

  it('after a restart, finds the copy of a file truncated while it was down', async () => {
    const dir = tempDir();
    const path = join(dir, 'hub.log');
    const checkpoint = join(dir, 'cp.json');
    writeFileSync(path, line(0) + line(1));
    const sink = new SeqSink();
    const a = follower(path, sink, { checkpoint });
    await a.f.start();
    await a.f.stop();
    appendFileSync(path, line(2));
    copyFileSync(path, `${path}.1`);
    truncateSync(path, 0);
    appendFileSync(path, line(3) + line(4) + line(5));
    const b = follower(path, sink, { checkpoint });
    await b.f.start();
    await b.f.stop();
    sink.assertExactly(6);
  });
});
