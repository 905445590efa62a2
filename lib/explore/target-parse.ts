import { argumentBounds, type GraphiteFunction } from './graphite-functions';

/**
 * A check of one Graphite target in the browser, before it is sent: brackets, quotes, function
 * names and argument counts. graphite-web answers an unbalanced target with an empty 200 (no
 * error at all), so without this check a typo would look like "no data". It is a scanner for
 * the shapes graphite-web's grammar allows, not a full parser: a path keeps `{a,b}` and `[ab]`
 * globs (their commas are not argument separators), strings are '...' or "...", keyword
 * arguments are `name=value`.
 */

export type TargetProblem = { from: number; to: number; message: string };

export type Call = {
  name: string;
  /** Offset of the name and of its `(`. */
  nameFrom: number;
  open: number;
  /** Offset of the matching `)`, null when the call is not closed. */
  close: number | null;
  /** Argument count so far (a call with nothing between its brackets has 0). */
  args: number;
  /** Offsets of the commas that separate its arguments. */
  commas: number[];
};

export type ParsedTarget = { problems: TargetProblem[]; calls: Call[] };

const IDENT_START = /[A-Za-z_]/;
const IDENT = /[A-Za-z0-9_]/;
const CLOSER: Record<string, string> = { '(': ')', '{': '}', '[': ']' };

type Open = { char: '(' | '{' | '['; at: number; call: Call | null; argHasContent: boolean };

/** Scans `text`; `functions` null: the list is not loaded, so names and counts are not checked. */
export function parseTarget(text: string, functions: ReadonlyMap<string, GraphiteFunction> | null): ParsedTarget {
  const problems: TargetProblem[] = [];
  const calls: Call[] = [];
  const stack: Open[] = [];
  let topLevelDone = false;
  let topHasContent = false;

  let trailing = false;
  const iRef = { i: 0 };
  /** Something that is part of an argument (or of the target) starts at the current offset. */
  const markContent = () => {
    const top = stack[stack.length - 1];
    if (top?.char === '(') top.argHasContent = true;
    if (stack.length === 0) {
      if (topLevelDone && !trailing) {
        problems.push({ from: iRef.i, to: text.length, message: `unexpected text after the end of the expression at character ${iRef.i + 1}` });
        trailing = true;
      }
      topHasContent = true;
    }
  };

  while (iRef.i < text.length && !trailing) {
    const i = iRef.i;
    const c = text.charAt(i);
    if (c === "'" || c === '"') {
      markContent();
      const end = text.indexOf(c, i + 1);
      if (end < 0) {
        problems.push({ from: i, to: text.length, message: `unclosed string: ${c} at character ${i + 1} has no closing ${c}` });
        iRef.i = text.length;
        break;
      }
      iRef.i = end + 1;
      continue;
    }
    if (IDENT_START.test(c) && (i === 0 || !IDENT.test(text.charAt(i - 1)))) {
      let end = i + 1;
      while (end < text.length && IDENT.test(text.charAt(end))) end++;
      const inGlob = stack.some((s) => s.char !== '(');
      if (text.charAt(end) === '(' && !inGlob && (i === 0 || text.charAt(i - 1) !== '.')) {
        markContent();
        const name = text.slice(i, end);
        const call: Call = { name, nameFrom: i, open: end, close: null, args: 0, commas: [] };
        calls.push(call);
        const fn = functions?.get(name);
        if (functions !== null && fn === undefined) {
          problems.push({ from: i, to: end, message: `unknown function: ${name}` });
        }
        stack.push({ char: '(', at: end, call, argHasContent: false });
        iRef.i = end + 1;
        continue;
      }
      markContent();
      iRef.i = end;
      continue;
    }
    if (c === '(' || c === '{' || c === '[') {
      markContent();
      if (c === '(') {
        problems.push({ from: i, to: i + 1, message: `unexpected ( at character ${i + 1}: only a function name may be followed by (` });
      }
      stack.push({ char: c, at: i, call: null, argHasContent: false });
      iRef.i = i + 1;
      continue;
    }
    if (c === ')' || c === '}' || c === ']') {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        problems.push({ from: i, to: i + 1, message: `unbalanced ${c} at character ${i + 1}: nothing to close` });
        iRef.i = i + 1;
        continue;
      }
      if (CLOSER[top.char] !== c) {
        problems.push({ from: top.at, to: i + 1, message: `${top.char} at character ${top.at + 1} is closed by ${c} at character ${i + 1}` });
      }
      stack.pop();
      if (top.call) {
        const call = top.call;
        call.close = i;
        if (top.argHasContent) call.args = call.commas.length + 1;
        else if (call.commas.length > 0) problems.push({ from: i, to: i + 1, message: `empty argument in ${call.name}()` });
        checkCount(call, functions, problems);
      }
      if (stack.length > 0) markContent();
      else if (top.call) topLevelDone = true;
      iRef.i = i + 1;
      continue;
    }
    if (c === ',') {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        problems.push({ from: i, to: i + 1, message: `unexpected , at character ${i + 1}: one target per line` });
      } else if (top.char === '(' && top.call) {
        if (!top.argHasContent) problems.push({ from: i, to: i + 1, message: `empty argument in ${top.call.name}()` });
        top.call.commas.push(i);
        top.argHasContent = false;
      }
      iRef.i = i + 1;
      continue;
    }
    if (!/\s/.test(c)) markContent();
    iRef.i = i + 1;
  }

  for (const open of stack) {
    const what = open.call ? `${open.call.name}(` : open.char;
    problems.push({ from: open.at, to: text.length, message: `unbalanced ${what} at character ${open.at + 1}: missing ${CLOSER[open.char]}` });
  }
  if (!topHasContent && problems.length === 0) problems.push({ from: 0, to: text.length, message: 'empty target' });
  return { problems: problems.sort((a, b) => a.from - b.from), calls };
}

function checkCount(call: Call, functions: ReadonlyMap<string, GraphiteFunction> | null, problems: TargetProblem[]): void {
  const fn = functions?.get(call.name);
  if (!fn) return;
  const { min, max } = argumentBounds(fn);
  const plural = (n: number) => `${n} argument${n === 1 ? '' : 's'}`;
  if (call.args < min) {
    problems.push({
      from: call.nameFrom,
      to: (call.close ?? call.open) + 1,
      message: `${call.name}() needs at least ${plural(min)}, got ${call.args}: ${fn.signature}`,
    });
  } else if (max !== null && call.args > max) {
    problems.push({
      from: call.nameFrom,
      to: (call.close ?? call.open) + 1,
      message: `${call.name}() takes at most ${plural(max)}, got ${call.args}: ${fn.signature}`,
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
