import { argumentBounds, type GraphiteFunction } from './graphite-functions';
import { type Call, scanTargetText, type TargetProblem } from './target-scan';

/**
 * The browser's check of one Graphite target, before it is sent: the structure as the one
 * grammar reads it (target-scan.ts, which the server's check uses too), plus what needs
 * graphite-web's function list: names and argument counts. graphite-web answers an unbalanced
 * target with an empty 200 (no error at all), so without this check a typo would look like
 * "no data".
 */

export type { Call, TargetProblem } from './target-scan';

export type ParsedTarget = { problems: TargetProblem[]; calls: Call[] };

const IDENT_START = /[A-Za-z_]/;
const IDENT = /[A-Za-z0-9_]/;

/** Checks `text`; `functions` null: the list is not loaded, so names and counts are not checked. */
export function parseTarget(text: string, functions: ReadonlyMap<string, GraphiteFunction> | null): ParsedTarget {
  const { problems, calls } = scanTargetText(text);
  const found = [...problems];
  if (functions !== null) {
    for (const call of calls) {
      if (functions.has(call.name)) {
        if (call.close !== null) checkCount(call, functions, found);
      } else {
        found.push({ from: call.nameFrom, to: call.open, message: `unknown function: ${call.name}` });
      }
    }
  }
  return { problems: found.sort((a, b) => a.from - b.from), calls };
}

function checkCount(call: Call, functions: ReadonlyMap<string, GraphiteFunction> | null, problems: TargetProblem[]): void {
  const fn = functions?.get(call.name);
  if (!fn) return;
  const { min, max } = argumentBounds(fn);
  const args = call.args + (call.piped ? 1 : 0);
  const plural = (n: number) => `${n} argument${n === 1 ? '' : 's'}`;
  if (args < min) {
    problems.push({
      from: call.nameFrom,
      to: (call.close ?? call.open) + 1,
      message: `${call.name}() needs at least ${plural(min)}, got ${args}: ${fn.signature}`,
    });
  } else if (max !== null && args > max) {
    problems.push({
      from: call.nameFrom,
      to: (call.close ?? call.open) + 1,
      message: `${call.name}() takes at most ${plural(max)}, got ${args}: ${fn.signature}`,
    });
  }
}

/** The innermost call whose brackets hold `cursor`, and which of its arguments the cursor is in. */
export function callAtCursor(parsed: ParsedTarget, cursor: number): { call: Call; argIndex: number } | null {
  let best: Call | null = null;
  for (const call of parsed.calls) {
    const inside = cursor > call.open && (call.close === null || cursor <= call.close);
    if (inside && (best === null || call.open > best.open)) best = call;
  }
  if (best === null) return null;
  const argIndex = best.commas.filter((at) => at < cursor).length;
  return { call: best, argIndex };
}

/**
 * The function-name prefix being typed at `cursor`, when a function name can stand there (start
 * of the target or of an argument, not inside a string or a path): `{ from, prefix }`.
 */
export function wordAtCursor(text: string, cursor: number): { from: number; prefix: string } | null {
  let from = cursor;
  while (from > 0 && IDENT.test(text.charAt(from - 1))) from--;
  const prefix = text.slice(from, cursor);
  if (prefix.length === 0 || !IDENT_START.test(prefix.charAt(0))) return null;
  const before = text.slice(0, from).trimEnd();
  const last = before.charAt(before.length - 1);
  if (before.length > 0 && last !== '(' && last !== ',') return null;
  if (insideString(text, from)) return null;
  return { from, prefix };
}

function insideString(text: string, at: number): boolean {
  let quote: string | null = null;
  for (let i = 0; i < at; i++) {
    const c = text.charAt(i);
    if (quote === null && (c === "'" || c === '"')) quote = c;
    else if (quote === c) quote = null;
  }
  return quote !== null;
}

/** Function names for a prefix: those starting with it first (case-sensitive), then the rest containing it. */
export function suggestFunctions(functions: readonly GraphiteFunction[], prefix: string, limit = 12): GraphiteFunction[] {
  const lower = prefix.toLowerCase();
  const starts = functions.filter((f) => f.name.startsWith(prefix));
  const startsLoose = functions.filter((f) => !f.name.startsWith(prefix) && f.name.toLowerCase().startsWith(lower));
  const contains = functions.filter((f) => !f.name.toLowerCase().startsWith(lower) && f.name.toLowerCase().includes(lower));
  return [...starts, ...startsLoose, ...contains].slice(0, limit);
}

/** `text` with the word at `from..cursor` replaced by `name(`; the new cursor sits after the `(`. */
export function acceptFunction(text: string, from: number, cursor: number, name: string): { text: string; cursor: number } {
  let end = cursor;
  while (end < text.length && IDENT.test(text.charAt(end))) end++;
  const hasParen = text.charAt(end) === '(';
  const inserted = hasParen ? name : `${name}(`;
  return { text: text.slice(0, from) + inserted + text.slice(end), cursor: from + inserted.length + (hasParen ? 1 : 0) };
}
