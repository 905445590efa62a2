import { z } from 'zod';

/**
 * `/api/deployments`: a deployment as hubwatch stores and answers it (a Graphite event tagged
 * `deploy` or `restart` and `hub:<name>`, details in its JSON `data`).
 * - `GET /api/deployments?hub=&from=&until=` -> `{"deployments": [...]}`, newest first
 * - `POST /api/deployments` (Authorization: Bearer token) -> 201 with the stored deployment
 * - `GET /api/deployments/<id>` -> the deployment; `DELETE` (same token) -> 204
 * Read by the dashboard's pages, the impact answer, the deploy CLI and the collector, which may
 * import this module (zod only).
 */

export const DEPLOYMENTS_PATH = '/api/deployments';

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

export const deploymentSchema: z.ZodType<Deployment> = z.object({
  id: z.number().int(),
  when: z.number().int(),
  hub: z.string(),
  what: z.string(),
  version: z.string().nullable(),
  commit: z.string().nullable(),
  author: z.string().nullable(),
  link: z.string().nullable(),
  source: z.enum(DEPLOYMENT_SOURCES),
  kind: z.enum(DEPLOYMENT_KINDS),
});

export const deploymentListSchema = z.object({ deployments: z.array(deploymentSchema) });
export type DeploymentList = z.infer<typeof deploymentListSchema>;

/** What a client sends to POST /api/deployments (the server's checks: lib/deployments/input.ts). */
export type DeploymentBody = {
  hub: string;
  what: string;
  when?: number;
  version?: string;
  commit?: string;
  author?: string;
  link?: string;
  source?: DeploymentSource;
  kind?: DeploymentKind;
};

export interface DeploymentListQuery {
  /** null: every hub. */
  hub: string | null;
  from: string;
  until: string;
}

export function deploymentListUrl(query: DeploymentListQuery): string {
  const params = new URLSearchParams();
  if (query.hub) params.set('hub', query.hub);
  params.set('from', query.from);
  params.set('until', query.until);
  return `${DEPLOYMENTS_PATH}?${params.toString()}`;
}

export function deploymentUrl(id: number): string {
  return `${DEPLOYMENTS_PATH}/${id}`;
}

/** The deployments endpoint under a dashboard's base URL (a path prefix is kept): the deploy client's. */
export function deploymentsEndpoint(baseUrl: URL): URL {
  const base = new URL(baseUrl.href);
  if (!base.pathname.endsWith('/')) base.pathname = `${base.pathname}/`;
  return new URL(DEPLOYMENTS_PATH.slice(1), base);
}
