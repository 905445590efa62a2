import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { type LineSink, LineSplitter } from '../log/line-splitter';

export interface Identity {
  readonly dev: bigint;
  readonly ino: bigint;
}

export function sameIdentity(a: Identity | null, b: Identity | null): boolean {
  return a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;
}

const TAIL = 64;

/**
 * One open generation of the log file: its descriptor and identity, how far it was read, its own
 * partial-line state, and a fingerprint (the bytes just before the committed offset) that tells a
 * truncated or replaced file from one that only grew.
 */
export class LogFile {
  offset = 0;
  tail: Buffer = Buffer.alloc(0);
  tailAt = 0;

  private constructor(
    readonly fd: number,
    readonly identity: Identity,
    readonly splitter: LineSplitter,
  ) {}

  /** Opens `path`; null when it does not exist (other errors are thrown). */
  static open(path: string, sink: LineSink, maxLineBytes?: number): LogFile | null {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (err) {
      if (err instanceof Error && 'code' in err && err.code === 'ENOENT') return null;
      throw err;
    }
    const st = fstatSync(fd, { bigint: true });
    return new LogFile(fd, { dev: st.dev, ino: st.ino }, new LineSplitter(sink, maxLineBytes));
  }

  /** After the last complete line handed to the parser. */
  get committed(): number {
    return this.offset - this.splitter.pendingBytes;
  }

  size(): number {
    return fstatSync(this.fd).size;
  }

  /** Reads up to `limit` bytes (or to the end) into the splitter; returns how many. */
  read(buf: Buffer, limit = Number.POSITIVE_INFINITY): number {
    let total = 0;
    while (total < limit) {
      const n = readSync(this.fd, buf, 0, buf.length, this.offset);
      if (n <= 0) break;
      this.offset += n;
      total += n;
      this.splitter.push(buf.subarray(0, n));
    }
    return total;
  }

  /** True unless the bytes before the committed offset changed (truncated, or truncated and regrown). */
  unchanged(size: number): boolean {
    if (size < this.offset) return false;
    const len = this.tail.length;
    if (len === 0) return true;
    if (size < this.tailAt) return false;
    const got = Buffer.alloc(len);
    const n = readSync(this.fd, got, 0, len, this.tailAt - len);
    return n === len && got.equals(this.tail);
  }

  refreshTail(): void {
    const at = this.committed;
    if (at === this.tailAt) return;
    const len = Math.min(TAIL, at);
    const tail = Buffer.alloc(len);
    readSync(this.fd, tail, 0, len, at - len);
    this.tail = tail;
    this.tailAt = at;
  }

  /** Forgets everything read: the file was truncated. Returns where we were, for the rotated copy. */
  restart(): { committed: number; tail: Buffer } {
    const was = { committed: this.committed, tail: this.tail };
    this.splitter.dropPartial();
    this.offset = 0;
    this.tail = Buffer.alloc(0);
    this.tailAt = 0;
    return was;
  }

  /** Reads the rest; the file is finished (rotated away), so its last line is complete. */
  finish(buf: Buffer): number {
    const n = this.read(buf);
    this.splitter.flushPartial();
    closeSync(this.fd);
    return n;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Reads a finished file from `from` to its end (a rotated file or copy). Returns the bytes read. */
export function readFinishedFile(path: string, from: number, sink: LineSink, buf: Buffer, maxLineBytes?: number): number {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return 0;
  }
  const splitter = new LineSplitter(sink, maxLineBytes);
  let pos = from;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n <= 0) break;
      pos += n;
      splitter.push(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  splitter.flushPartial();
  return pos - from;
}
