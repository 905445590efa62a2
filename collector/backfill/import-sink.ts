import type { LineSink } from '../log/line-splitter';
import type { LogParser } from '../log/parser';
import type { FlushBuckets } from './flush-buckets';
import type { LineTime } from './line-time';
import type { StartUpLog } from './start-ups';

/**
 * Every line of the import, in order: its time (a line without one, a traceback or a proxy line,
 * has the time of the line before), the check against lines an earlier, overlapping file already
 * gave (a rotated set's overlap or the same file twice is read once), then the live collector's
 * parser into the flush buckets, and the start-up lines.
 */

export interface SinkCounts {
  lines: number;
  timed: number;
  duplicates: number;
  late: number;
  /** The first late line, as file:line. */
  firstLate: string | null;
}

export class ImportSink implements LineSink {
  readonly counts: SinkCounts = { lines: 0, timed: 0, duplicates: 0, late: 0, firstLate: null };
  /** Lines of earlier files a later file may repeat: text -> how many times. */
  readonly retained = new Map<string, number>();
  file = '';
  lineInFile = 0;
  /** Lines at or after this time (ms) are kept for the later files that start there. */
  retainFrom = Infinity;
  /** Lines at or before this time (ms) may be repeats of an earlier file's. */
  overlapUntil = -Infinity;
  /** Set when a line reaches a range that holds live data: the import stops before it. */
  stopAt = Infinity;
  stopped = false;
  lastMs = -1;
  private lineKept = true;

  constructor(
    private readonly time: LineTime,
    private readonly parser: LogParser,
    private readonly buckets: FlushBuckets,
    private readonly startUps: StartUpLog,
  ) {}

  line(s: string, start: number, end: number): void {
    if (this.stopped) return;
    this.counts.lines++;
    this.lineInFile++;
    const ms = this.time.of(s, start);
    if (ms >= 0) {
      this.counts.timed++;
      if (ms >= this.stopAt) {
        this.stopped = true;
        return;
      }
      this.lastMs = ms;
    }
    const at = this.lastMs;
    if (at <= this.overlapUntil) {
      const text = s.slice(start, end);
      const seen = this.retained.get(text);
      if (seen !== undefined) {
        if (seen <= 1) this.retained.delete(text);
        else this.retained.set(text, seen - 1);
        this.counts.duplicates++;
        return;
      }
    }
    if (at >= this.retainFrom) {
      const text = s.slice(start, end);
      this.retained.set(text, (this.retained.get(text) ?? 0) + 1);
    }
    if (ms >= 0) {
      this.lineKept = this.buckets.at(ms);
      if (!this.lineKept) {
        this.counts.late++;
        this.counts.firstLate ??= `${this.file}:${this.lineInFile}`;
        return;
      }
    } else if (!this.lineKept) return;
    this.parser.line(s, start, end);
    if (ms >= 0) {
      const close = s.indexOf('] ', start);
      if (close > 0 && close < end) {
        const c = s.charCodeAt(close + 2);
        if (c === 82 || c === 85) this.startUps.message(s, close + 2, end, ms);
      }
    }
  }
}
