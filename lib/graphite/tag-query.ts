/**
 * graphite-web's tag database refuses a `seriesByTag` whose every tagspec also matches a series
 * without that tag (`name=~.*`, `a=`, `b!=x`): it would have to read every series. A single
 * graphite-web raises that as a 500 whose traceback names the reason (target-failure.ts). A
 * federating front (CLUSTER_SERVERS) does not: it forwards the tag query to every storage node,
 * answers "All requests failed" without their reason, and then skips those nodes for
 * REMOTE_RETRY_DELAY as if they were down. So the rule is applied here, before anything is sent:
 * the same 400 with Graphite's own words on both stacks, and no node marked failed by a bad query.
 *
 * The same for a tagspec graphite-web cannot parse (`seriesByTag('x')`: "Invalid tagspec x").
 *
 * Mirrors graphite/tags/localdatabase.py (graphite-web 1.1.8) `_find_series`. Only literal string
 * arguments are judged; anything else (or a regex JavaScript cannot compile) is left to Graphite.
 */

import { shortReason } from './target-failure';

export const TAGSPEC_ALL_EMPTY = 'ValueError: At least one tagspec must not match the empty string';

/** graphite/tags/base.py `parse_tagspec`. */
const TAGSPEC_RE = /^([^;!=]+)(!?=~?)([^;]*)$/;
const NAME = 'seriesByTag';

/** Whether one tagspec also matches series that lack the tag; undefined when unsure. */
function matchesEmpty(tagspec: string): boolean | undefined {
  const parsed = TAGSPEC_RE.exec(tagspec);
  if (parsed === null) return undefined;
  const operator = parsed[2] ?? '';
  const spec = parsed[3] ?? '';
  if (operator === '=') return spec === '';
  if (operator === '!=') return spec !== '';
  const anchored = spec.startsWith('^') ? spec : `^(${spec})`;
  let matched: boolean;
  try {
    matched = new RegExp(anchored).test('');
  } catch {
    return undefined;
  }
  return operator === '=~' ? matched : !matched;
}

/** The string literals of a call's arguments from `start` (just after its `(`); undefined if any is not one. */
function literalArguments(target: string, start: number): string[] | undefined {
  const args: string[] = [];
  let i = start;
  const skipSpaces = () => {
    while (target.charAt(i) === ' ') i++;
  };
  skipSpaces();
  if (target.charAt(i) === ')') return args;
  for (;;) {
    const quote = target.charAt(i);
    if (quote !== "'" && quote !== '"') return undefined;
    let value = '';
    for (i++; i < target.length && target.charAt(i) !== quote; i++) {
      if (target.charAt(i) === '\\') i++;
      value += target.charAt(i);
    }
    if (i >= target.length) return undefined;
    args.push(value);
    i++;
    skipSpaces();
    const next = target.charAt(i);
    if (next === ')') return args;
    if (next !== ',') return undefined;
    i++;
    skipSpaces();
  }
}

/** Where each `seriesByTag(` call outside string literals opens its arguments. */
function tagCallStarts(target: string): number[] {
  const starts: number[] = [];
  let quote = '';
  for (let i = 0; i < target.length; i++) {
    const c = target.charAt(i);
    if (quote !== '') {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (target.startsWith(NAME, i) && !/[A-Za-z0-9_.\\]/.test(target.charAt(i - 1))) {
      let open = i + NAME.length;
      while (target.charAt(open) === ' ') open++;
      if (target.charAt(open) === '(') starts.push(open + 1);
    }
  }
  return starts;
}

/** Graphite's reason when it would refuse one of the target's tag queries; undefined otherwise. */
export function tagQueryRejection(target: string): string | undefined {
  for (const start of tagCallStarts(target)) {
    const args = literalArguments(target, start);
    if (args === undefined || args.length === 0) continue;
    // graphite/tags/base.py `parse_tagspec`, on each tagspec in order, before the rule below.
    const invalid = args.find((tagspec) => !TAGSPEC_RE.test(tagspec));
    if (invalid !== undefined) return shortReason(`ValueError: Invalid tagspec ${invalid}`);
    if (args.every((tagspec) => matchesEmpty(tagspec) === true)) return TAGSPEC_ALL_EMPTY;
  }
  return undefined;
}
