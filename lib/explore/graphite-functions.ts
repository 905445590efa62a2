import type { FunctionParam, GraphiteFunction } from '@/lib/shared/graphite-functions';

/** What the target editor reads of graphite-web's function list (the list's shape: lib/shared/graphite-functions.ts). */
export type { FunctionParam, FunctionsAnswer, GraphiteFunction } from '@/lib/shared/graphite-functions';

/** Fewest and most arguments a call may have (`max` null: unbounded). */
export function argumentBounds(fn: GraphiteFunction): { min: number; max: number | null } {
  const min = fn.params.filter((p) => p.required).length;
  const max = fn.params.some((p) => p.multiple) ? null : fn.params.length;
  return { min, max };
}

/** The parameter an argument at `index` fills (the last one repeats when it is `multiple`). */
export function paramAt(fn: GraphiteFunction, index: number): FunctionParam | undefined {
  const direct = fn.params[index];
  if (direct) return direct;
  const last = fn.params[fn.params.length - 1];
  return last?.multiple ? last : undefined;
}

/** The description's first paragraph: what fits under a target line. */
export function summaryOf(fn: GraphiteFunction): string {
  const first = fn.description.split(/\n\s*\n/)[0] ?? '';
  return first.replace(/\s+/g, ' ').trim();
}
