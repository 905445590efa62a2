import { stripAnsi } from './ansi';

/**
 * configurable-http-proxy lines: `11:12:11.023 [ConfigProxy] \x1b[31merror\x1b[39m: 503 GET /user/x/tree connect ECONNREFUSED ...`.
 * Only `error` lines matter: `CODE METHOD URL reason` is a proxy error, anything else is reported unclassified
 * except the known follow-on `Failed to get custom error page`.
 */
export type ProxyLine =
  | { readonly kind: 'proxy-error'; readonly status: number }
  | { readonly kind: 'known' }
  | { readonly kind: 'unclassified' }
  | { readonly kind: 'other' };

const TAG = '[ConfigProxy] ';
const PROXY_ERROR = /^([1-5]\d\d) [A-Z]+ /;

/** Index just after the `[ConfigProxy] ` tag, or -1 when the line is not a proxy line. */
export function proxyTagEnd(s: string, start: number, end: number): number {
  // `HH:MM:SS.mmm ` is 13 characters; anything else is looked for in the line's head only, never
  // further on in the chunk (a run of stray lines would otherwise scan the chunk again and again).
  if (s.startsWith(TAG, start + 13)) return start + 13 + TAG.length;
  const at = s.slice(start, Math.min(end, start + 48)).indexOf(TAG);
  return at === -1 ? -1 : start + at + TAG.length;
}

export function classifyProxyLine(rest: string): ProxyLine {
  const text = stripAnsi(rest);
  const colon = text.indexOf(': ');
  if (colon === -1) return { kind: 'other' };
  const level = text.slice(0, colon);
  if (level !== 'error') return { kind: 'other' };
  const message = text.slice(colon + 2);
  const m = PROXY_ERROR.exec(message);
  if (m?.[1] !== undefined) return { kind: 'proxy-error', status: Number(m[1]) };
  if (message.startsWith('Failed to get custom error page')) return { kind: 'known' };
  return { kind: 'unclassified' };
}
