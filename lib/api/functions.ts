import { z } from 'zod';

/**
 * `GET /api/graphite/functions`: graphite-web's render functions, one entry per function, with
 * the parameters the target editor needs for autocomplete, signature help and the argument count
 * check.
 */

export const FUNCTIONS_URL = '/api/graphite/functions';

export const functionParamSchema = z.object({
  name: z.string(),
  /** graphite-web's parameter type: `seriesList`, `integer`, `interval`, `string`, `aggFunc`, ... */
  type: z.string(),
  required: z.boolean(),
  /** Takes any number of values (`sumSeries(*seriesLists)`). */
  multiple: z.boolean(),
  /** The default as it would be written in a target (`'7d'`, `5`, `Infinity`), when there is one. */
  default: z.string().optional(),
  /** The only values graphite-web accepts, when it says. */
  options: z.array(z.string()).optional(),
  /** Typical values graphite-web suggests. */
  suggestions: z.array(z.string()).optional(),
});

export const graphiteFunctionSchema = z.object({
  name: z.string(),
  /** graphite-web's group: `Combine`, `Transform`, `Alias`, ... */
  group: z.string(),
  /** `movingAverage(seriesList, windowSize, xFilesFactor=None)` */
  signature: z.string(),
  description: z.string(),
  params: z.array(functionParamSchema),
});

export const functionsAnswerSchema = z.object({ functions: z.array(graphiteFunctionSchema) });

export type FunctionParam = z.infer<typeof functionParamSchema>;
export type GraphiteFunction = z.infer<typeof graphiteFunctionSchema>;
export type FunctionsAnswer = z.infer<typeof functionsAnswerSchema>;
