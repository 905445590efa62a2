import { statSync } from 'node:fs';
import type { AttemptTracker } from '../log/attempts';
import type { LineSink } from '../log/line-splitter';
import type { Logger } from '../logger';
import { type Checkpoint, loadCheckpoint, saveCheckpoint } from './checkpoint';
import { type Identity, LogFile, readFinishedFile, sameIdentity } from './log-file';
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

// Reads of 64 KiB: each is decoded into one string, and strings above V8's regular object size
// (~128 KiB) go to large-object space, which made decoding 10-30x slower in the benchmark profile.
const CHUNK = 64 * 1024;
const YIELD_EVERY = 16 * 1024 * 1024;

interface Draining {
  readonly file: LogFile;
  readonly since: number;
  lastGrowth: number;
}

function errCode(err: unknown): string {
  if (err instanceof Error && 'code' in err && typeof err.code === 'string') return err.code;
  return err instanceof Error ? err.message : String(err);
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
  private current: LogFile | null = null;
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
    return this.current?.committed ?? 0;
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
    for (const d of this.draining) this.stats.bytesRead += d.file.finish(this.buf);
    this.draining = [];
    this.writeCheckpoint(true);
    this.current?.close();
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

  private open(): LogFile | null {
    const file = LogFile.open(this.o.path, this.o.sink, this.o.maxLineBytes);
    if (file) this.current = file;
    return file;
  }

  private tryOpen(): LogFile | null {
    try {
      return this.open();
    } catch (err) {
      this.o.log.warn(`cannot open ${this.o.path}: ${errCode(err)}`);
      return null;
    }
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
    const opened = this.tryOpen();
    if (!cp) {
      if (opened && !this.o.fromStart) opened.offset = opened.size();
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
      const here = opened.size() >= cp.offset ? readRange(path, cp.offset - tail.length, tail.length) : null;
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
      this.stats.bytesRead += readFinishedFile(old, cp.offset, this.o.sink, this.buf, this.o.maxLineBytes);
      log.info(`read the rotated file from byte ${cp.offset} to its end; following ${path} from its start`);
    } else {
      log.warn(`the checkpointed file was rotated away and is not next to ${path}; its unread lines are lost`);
    }
  }

  private async cycle(): Promise<void> {
    try {
      await this.cycleOnce();
      this.lastError = '';
    } catch (err) {
      // A read error must not stop the collector. The position is kept (reopening would read the
      // file again from its start); the next poll retries.
      const code = errCode(err);
      if (code !== this.lastError) this.o.log.warn(`reading ${this.o.path}: ${code}`);
      this.lastError = code;
    }
  }

  private async cycleOnce(): Promise<void> {
    const file = this.current ?? this.open();
    if (file !== null) {
      if (!file.unchanged(file.size())) {
        this.stats.truncations++;
        const was = file.restart();
        this.recoverFromCopy(was.committed, was.tail);
      }
      await this.readCurrent(file);
    }
    this.readDraining();
    this.checkRename();
    this.maybeCheckpoint();
  }

  /** Reads to the end, yielding to the event loop every 16 MB so a large backlog does not block it. */
  private async readCurrent(file: LogFile): Promise<void> {
    for (;;) {
      const n = file.read(this.buf, YIELD_EVERY);
      if (n === 0) break;
      this.stats.bytesRead += n;
      this.dirty = true;
      file.refreshTail();
      if (n < YIELD_EVERY) break;
      this.maybeCheckpoint();
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.stopped || file !== this.current) break;
    }
  }

  private readDraining(): void {
    if (this.draining.length === 0) return;
    const now = Date.now();
    const grace = this.o.renameGraceMs ?? 1000;
    const keep: Draining[] = [];
    for (const d of this.draining) {
      const n = d.file.read(this.buf);
      this.stats.bytesRead += n;
      if (n > 0) d.lastGrowth = now;
      if (now - Math.max(d.since, d.lastGrowth) >= grace) this.stats.bytesRead += d.file.finish(this.buf);
      else keep.push(d);
    }
    this.draining = keep;
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
    // Read the new file right away: another rotation may come before the next poll.
    const next = this.tryOpen();
    if (next) {
      this.stats.bytesRead += next.read(this.buf);
      next.refreshTail();
    }
  }

  private recoverFromCopy(committed: number, tail: Buffer): void {
    const copy = findCopy(this.o.path, committed, tail);
    if (copy) {
      const n = readFinishedFile(copy, committed, this.o.sink, this.buf, this.o.maxLineBytes);
      this.stats.recoveredBytes += n;
      this.o.log.info(`${this.o.path} was truncated (copytruncate); read ${n} unread bytes from its rotated copy`);
    } else if (committed > 0) {
      this.o.log.warn(`${this.o.path} was truncated and no rotated copy matched; lines after byte ${committed} may be lost`);
    }
    this.dirty = true;
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
    try {
      file.refreshTail();
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
      this.o.log.warn(`cannot write checkpoint ${path}: ${errCode(err)}`);
    }
  }
}
