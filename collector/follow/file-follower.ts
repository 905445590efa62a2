import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { AttemptTracker } from '../log/attempts';
import type { LineSplitter } from '../log/line-splitter';
import type { Logger } from '../logger';
import { type Checkpoint, loadCheckpoint, saveCheckpoint } from './checkpoint';
import { findByIdentity, findCopy, readRange } from './rotated-sibling';

export interface FollowerOptions {
  readonly path: string;
  readonly fromStart: boolean;
  readonly checkpointPath: string | null;
  readonly splitter: LineSplitter;
  readonly attempts: AttemptTracker;
  readonly log: Logger;
  /** Called before a checkpoint is written: metrics of the lines read so far must be on their way. */
  readonly beforeCheckpoint: () => void;
  readonly pollMs?: number;
  readonly checkpointEveryMs?: number;
  /** How long a renamed file is still read after it stops growing (the writer may not have reopened yet). */
  readonly renameGraceMs?: number;
}

export interface FollowerStats {
  bytesRead: number;
  renames: number;
  truncations: number;
  recoveredBytes: number;
  lostBytes: number;
}

const CHUNK = 1024 * 1024;
const TAIL = 64;
const YIELD_EVERY = 16 * CHUNK;

interface Identity {
  readonly dev: bigint;
  readonly ino: bigint;
}

