/**
 * graphite-web 1.1 answers many targets it cannot evaluate with a 500 and its HTML error page,
 * which carries the Python traceback (`summarize(a,"x")`: KeyError 'Invalid offset: x';
 * `seriesByTag('name=~.*')`: ValueError; a parse failure: pyparsing's ParseException). Those are
 * the request's fault and deserve a 400 with the reason; a 500 for anything else (a storage or
 * database failure, an out-of-memory, a page without a traceback) stays Graphite's failure.
 *
 * The rule: the traceback runs through the target's evaluation (graphite/render/evaluator.py)
 * AND its last exception is one Python raises for a bad value or call (the allowlist below).
 * I/O, database and memory errors (OSError, OperationalError, MemoryError, ...) are not on it.
 * An AttributeError counts only when a render function raised it on a built-in value (`'str' object
 * has no attribute 'step'`: a string such as "sum(" given where a series goes); anywhere else it is
 * graphite-web's own failure.
 */

const TARGET_ERRORS = new Set([
  'ParseException',
  'InputParameterError',
  'ValueError',
  'KeyError',
  'TypeError',
  'IndexError',
  'OverflowError',
  're.error',
]);
const EVALUATOR_FRAME = 'graphite/render/evaluator.py';
const FUNCTIONS_FRAME = 'graphite/render/functions.py';
const VALUE_TYPE_ERROR = /^'(?:str|list|int|float|bool|NoneType|tuple|dict)' object has no attribute /;

/** An AttributeError a render function raised on an argument of the wrong type. */
function argumentTypeError(traceback: string, message: string): boolean {
  const frames = traceback.split('\n').filter((line) => /^\s+File "/.test(line));
  return VALUE_TYPE_ERROR.test(message) && (frames.at(-1)?.includes(FUNCTIONS_FRAME) ?? false);
}
const REASON_MAX = 200;
const ENTITIES: Readonly<Record<string, string>> = { quot: '"', amp: '&', lt: '<', gt: '>', '#x27': "'", '#39': "'" };

function unescapeHtml(text: string): string {
  return text.replace(/&(quot|amp|lt|gt|#x27|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/** The exception type as Python prints it, shortened (`pyparsing.exceptions.ParseException` -> `ParseException`). */
function shortType(type: string): string {
  return type === 're.error' ? type : (type.split('.').at(-1) ?? type);
}

/** pyparsing's message is `, found 'x'  (at char 0), (line:1, col:1)`: keep what and where. */
function tidy(type: string, message: string): string {
  const text = type === 'ParseException' ? message.replace(/^,\s*/, '').replace(/,\s*\(line:\d+, col:\d+\)$/, '') : message;
  return text.replace(/\s+/g, ' ').trim();
}

/** A short reason when a graphite-web 500 body says the target was at fault; undefined otherwise. */
export function targetFailureReason(body: string): string | undefined {
  const pre = /<pre>([\s\S]*?)<\/pre>/.exec(body)?.[1];
  if (pre === undefined) return undefined;
  const traceback = unescapeHtml(pre);
  if (!traceback.includes(EVALUATOR_FRAME)) return undefined;
  // The last unindented `Type: message` line is the exception that ended the request.
  const last = traceback
    .split('\n')
    .map((line) => /^([A-Za-z_][\w.]*)(?::\s?(.*))?$/.exec(line))
    .filter((match) => match !== null)
    .at(-1);
  if (last === undefined) return undefined;
  const type = shortType(last[1] ?? '');
  if (!TARGET_ERRORS.has(type) && !(type === 'AttributeError' && argumentTypeError(traceback, last[2] ?? ''))) return undefined;
  return shortReason(`${type}: ${tidy(type, last[2] ?? '')}`);
}

/** A reason shown for a refused target, as long as one read from a traceback may be. */
export function shortReason(reason: string): string {
  return reason.length > REASON_MAX ? `${reason.slice(0, REASON_MAX)}…` : reason;
}
