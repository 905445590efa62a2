/**
 * The Python/tornado prefix every JupyterHub-family process uses:
 * `[L YYYY-MM-DD HH:MM:SS.mmm AppName module:line] message`.
 * Parsed by index arithmetic (no regex, no allocation) because it runs on every line.
 * The app name and module are located backwards from the closing `]`, so a custom
 * `log_datefmt` does not break it.
 */
export interface HubPrefix {
  level: number; // char code of I/W/E/C/D
  appStart: number;
  appEnd: number;
  moduleStart: number;
  msgStart: number;
}

export function newHubPrefix(): HubPrefix {
  return { level: 0, appStart: 0, appEnd: 0, moduleStart: 0, msgStart: 0 };
}

const OPEN = 91; // [
const CLOSE = 93; // ]
const SPACE = 32;
const MAX_PREFIX = 120;

/** Fills `out` and returns true when `s[start,end)` starts with a hub-style prefix. */
export function parseHubPrefix(s: string, start: number, end: number, out: HubPrefix): boolean {
  if (end - start < 8 || s.charCodeAt(start) !== OPEN || s.charCodeAt(start + 2) !== SPACE) return false;
  const limit = Math.min(end, start + MAX_PREFIX);
  // A bounded scan: indexOf would run on through the rest of the chunk when the line has no `]`.
  let close = start + 3;
  while (close < limit && s.charCodeAt(close) !== CLOSE) close++;
  if (close >= limit) return false;
  const moduleSpace = s.lastIndexOf(' ', close);
  if (moduleSpace <= start + 3) return false;
  const appSpace = s.lastIndexOf(' ', moduleSpace - 1);
  if (appSpace <= start + 2) return false;
  out.level = s.charCodeAt(start + 1);
  out.appStart = appSpace + 1;
  out.appEnd = moduleSpace;
  out.moduleStart = moduleSpace + 1;
  out.msgStart = s.charCodeAt(close + 1) === SPACE ? close + 2 : close + 1;
  return true;
}

/** Epoch ms of the `YYYY-MM-DD HH:MM:SS.mmm` stamp (read as UTC: only differences are used). */
export function hubLineTimeMs(s: string, start: number): number | null {
  const stamp = s.slice(start + 3, start + 26);
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?/.exec(stamp);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, ms] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), Number(ms ?? 0));
}
