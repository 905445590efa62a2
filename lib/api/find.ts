import { z } from 'zod';

/**
 * `GET /api/graphite/find?query=stats.gauges.jupyterhub.*`: the nodes matching a Graphite path
 * pattern, normalised from graphite-web's and VictoriaMetrics' formats by the Graphite client.
 */

export const FIND_PATH = '/api/graphite/find';

export const findNodeSchema = z.object({
  /** Full metric path, without the trailing dot some servers put on branches. */
  path: z.string(),
  /** Last path segment. */
  name: z.string(),
  leaf: z.boolean(),
});

export const findAnswerSchema = z.array(findNodeSchema);

export type FindNode = z.infer<typeof findNodeSchema>;

export function findUrl(query: string): string {
  return `${FIND_PATH}?${new URLSearchParams({ query }).toString()}`;
}