function errCode(err: unknown): string | undefined {
  return err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

/**
 * Follows a log file like `tail -F`: survives rotation by rename (drains the old file, then opens the
 * new one from its start) and by copytruncate (finds the rotated copy by fingerprint and reads what it
 * had not read yet), holds a partial last line until its newline arrives, and checkpoints its position.
 */
export class FileFollower {
  readonly stats: FollowerStats = { bytesRead: 0, renames: 0, truncations: 0, recoveredBytes: 0, lostBytes: 0 };
  private fd: number | null = null;
  private identity: Identity | null = null;
  /** Position of the next read in the current file. */
  private offset = 0;
  private tail: Buffer = Buffer.alloc(0);
  private tailAt = 0;
  private renamedAt: number | null = null;
  private lastGrowth = 0;
  private timer: NodeJS.Timeout | null = null;
  private cycleRunning: Promise<void> | null = null;
  private stopped = false;
  private lastCheckpoint = 0;
  private dirty = false;
  private readonly buf = Buffer.allocUnsafe(CHUNK);

  constructor(private readonly o: FollowerOptions) {}

  /** Bytes of the current file whose lines are complete and handed to the parser. */
  get committedOffset(): number {
    return this.offset - this.o.splitter.pendingBytes;
  }

  async start(): Promise<void> {
    this.resolveStart();
    this.cycleRunning = this.cycle();
    await this.cycleRunning;
    this.cycleRunning = null;
    this.schedule();
  }

  /** Reads what is there now, up to end of file (used by tests and the benchmark). */
  async readToEnd(): Promise<void> {
    await this.cycleRunning;
    await this.cycle();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.cycleRunning;
    this.writeCheckpoint(true);
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
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
      if (opened && !this.o.fromStart) this.offset = fstatSync(opened.fd).size;
      log.info(
        opened
          ? `following ${path} from ${this.o.fromStart ? 'its start' : `its end (byte ${this.offset})`}`
          : `waiting for ${path} to appear`,
      );
      return;
    }
    const cpIdentity: Identity = { dev: BigInt(cp.dev), ino: BigInt(cp.ino) };
    const tail = Buffer.from(cp.tail, 'base64');
    if (opened && opened.identity.dev === cpIdentity.dev && opened.identity.ino === cpIdentity.ino) {
      const size = fstatSync(opened.fd).size;
      const here = size >= cp.offset ? readRange(path, cp.offset - tail.length, tail.length) : null;
      if (here?.equals(tail)) {
        this.offset = cp.offset;
        this.setTail(tail, cp.offset);
        log.info(`resuming ${path} at byte ${cp.offset} (checkpoint)`);
        return;
      }
      // Same inode but different content: truncated (copytruncate) while we were not running.
      this.stats.truncations++;
      this.recoverFromCopy(cp.offset, tail);
      this.offset = 0;
      return;
    }
    // Another file under the name: it was rotated by rename while we were not running.
    const old = findByIdentity(path, cpIdentity.dev, cpIdentity.ino);
    if (old) {
      this.stats.renames++;
      this.drainFile(old, cp.offset);
      log.info(`read the rest of the rotated file from byte ${cp.offset}, now following ${path} from its start`);
    } else {
      log.warn(`the checkpointed file was rotated away and not found next to ${path}; unread lines of it are lost`);
    }
    this.offset = 0;
  }

  private open(): { fd: number; identity: Identity } | null {
    try {
      const fd = openSync(this.o.path, 'r');
      const st = fstatSync(fd, { bigint: true });
      this.fd = fd;
      this.identity = { dev: st.dev, ino: st.ino };
      this.offset = 0;
      this.setTail(Buffer.alloc(0), 0);
      return { fd, identity: this.identity };
    } catch (err) {
      if (errCode(err) !== 'ENOENT') this.o.log.warn(`cannot open ${this.o.path}: ${errCode(err) ?? String(err)}`);
      return null;
    }
  }

  private async cycle(): Promise<void> {
    if (this.fd === null) {
      if (!this.open()) return;
    }
    const fd = this.fd;
    if (fd === null) return;
    const size = fstatSync(fd).size;
    if (size < this.offset || !this.tailStillThere(fd, size)) {
      this.stats.truncations++;
      const committed = this.committedOffset;
      this.o.splitter.dropPartial();
      this.recoverFromCopy(committed, this.tail);
      this.offset = 0;
      this.setTail(Buffer.alloc(0), 0);
    }
    const grew = await this.readAvailable(fd);
    if (grew) this.lastGrowth = Date.now();
    this.checkRename();
    this.maybeCheckpoint();
  }

  /** Content replaced under our offset (truncated and regrown between two polls)? */
  private tailStillThere(fd: number, size: number): boolean {
    const len = this.tail.length;
    if (len === 0 || size < this.tailAt) return len === 0;
    const got = Buffer.alloc(len);
    const n = readSync(fd, got, 0, len, this.tailAt - len);
    return n === len && got.equals(this.tail);
  }

  private async readAvailable(fd: number): Promise<boolean> {
    let total = 0;
    let sinceYield = 0;
    for (;;) {
      const n = readSync(fd, this.buf, 0, CHUNK, this.offset);
      if (n <= 0) break;
      this.offset += n;
      total += n;
      sinceYield += n;
      this.stats.bytesRead += n;
      this.o.splitter.push(this.buf.subarray(0, n));
      this.dirty = true;
      if (sinceYield >= YIELD_EVERY) {
        sinceYield = 0;
        this.maybeCheckpoint();
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.fd !== fd) return total > 0;
      }
    }
    if (total > 0) this.refreshTail(fd);
    return total > 0;
  }

  private refreshTail(fd: number): void {
    const at = this.committedOffset;
    if (at === this.tailAt) return;
    const len = Math.min(TAIL, at);
    const tail = Buffer.alloc(len);
    readSync(fd, tail, 0, len, at - len);
    this.setTail(tail, at);
  }

  private setTail(tail: Buffer, at: number): void {
    this.tail = tail;
    this.tailAt = at;
  }

  private checkRename(): void {
    let current: Identity | null = null;
    try {
      const st = statSync(this.o.path, { bigint: true });
      current = { dev: st.dev, ino: st.ino };
    } catch {
      current = null;
    }
    const same = current !== null && this.identity !== null && current.dev === this.identity.dev && current.ino === this.identity.ino;
    if (same) {
      this.renamedAt = null;
      return;
    }
    const now = Date.now();
    if (this.renamedAt === null) {
      this.renamedAt = now;
      return;
    }
    // Keep reading the old file until it has been quiet for the grace period.
    const grace = this.o.renameGraceMs ?? 1000;
    if (now - Math.max(this.renamedAt, this.lastGrowth) < grace) return;
    this.o.splitter.flushPartial();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.identity = null;
    this.renamedAt = null;
    this.stats.renames++;
    this.dirty = true;
    this.o.log.info(`${this.o.path} was rotated (renamed or removed); following the new file from its start`);
    this.open();
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
    let pos = from;
    try {
      for (;;) {
        const n = readSync(fd, this.buf, 0, CHUNK, pos);
        if (n <= 0) break;
        pos += n;
        this.o.splitter.push(this.buf.subarray(0, n));
      }
    } finally {
      closeSync(fd);
    }
    this.o.splitter.flushPartial();
    return pos - from;
  }

  private maybeCheckpoint(): void {
    const every = this.o.checkpointEveryMs ?? 1000;
    if (Date.now() - this.lastCheckpoint >= every) this.writeCheckpoint(false);
  }

  private writeCheckpoint(force: boolean): void {
    const path = this.o.checkpointPath;
    if (path === null || this.identity === null || (!this.dirty && !force)) return;
    this.o.beforeCheckpoint();
    const offset = this.committedOffset;
    if (this.fd !== null && offset !== this.tailAt) this.refreshTail(this.fd);
    try {
      saveCheckpoint(path, {
        version: 1,
        path: this.o.path,
        dev: this.identity.dev.toString(),
        ino: this.identity.ino.toString(),
        offset,
        tail: this.tail.toString('base64'),
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
