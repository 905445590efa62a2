import { spawnRequestUser } from '../spawn-request';

/**
 * JupyterHub's access log message: `STATUS METHOD URI[ -> LOCATION] (user@ip) N.NNms`
 * (3.0 `log:186`, 4.x-6.x `log:192`; a redirect adds ` -> LOCATION`, some builds write ` → `).
 * Returns the status and duration without allocating; the user part is never read.
 */
export interface RequestFacts {
  status: number;
  durationMs: number;
}

/**
 * For a 5xx access line: the user whose server the request started or waited for (see
 * ../spawn-request.ts), else null. Only called for 5xx lines, so it may allocate; the name is
 * used to pair the answer with a counted failure and never leaves the parser.
 */
export function spawnAnswerUser(s: string, msgStart: number, end: number): string | null {
  const methodEnd = s.indexOf(' ', msgStart + 4);
  const uriEnd = methodEnd === -1 ? -1 : s.indexOf(' ', methodEnd + 1);
  const open = s.lastIndexOf(' (', end);
  if (uriEnd === -1 || open < uriEnd) return null;
  const at = s.indexOf('@', open);
  const requester = at === -1 || at > end ? '' : s.slice(open + 2, at);
  return spawnRequestUser(s.slice(msgStart + 4, methodEnd), s.slice(methodEnd + 1, uriEnd), requester);
}

const ZERO = 48;
const NINE = 57;
const SPACE = 32;
const CLOSE_PAREN = 41;

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= ZERO && c <= NINE ? c - ZERO : -1;
}

export function parseRequestLine(s: string, start: number, end: number, out: RequestFacts): boolean {
  if (end - start < 12 || s.charCodeAt(start + 3) !== SPACE) return false;
  const d0 = digit(s, start);
  const d1 = digit(s, start + 1);
  const d2 = digit(s, start + 2);
  if (d0 < 1 || d1 < 0 || d2 < 0) return false;
  // ends with `) 12.34ms`
  if (s.charCodeAt(end - 1) !== 115 || s.charCodeAt(end - 2) !== 109) return false;
  const space = s.lastIndexOf(' ', end - 3);
  if (space <= start + 4 || s.charCodeAt(space - 1) !== CLOSE_PAREN) return false;
  const ms = Number(s.slice(space + 1, end - 2));
  if (!Number.isFinite(ms)) return false;
  out.status = d0 * 100 + d1 * 10 + d2;
  out.durationMs = ms;
  return true;
}
