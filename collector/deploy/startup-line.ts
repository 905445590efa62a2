import type { LineSink } from '../log/line-splitter';

/**
 * Watches the hub log for JupyterHub's start-up line,
 *   [I 2026-12-01 08:28:28.547 JupyterHub app:2775] Running JupyterHub version 3.0.0
 * and passes every line on to the parser unchanged. A line that is old when read (the collector
 * catching up with --from-start) is not a restart happening now, and is ignored.
 */

const PHRASE = 'Running JupyterHub version ';
const STAMP = /^\[[A-Z] (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.\d+)? JupyterHub /;
/** How old a start-up line may be when read and still count as a restart. */
export const STARTUP_LINE_MAX_AGE_S = 600;

export type StartupLine = { version: string; at: number };

/** The start-up line's version and time (epoch seconds, the hub's local time), or undefined. */
export function parseStartupLine(line: string): StartupLine | undefined {
  const close = line.indexOf('] ');
  if (close === -1 || !line.startsWith(PHRASE, close + 2)) return undefined;
  const stamp = STAMP.exec(line);
  if (stamp === null) return undefined;
  // JupyterHub writes local time without a zone, as the collector's host (usually the hub's) reads it.
  const at = Date.parse(`${stamp[1]}T${stamp[2]}`) / 1000;
  const version = line.slice(close + 2 + PHRASE.length).trim();
  return Number.isFinite(at) && version !== '' ? { version, at: Math.floor(at) } : undefined;
}

export class StartupLineTee implements LineSink {
  constructor(
    private readonly next: LineSink,
    private readonly onStartup: (line: StartupLine) => void,
    private readonly nowSeconds: () => number = () => Date.now() / 1000,
  ) {}

  line(text: string, start: number, end: number): void {
    this.next.line(text, start, end);
    // Cheap test first: the phrase must follow the first "] " of the line.
    const close = text.indexOf('] ', start);
    if (close === -1 || close >= end || !text.startsWith(PHRASE, close + 2)) return;
    const seen = parseStartupLine(text.slice(start, end));
    if (seen !== undefined && Math.abs(this.nowSeconds() - seen.at) <= STARTUP_LINE_MAX_AGE_S) this.onStartup(seen);
  }
}
