/**
 * A deployment as hubwatch stores and answers it: a Graphite event tagged `deploy` (or `restart`)
 * and `hub:<name>`, with the details in the event's JSON `data`. Shared by the write path
 * (POST /api/deployments, the deploy CLI, the collector's automatic detection), the list and the
 * impact judge, so every side reads the same fields.
 */

/** `deploy` is judged; `restart` (the hub restarted with nothing changed) is shown lighter, never judged. */
export const DEPLOYMENT_KINDS = ['deploy', 'restart'] as const;
export type DeploymentKind = (typeof DEPLOYMENT_KINDS)[number];

/** Who recorded it: the HTTP API, the `hubwatch-deploy` CLI, or the collector on its own. */
export const DEPLOYMENT_SOURCES = ['api', 'cli', 'auto'] as const;
export type DeploymentSource = (typeof DEPLOYMENT_SOURCES)[number];

export type Deployment = {
  /** graphite-web's event id. */
  id: number;
  /** Epoch seconds. */
  when: number;
  hub: string;
  /** Title, as given: always rendered as text. */
  what: string;
  version: string | null;
  commit: string | null;
  author: string | null;
  link: string | null;
  source: DeploymentSource;
  kind: DeploymentKind;
};

/** Graphite event tags of a deployment: the kind, and `hub:<name>` (hub names never hold spaces or commas). */
export const hubTag = (hub: string): string => `hub:${hub}`;
