import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { AttemptTracker } from '../log/attempts';
import { type LineSink, LineSplitter } from '../log/line-splitter';
import type { Logger } from '../logger';
import { type Checkpoint, loadCheckpoint, saveCheckpoint } from './checkpoint';
import { findByIdentity, findCopy, readRange } from './rotated-sibling';

export interface FollowerOptions {
  readonly path: string;
  readonly fromStart: boolean;
  readonly checkpointPath: string | null;
  readonly sink: LineSink;
  readonly attempts: AttemptTracker;
  readonly log: Logger;
  /** Called before a checkpoint is written: metrics of the lines read so far must be on their way. */
  readonly beforeCheckpoint: () => void;
  readonly pollMs?: number;
  readonly checkpointEveryMs?: number;
  /** How long a renamed file is still read after it stops growing (the writer may not have reopened yet). */
  readonly renameGraceMs?: number;
  readonly maxLineBytes?: number;
}

export interface FollowerStats {
  bytesRead: number;
  renames: number;
  truncations: number;
  recoveredBytes: number;
}

const CHUNK = 256 * 1024;
const TAIL = 64;
const YIELD_EVERY = 16 * 1024 * 1024;

interface Identity {
  readonly dev: bigint;
  readonly ino: bigint;
}

/** One open generation of the log file, with its own partial-line state. */
interface OpenFile {
  readonly fd: number;
  readonly identity: Identity;
  readonly splitter: LineSplitter;
  offset: number;
  /** The bytes just before `tailAt` (a committed offset): notices truncation and replacement. */
  tail: Buffer;
  tailAt: number;
}

interface Draining {
  readonly file: OpenFile;
  readonly since: number;
  lastGrowth: number;
}

