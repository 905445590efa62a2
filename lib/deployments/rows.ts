import type { Selectable } from 'kysely';
import type { DeploymentsTable } from '@/lib/records/tables';
import { DEPLOYMENT_KINDS, DEPLOYMENT_SOURCES, type Deployment, type DeploymentKind, type DeploymentSource } from './types';

/** A stored row as the API answers it. Kind and source were checked on the way in; re-checked here. */
export function fromRow(row: Pick<Selectable<DeploymentsTable>, DeploymentColumn>): Deployment {
  return {
    id: row.id,
    when: row.at,
    hub: row.hub,
    what: row.what,
    version: row.version,
    commit: row.commit_id,
    author: row.author,
    link: row.link,
    source: oneOf(DEPLOYMENT_SOURCES, row.source, 'api') as DeploymentSource,
    kind: oneOf(DEPLOYMENT_KINDS, row.kind, 'deploy') as DeploymentKind,
  };
}

function oneOf(values: readonly string[], value: string, fallback: string): string {
  return values.includes(value) ? value : fallback;
}

/** The columns a deployment is answered from (never `origin`, `event_id` or timestamps of the store). */
export const DEPLOYMENT_COLUMNS = ['id', 'at', 'hub', 'what', 'version', 'commit_id', 'author', 'link', 'source', 'kind'] as const;

export type DeploymentColumn = (typeof DEPLOYMENT_COLUMNS)[number];
