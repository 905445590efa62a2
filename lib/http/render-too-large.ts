import { isGraphiteError } from '@/lib/graphite/errors';
import { ApiError } from './route';

/**
 * A render refused for the size of its answer (lib/graphite/render-limit.ts) is the request's to
 * narrow: a 400 `answer_too_large` that says how, rather than the generic "rejected by Graphite"
 * (Graphite rejected nothing). Anything else is rethrown as it is.
 */
export async function narrowingTooLarge<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isGraphiteError(error) && error.limitBytes !== undefined) {
      throw new ApiError(400, 'answer_too_large', `target: ${error.reason ?? 'the answer is too large'}`);
    }
    throw error;
  }
}
