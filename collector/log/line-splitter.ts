export interface LineSink {
  line(text: string, start: number, end: number): void;
}

const NEWLINE = 10;
export const DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;

/**
 * Bytes in, complete lines out. Each chunk is decoded once, up to its last newline, and lines are
 * handed over as (text, start, end) so the parser never allocates per line.
 *
 * Decoding is latin1 on purpose: one byte becomes one char with a plain copy, several times faster
 * than UTF-8 decoding (which dominated the benchmark profile), and every byte sequence, including
 * invalid UTF-8, decodes without error. Everything the parser matches is ASCII; non-ASCII text
 * (a user name) decodes to the same chars every time, so comparing it still works, and it never
 * reaches a metric name. 0x0A never occurs inside a UTF-8 multi-byte sequence, so splitting on it
 * is safe. A partial last line is held until its newline arrives. A line longer than
 * `maxLineBytes` keeps its head (enough to classify it) and the rest is skipped.
 */
export class LineSplitter {
  private carry: Buffer[] = [];
  private carryBytes = 0;
  /** Every byte of the current unfinished line, including skipped ones (for byte offsets). */
  private partialBytes = 0;
  oversizedLines = 0;

  constructor(
    private readonly sink: LineSink,
    private readonly maxLineBytes = DEFAULT_MAX_LINE_BYTES,
  ) {}

  /** Bytes received that belong to a line not yet complete. */
  get pendingBytes(): number {
    return this.partialBytes;
  }

  push(chunk: Buffer): void {
    const last = chunk.lastIndexOf(NEWLINE);
    if (last === -1) {
      this.hold(chunk);
      return;
    }
    let from = 0;
    if (this.partialBytes > 0) {
      const first = chunk.indexOf(NEWLINE);
      this.hold(chunk.subarray(0, first));
      this.emitCarry();
      from = first + 1;
    }
    if (from <= last) {
      const text = chunk.toString('latin1', from, last);
      let pos = 0;
      const len = text.length;
      const sink = this.sink;
      for (;;) {
        const nl = text.indexOf('\n', pos);
        if (nl === -1) {
          sink.line(text, pos, len);
          break;
        }
        sink.line(text, pos, nl);
        pos = nl + 1;
      }
    }
    if (last + 1 < chunk.length) this.hold(chunk.subarray(last + 1));
  }

  /** The stream ended (stdin closed, or a rotated file is finished): its last line is complete. */
  flushPartial(): void {
    if (this.partialBytes > 0) this.emitCarry();
  }

  /** Forgets a partial line whose file was truncated underneath it. */
  dropPartial(): void {
    this.carry = [];
    this.carryBytes = 0;
    this.partialBytes = 0;
  }

  private hold(bytes: Buffer): void {
    this.partialBytes += bytes.length;
    const room = this.maxLineBytes - this.carryBytes;
    if (room <= 0 || bytes.length === 0) return;
    // Copy: callers reuse their read buffers.
    const kept = Buffer.from(bytes.length > room ? bytes.subarray(0, room) : bytes);
    this.carry.push(kept);
    this.carryBytes += kept.length;
  }

  private emitCarry(): void {
    if (this.partialBytes > this.carryBytes) this.oversizedLines++;
    const whole = this.carry.length === 1 ? this.carry[0] : Buffer.concat(this.carry, this.carryBytes);
    const text = whole === undefined ? '' : whole.toString('latin1');
    this.dropPartial();
    this.sink.line(text, 0, text.length);
  }
}
