/**
 * graphite-web's function list as `GET /api/graphite/functions` answers it: one entry per render
 * function, with the parameters the target editor needs for autocomplete, signature help and the
 * argument count check. Shared by the server (which builds it) and the browser (which reads it).
 */

export type FunctionParam = {
  name: string;
  /** graphite-web's parameter type: `seriesList`, `integer`, `interval`, `string`, `aggFunc`, ... */
  type: string;
  required: boolean;
  /** Takes any number of values (`sumSeries(*seriesLists)`). */
  multiple: boolean;
  /** The default as it would be written in a target (`'7d'`, `5`, `Infinity`), when there is one. */
  default?: string;
  /** The only values graphite-web accepts, when it says. */
  options?: string[];
  /** Typical values graphite-web suggests. */
  suggestions?: string[];
};

export type GraphiteFunction = {
  name: string;
  /** graphite-web's group: `Combine`, `Transform`, `Alias`, ... */
  group: string;
  /** `movingAverage(seriesList, windowSize, xFilesFactor=None)` */
  signature: string;
  description: string;
  params: FunctionParam[];
};

export type FunctionsAnswer = { functions: GraphiteFunction[] };

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
