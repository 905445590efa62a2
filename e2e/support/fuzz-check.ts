import type { FuzzCase } from './fuzz-cases';
import type { RawAnswer } from './raw-http';

/**
 * What every /api answer must be (README "Errors"): no 5xx but the documented upstream failures;
 * every error in exactly `{"error":{"code","message"}}` as application/json; a 4xx message
 * naming the field at fault (`target[0]: ...`); a 405 with `Allow`.
 */

const UPSTREAM = new Set(['502 graphite_unreachable', '502 graphite_error', '503 graphite_busy', '504 graphite_timeout']);
const FIELD = /^[A-Za-z][\w-]*(?:\[\d+\])?(?:\.[\w-]+)*: \S/;
/** 4xx about no field of the request: the server's own configuration. */
const NO_FIELD = new Set(['deploys_disabled']);

function errorBody(text: string): { code: string; message: string } | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return `not JSON: ${JSON.stringify(text.slice(0, 80))}`;
  }
  if (typeof parsed !== 'object' || parsed === null || Object.keys(parsed).join() !== 'error')
    return `not {"error": ...}: ${text.slice(0, 80)}`;
  const error: unknown = (parsed as { error: unknown }).error;
  if (typeof error !== 'object' || error === null || Object.keys(error).sort().join() !== 'code,message')
    return `error keys are not code, message: ${text.slice(0, 80)}`;
  const { code, message } = error as { code: unknown; message: unknown };
  if (typeof code !== 'string' || typeof message !== 'string' || code === '' || message === '')
    return `code/message not strings: ${text.slice(0, 80)}`;
  return { code, message };
}

/** What is wrong with `answer` to `fuzz`, or null. */
export function answerProblem(fuzz: FuzzCase, answer: RawAnswer): string | null {
  const { status } = answer;
  if (status < 400) return null;
  // `/api/%2e%2e/status` is `/status` once the URL is read (by the server and any browser): a page.
  const pathname = new URL(fuzz.path, 'http://x').pathname;
  if (pathname !== '/api' && !pathname.startsWith('/api/')) return status >= 500 ? `${status} on the page ${pathname}` : null;
  if (!/^application\/json(;|$)/.test(answer.headers['content-type'] ?? ''))
    return `${status} with content-type ${answer.headers['content-type']}`;
  if (status === 405 && answer.headers.allow === undefined) return '405 without Allow';
  // A HEAD answer has no body to read the code from.
  if (fuzz.method === 'HEAD') return status >= 500 && ![502, 503, 504].includes(status) ? `HEAD ${status}` : null;
  const body = errorBody(answer.body);
  if (typeof body === 'string') return `${status} ${body}`;
  if (status === 502 && fuzz.requestAtFault === true)
    return `${status} ${body.code} for a request Graphite cannot evaluate (a 4xx is due): ${body.message}`;
  if (status >= 500) return UPSTREAM.has(`${status} ${body.code}`) ? null : `${status} ${body.code}: ${body.message}`;
  if (!NO_FIELD.has(body.code) && !FIELD.test(body.message)) return `${status} ${body.code} names no field: ${body.message.slice(0, 100)}`;
  return null;
}
