/**
 * The one reading of a Graphite target's structure, for the browser's check (target-parse.ts) and
 * the server's (lib/http/target-check.ts) alike. graphite-web's parser (render/grammar_unsafe.py)
 * reads the longest prefix it understands and silently drops the rest (`sum(a` renders the metric
 * `sum`), or fails with a 500 and a traceback (`(`, `.5`, non-ASCII), or evaluates something
 * meaningless (`NaN` is a metric path to it, not a number): either way the person gets no useful
 * answer, so all of these are problems here, each naming its position (1-based).
 *
 * One pass over the text, no function list (names and argument counts are target-parse.ts's);
 * pure and cheap enough for the render cache's fast path. A path keeps `{a,b}` and `[ab]` globs
 * (their commas separate no arguments), strings are '...' or "..." with backslash escapes,
 * keyword arguments are `name=value`, `a | f()` pipes a series into a call.
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
  /** Called after a `|`: the series before it is its first argument, unwritten. */
  piped: boolean;
};

/** `problems` in the order they were found: the first is what the server answers. */
export type TargetScan = { problems: TargetProblem[]; calls: Call[] };

/** graphite-web's `symbols`: outside quotes, everything else printable is a path character. */
const SYMBOLS = `(){},.'"\\|`;
const CLOSER: Readonly<Record<string, string>> = { '(': ')', '{': '}', '[': ']' };
const IDENT_START = /[A-Za-z_]/;
const IDENT_CHAR = /[A-Za-z0-9_]/;
// Graphite's grammar knows one non-finite number, `inf`; these it reads as metric paths.
const NOT_A_NUMBER = /^[+-]?(?:nan|inf(?:inity)?)$/i;
const INF = /^inf$/i;
const KEYWORD = /^[A-Za-z_][A-Za-z0-9_]*\s*=\s*/;

type Open = { char: '(' | '{' | '['; at: number; call: Call | null; argHasContent: boolean; argFrom: number };

const at = (i: number) => `at character ${i + 1}`;

export function isPathChar(c: string | undefined): boolean {
  return c !== undefined && c > ' ' && c <= '~' && !SYMBOLS.includes(c);
}

/** The start of the function name a `(` at `open` closes over, or null when it follows none (`(a)`, `a.b(c)`). */
function functionNameStart(text: string, open: number): { start: number; end: number } | null {
  let end = open;
  while (end > 0 && text.charAt(end - 1) === ' ') end--;
  let start = end;
  while (start > 0 && IDENT_CHAR.test(text.charAt(start - 1))) start--;
  if (start === end || !IDENT_START.test(text.charAt(start))) return null;
  const before = text.charAt(start - 1);
  // `x.sum(` or `-sum(`: the name is the tail of a path, which Graphite reads as the path alone.
  if (start > 0 && (isPathChar(before) || '.}\\'.includes(before))) return null;
  return { start, end };
}

