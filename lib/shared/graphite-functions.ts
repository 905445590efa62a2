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
