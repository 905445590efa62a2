/**
 * What can be known about a Graphite target without asking graphite-web. Its parser
 * (graphite/render/grammar_unsafe.py) reads the longest prefix it understands and silently drops
 * the rest (`sum(a` renders the metric `sum`), or fails with a 500 and a traceback (`(`, `.5`,
 * non-ASCII): either way the person gets no useful answer, so these are refused with a 400 first.
 *
 * Pure: a single pass over the text, cheap enough for the render cache's fast path.
 */

/** graphite-web's `symbols`: outside quotes, everything else printable is a path character. */
const SYMBOLS = `(){},.'"\\|`;
const CLOSES: Readonly<Record<string, string>> = { ')': '(', '}': '{', ']': '[' };
const IDENT_START = /[A-Za-z_]/;
const IDENT_CHAR = /[A-Za-z0-9_]/;

export type TargetScan = {
  /** The first problem, as a sentence naming its position (1-based), or null. */
  problem: string | null;
  /** Names of the functions the target calls, in order of appearance. */
  functions: string[];
};

function isPathChar(c: string | undefined): boolean {
  return c !== undefined && c > ' ' && c <= '~' && !SYMBOLS.includes(c);
}

/** The function name a `(` at `at` closes over, or null when it follows none (`(a)`, `a.b(c)`). */
function functionNameBefore(target: string, at: number): string | null {
  let end = at;
  while (end > 0 && target.charAt(end - 1) === ' ') end--;
  let start = end;
  while (start > 0 && IDENT_CHAR.test(target.charAt(start - 1))) start--;
  const name = target.slice(start, end);
  if (name === '' || !IDENT_START.test(name.charAt(0))) return null;
  const before = target.charAt(start - 1);
  // `x.sum(` or `-sum(`: the name is the tail of a path, which Graphite reads as the path alone.
  if (start > 0 && (isPathChar(before) || '.}\\'.includes(before))) return null;
  return name;
}

const at = (i: number) => `at character ${i + 1}`;

export function scanTarget(target: string): TargetScan {
  const functions: string[] = [];
  const fail = (problem: string): TargetScan => ({ problem, functions });
  const nonAscii = /[\u0080-\u{10ffff}]/u.exec(target);
  if (nonAscii !== null) return fail(`${JSON.stringify(nonAscii[0])} ${at(nonAscii.index)} is not ASCII (Graphite reads only ASCII)`);
  const open: { char: string; at: number }[] = [];
  let quote: { char: string; at: number } | null = null;
  // Whether the previous character ends a path element (so a `.` may follow).
  let afterPath = false;
  for (let i = 0; i < target.length; i++) {
    const c = target.charAt(i);
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote.char) quote = null;
      continue;
    }
    if (c === '\\') {
      // An escaped symbol is part of a path (`a\(b`).
      i++;
      afterPath = true;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = { char: c, at: i };
    } else if (c === '(' || c === '{' || c === '[') {
      if (c === '(') {
        const name = functionNameBefore(target, i);
        if (name === null) return fail(`"(" ${at(i)} does not follow a function name`);
        functions.push(name);
      }
      open.push({ char: c, at: i });
    } else if (Object.hasOwn(CLOSES, c)) {
      const top = open.pop();
      if (top === undefined) return fail(`"${c}" ${at(i)} closes nothing`);
      if (top.char !== CLOSES[c]) return fail(`"${c}" ${at(i)} does not close "${top.char}" ${at(top.at)}`);
    } else if (c === '.') {
      const next = target.charAt(i + 1);
      if (!afterPath || !(isPathChar(next) || next === '{' || next === '\\')) {
        const hint = !afterPath && /\d/.test(next) ? ' (a number needs a digit before the point: 0.5)' : '';
        return fail(`empty path element ${at(i)}${hint}`);
      }
    }
    afterPath = isPathChar(c) || c === '}' || c === ']';
  }
  if (quote !== null) return fail(`unclosed ${quote.char} ${at(quote.at)}`);
  const top = open.at(-1);
  if (top !== undefined) return fail(`unclosed "${top.char}" ${at(top.at)}`);
  return { problem: null, functions };
}