export function scanTargetText(text: string): TargetScan {
  const problems: TargetProblem[] = [];
  const calls: Call[] = [];
  const stack: Open[] = [];
  const problem = (from: number, to: number, message: string) => problems.push({ from, to, message });

  const nonAscii = /[\u0080-\u{10ffff}]/u.exec(text);
  if (nonAscii !== null) {
    problem(
      nonAscii.index,
      nonAscii.index + nonAscii[0].length,
      `${JSON.stringify(nonAscii[0])} ${at(nonAscii.index)} is not ASCII (Graphite reads only ASCII)`,
    );
  }

  let quote: { char: string; at: number } | null = null;
  // Whether the previous character ends a path element (so a `.` may follow).
  let afterPath = false;
  let topLevelDone = false;
  let topHasContent = false;
  let trailing = false;

  /** Something that is part of an argument (or of the target) starts at `i`. */
  const markContent = (i: number) => {
    const top = stack.at(-1);
    if (top?.char === '(') top.argHasContent = true;
    if (stack.length > 0) return;
    if (topLevelDone && !trailing) {
      problem(i, text.length, `unexpected text after the end of the expression ${at(i)}`);
      trailing = true;
    }
    topHasContent = true;
  };

  /** An argument ends at `end` (a comma or the call's `)`): a bare NaN is no number to Graphite. */
  const endArgument = (open: Open, end: number) => {
    const raw = text.slice(open.argFrom, end);
    const value = raw.trim().replace(KEYWORD, '');
    if (NOT_A_NUMBER.test(value) && !INF.test(value)) {
      const from = open.argFrom + raw.indexOf(value);
      problem(
        from,
        from + value.length,
        `${value} ${at(from)} is not a number to Graphite, which would read it as a metric path (its only non-finite number is inf)`,
      );
    }
  };

  for (let i = 0; i < text.length && !trailing; i++) {
    const c = text.charAt(i);
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote.char) quote = null;
      continue;
    }
    if (c === '\\') {
      // An escaped symbol is part of a path (`a\(b`).
      markContent(i);
      i++;
      afterPath = true;
      continue;
    }
    if (c === '"' || c === "'") {
      markContent(i);
      quote = { char: c, at: i };
      afterPath = false;
      continue;
    }
    if (c === '(' || c === '{' || c === '[') {
      let call: Call | null = null;
      if (c === '(') {
        const inGlob = stack.some((s) => s.char !== '(');
        const name = inGlob ? null : functionNameStart(text, i);
        if (name === null) {
          problem(i, i + 1, `"(" ${at(i)} does not follow a function name`);
        } else {
          const piped = text.slice(0, name.start).trimEnd().endsWith('|');
          call = { name: text.slice(name.start, name.end), nameFrom: name.start, open: i, close: null, args: 0, commas: [], piped };
          calls.push(call);
        }
      }
      markContent(i);
      stack.push({ char: c, at: i, call, argHasContent: false, argFrom: i + 1 });
      afterPath = false;
      continue;
    }
    if (c === ')' || c === '}' || c === ']') {
      const top = stack.pop();
      if (top === undefined) {
        problem(i, i + 1, `"${c}" ${at(i)} closes nothing`);
        continue;
      }
      if (CLOSER[top.char] !== c) problem(top.at, i + 1, `"${c}" ${at(i)} does not close "${top.char}" ${at(top.at)}`);
      if (top.call !== null) {
        const call = top.call;
        call.close = i;
        if (top.argHasContent) {
          call.args = call.commas.length + 1;
          endArgument(top, i);
        } else if (call.commas.length > 0) {
          problem(i, i + 1, `empty argument in ${call.name}() ${at(i)}`);
        }
      }
      if (stack.length > 0) markContent(i);
      else if (top.call !== null) topLevelDone = true;
      afterPath = c === '}' || c === ']';
      continue;
    }
    if (c === ',') {
      const top = stack.at(-1);
      if (top === undefined) {
        problem(i, i + 1, `unexpected , ${at(i)}: one target per line`);
      } else if (top.call !== null) {
        if (!top.argHasContent) problem(i, i + 1, `empty argument in ${top.call.name}() ${at(i)}`);
        else endArgument(top, i);
        top.call.commas.push(i);
        top.argHasContent = false;
        top.argFrom = i + 1;
      }
      afterPath = false;
      continue;
    }
    if (c === '|') {
      // A pipe hands what is before it to the call after it: the expression goes on.
      if (stack.length === 0) topLevelDone = false;
      afterPath = false;
      continue;
    }
    if (c === '.') {
      const next = text.charAt(i + 1);
      if (!afterPath || !(isPathChar(next) || next === '{' || next === '[' || next === '\\')) {
        const hint = !afterPath && /\d/.test(next) ? ' (a number needs a digit before the point: 0.5)' : '';
        problem(i, i + 1, `empty path element ${at(i)}${hint}`);
      }
      afterPath = false;
      continue;
    }
    if (c !== ' ' && c !== '\t') markContent(i);
    afterPath = isPathChar(c);
  }

  if (quote !== null) problem(quote.at, text.length, `unclosed ${quote.char} ${at(quote.at)}`);
  for (const open of [...stack].reverse()) problem(open.at, text.length, `unclosed "${open.char}" ${at(open.at)}`);
  if (!topHasContent && problems.length === 0) problem(0, text.length, 'empty target');
  return { problems, calls };
}
