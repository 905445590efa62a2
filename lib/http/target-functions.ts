import { getKnownFunctions, type KnownFunctions } from '@/lib/graphite/known-functions';
import { ApiError } from './route';
import { scanTarget } from './target-check';

/** Not in graphite-web's function list: the grammar itself reads `template(...)`. */
const GRAMMAR_FUNCTIONS = new Set(['template']);

/**
 * Refuses targets that call a function graphite-web does not have, with a 400 naming the target,
 * when the function list is at hand (known-functions.ts); otherwise lets them through.
 */
export async function checkFunctionNames(targets: readonly string[], known: KnownFunctions = getKnownFunctions()): Promise<void> {
  const names = await known.get();
  if (names === null) return;
  const problems = targets.flatMap((target, i) => {
    const unknown = scanTarget(target).functions.find((name) => !names.has(name) && !GRAMMAR_FUNCTIONS.has(name));
    return unknown === undefined ? [] : [`target[${i}]: unknown function ${unknown}`];
  });
  if (problems.length > 0) throw new ApiError(400, 'bad_request', problems.join('; '));
}