function errCode(err: unknown): string | undefined {
  return err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

function sameIdentity(a: Identity | null, b: Identity | null): boolean {
  return a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;
}

/**
 * Follows a log file like `tail -F`. Rotation by rename: the new file is opened as soon as the name
 * points elsewhere, and the old one is still read until it has been quiet for a grace period (the
 * writer may not have reopened yet). Copytruncate: the rotated copy is found by fingerprint and its
 * unread part is read. A partial last line is held until its newline arrives. The checkpoint holds
 * the offset after the last complete line of the current file.
 */
export class FileFollower {
  readonly stats: FollowerStats = { bytesRead: 0, renames: 0, truncations: 0, recoveredBytes: 0 };
  private current: OpenFile | null = null;
  private draining: Draining[] = [];
  private timer: NodeJS.Timeout | null = null;
  private cycleRunning: Promise<void> | null = null;
  private stopped = false;
  private lastCheckpoint = 0;
  private dirty = false;
  private lastError = '';
  private readonly buf = Buffer.allocUnsafe(CHUNK);

  constructor(private readonly o: FollowerOptions) {}

  /** Offset after the last complete line of the current file. */
  get committedOffset(): number {
    const f = this.current;
    return f === null ? 0 : f.offset - f.splitter.pendingBytes;
  }

  get pendingBytes(): number {
    return this.current?.splitter.pendingBytes ?? 0;
  }

  async start(): Promise<void> {
    this.resolveStart();
    this.cycleRunning = this.cycle();
    await this.cycleRunning;
    this.cycleRunning = null;
    this.schedule();
  }

  /** Reads what is there now (tests and the benchmark). */
  async readToEnd(): Promise<void> {
    await this.cycleRunning;
    await this.cycle();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.cycleRunning;
    // What a renamed file still had is read now; its last line is complete.
    for (const d of this.draining) this.finishDraining(d.file);
    this.draining = [];
    this.writeCheckpoint(true);
    if (this.current) closeSync(this.current.fd);
    this.current = null;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.cycleRunning = this.cycle().finally(() => {
        this.cycleRunning = null;
        this.schedule();
      });
    }, this.o.pollMs ?? 250);
  }

  private newSplitter(): LineSplitter {
    return new LineSplitter(this.o.sink, this.o.maxLineBytes);
  }

  private resolveStart(): void {
    const { path, checkpointPath, log } = this.o;
    let cp: Checkpoint | null = null;
    if (checkpointPath !== null) {
      const loaded = loadCheckpoint(checkpointPath);
      if (loaded.kind === 'ok') cp = loaded.checkpoint;
      if (loaded.kind === 'invalid') log.warn(`checkpoint ${checkpointPath} ignored: ${loaded.reason}`);
      if (cp && cp.path !== path) {
        log.warn(`checkpoint ${checkpointPath} is for another file; ignored`);
        cp = null;
      }
    }
    if (cp) this.o.attempts.restore(cp.attempts);
    const opened = this.open();
    if (!cp) {
      if (opened && !this.o.fromStart) opened.offset = fstatSync(opened.fd).size;
      log.info(
        opened
          ? `following ${path} from ${this.o.fromStart ? 'its start' : `its end (byte ${opened.offset})`}`
          : `waiting for ${path} to appear`,
      );
      return;
    }
    const cpIdentity: Identity = { dev: BigInt(cp.dev), ino: BigInt(cp.ino) };
    const tail = Buffer.from(cp.tail, 'base64');
    if (opened && sameIdentity(opened.identity, cpIdentity)) {
      const size = fstatSync(opened.fd).size;
      const here = size >= cp.offset ? readRange(path, cp.offset - tail.length, tail.length) : null;
      if (here?.equals(tail)) {
        opened.offset = cp.offset;
        opened.tail = tail;
        opened.tailAt = cp.offset;
        log.info(`resuming ${path} at byte ${cp.offset} (checkpoint)`);
        return;
      }
      // Same inode, other content: truncated (copytruncate) while we were not running.
      this.stats.truncations++;
      this.recoverFromCopy(cp.offset, tail);
      return;
    }
    // Another file under the name: rotated by rename while we were not running.
    const old = findByIdentity(path, cpIdentity.dev, cpIdentity.ino);
    if (old) {
      this.stats.renames++;
      this.drainFile(old, cp.offset);
      log.info(`read the rotated file from byte ${cp.offset} to its end; following ${path} from its start`);
    } else {
      log.warn(`the checkpointed file was rotated away and is not next to ${path}; its unread lines are lost`);
    }
  }

  private open(): OpenFile | null {
    try {
      const fd = openSync(this.o.path, 'r');
      const st = fstatSync(fd, { bigint: true });
      const file: OpenFile = {
        fd,
        identity: { dev: st.dev, ino: st.ino },
        splitter: this.newSplitter(),
        offset: 0,
        tail: Buffer.alloc(0),
        tailAt: 0,
      };
      this.current = file;
      return file;
    } catch (err) {
      if (errCode(err) !== 'ENOENT') this.o.log.warn(`cannot open ${this.o.path}: ${errCode(err) ?? String(err)}`);
      return null;
    }
  }

  private async cycle(): Promise<void> {
    try {
      await this.cycleOnce();
    } catch (err) {
      // A read error (EIO, a file replaced by a directory...) must not stop the collector: retry next poll.
      const code = errCode(err) ?? (err instanceof Error ? err.message : String(err));
      if (code !== this.lastError) this.o.log.warn(`reading ${this.o.path}: ${code}`);
      // The position is kept: reopening would read the file again from its start.
      this.lastError = code;
      return;
    }
    this.lastError = '';
  }

  private async cycleOnce(): Promise<void> {
    const file = this.current ?? this.open();
    if (file !== null) {
      const size = fstatSync(file.fd).size;
      if (size < file.offset || !this.tailStillThere(file, size)) {
        this.stats.truncations++;
        const committed = file.offset - file.splitter.pendingBytes;
        const tail = file.tail;
        file.splitter.dropPartial();
        file.offset = 0;
        file.tail = Buffer.alloc(0);
        file.tailAt = 0;
        this.recoverFromCopy(committed, tail);
      }
      await this.readAvailable(file);
    }
    this.readDraining();
    this.checkRename();
    this.maybeCheckpoint();
  }

  private tailStillThere(file: OpenFile, size: number): boolean {
    const len = file.tail.length;
    if (len === 0) return true;
    if (size < file.tailAt) return false;
    const got = Buffer.alloc(len);
    const n = readSync(file.fd, got, 0, len, file.tailAt - len);
    return n === len && got.equals(file.tail);
  }

  private async readAvailable(file: OpenFile): Promise<number> {
    let total = 0;
    let sinceYield = 0;
    for (;;) {
      const n = readSync(file.fd, this.buf, 0, CHUNK, file.offset);
      if (n <= 0) break;
      file.offset += n;
      total += n;
      sinceYield += n;
      this.stats.bytesRead += n;
      file.splitter.push(this.buf.subarray(0, n));
      this.dirty = true;
      if (sinceYield >= YIELD_EVERY && file === this.current) {
        sinceYield = 0;
        this.maybeCheckpoint();
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.stopped) break;
      }
    }
    if (total > 0) this.refreshTail(file);
    return total;
  }

  private readDraining(): void {
    if (this.draining.length === 0) return;
    const now = Date.now();
    const grace = this.o.renameGraceMs ?? 1000;
    const keep: Draining[] = [];
    for (const d of this.draining) {
      let grew = 0;
      for (;;) {
        const n = readSync(d.file.fd, this.buf, 0, CHUNK, d.file.offset);
        if (n <= 0) break;
        d.file.offset += n;
        grew += n;
        this.stats.bytesRead += n;
        d.file.splitter.push(this.buf.subarray(0, n));
      }
      if (grew > 0) d.lastGrowth = now;
      if (now - Math.max(d.since, d.lastGrowth) >= grace) this.finishDraining(d.file);
      else keep.push(d);
    }
    this.draining = keep;
  }

  private finishDraining(file: OpenFile): void {
    for (;;) {
      const n = readSync(file.fd, this.buf, 0, CHUNK, file.offset);
      if (n <= 0) break;
      file.offset += n;
      this.stats.bytesRead += n;
      file.splitter.push(this.buf.subarray(0, n));
    }
    file.splitter.flushPartial();
    closeSync(file.fd);
  }

  private refreshTail(file: OpenFile): void {
    const at = file.offset - file.splitter.pendingBytes;
    if (at === file.tailAt) return;
    const len = Math.min(TAIL, at);
    const tail = Buffer.alloc(len);
    readSync(file.fd, tail, 0, len, at - len);
    file.tail = tail;
    file.tailAt = at;
  }

  private checkRename(): void {
    const file = this.current;
    if (file === null) return;
    let now: Identity | null = null;
    try {
      const st = statSync(this.o.path, { bigint: true });
      now = { dev: st.dev, ino: st.ino };
    } catch {
      now = null;
    }
    if (sameIdentity(now, file.identity)) return;
    this.stats.renames++;
    this.dirty = true;
    this.draining.push({ file, since: Date.now(), lastGrowth: 0 });
    this.current = null;
    this.o.log.info(`${this.o.path} was rotated (renamed or removed); following the new file from its start`);
    const next = this.open();
    // Read the new file right away: another rotation may come before the next poll.
    if (next) {
      for (;;) {
        const n = readSync(next.fd, this.buf, 0, CHUNK, next.offset);
        if (n <= 0) break;
        next.offset += n;
        this.stats.bytesRead += n;
        next.splitter.push(this.buf.subarray(0, n));
      }
      this.refreshTail(next);
    }
  }

  private recoverFromCopy(committed: number, tail: Buffer): void {
    const copy = findCopy(this.o.path, committed, tail);
    if (copy) {
      const n = this.drainFile(copy, committed);
      this.stats.recoveredBytes += n;
      this.o.log.info(`${this.o.path} was truncated (copytruncate); read ${n} unread bytes from its rotated copy`);
    } else if (committed > 0) {
      this.o.log.warn(`${this.o.path} was truncated and no rotated copy matched; lines after byte ${committed} may be lost`);
    }
    this.dirty = true;
  }

  /** Reads a finished file from `from` to its end; its last line is complete. */
  private drainFile(path: string, from: number): number {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      return 0;
    }
    const splitter = this.newSplitter();
    let pos = from;
    try {
      for (;;) {
        const n = readSync(fd, this.buf, 0, CHUNK, pos);
        if (n <= 0) break;
        pos += n;
        splitter.push(this.buf.subarray(0, n));
      }
    } finally {
      closeSync(fd);
    }
    splitter.flushPartial();
    return pos - from;
  }

  private maybeCheckpoint(): void {
    const every = this.o.checkpointEveryMs ?? 1000;
    if (Date.now() - this.lastCheckpoint >= every) this.writeCheckpoint(false);
  }

  private writeCheckpoint(force: boolean): void {
    const path = this.o.checkpointPath;
    const file = this.current;
    if (path === null || file === null || (!this.dirty && !force)) return;
    this.o.beforeCheckpoint();
    this.refreshTail(file);
    try {
      saveCheckpoint(path, {
        version: 1,
        path: this.o.path,
        dev: file.identity.dev.toString(),
        ino: file.identity.ino.toString(),
        offset: file.tailAt,
        tail: file.tail.toString('base64'),
        attempts: this.o.attempts.snapshot(),
        savedAt: new Date().toISOString(),
      });
      this.dirty = false;
      this.lastCheckpoint = Date.now();
    } catch (err) {
      this.o.log.warn(`cannot write checkpoint ${path}: ${errCode(err) ?? String(err)}`);
    }
  }
}
