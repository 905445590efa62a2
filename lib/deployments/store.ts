import { getRecords, type Records } from '@/lib/records/records';
import { guarded } from '@/lib/records/records-unavailable';
import { resolveTime } from '@/lib/time-range';
import { mirrorCreated, mirrorDeleted } from './events-mirror';
import type { DeploymentInput } from './input';
import { DEPLOYMENT_COLUMNS, fromRow } from './rows';
import type { Deployment } from './types';

/**
 * Deployments in hubwatch's records database (lib/records/). Every reader (the list, the markers,
 * the impact judge) goes through here, so a deleted one stays hidden everywhere. graphite-web's
 * events only get a copy, for Grafana (events-mirror.ts): nothing here ever reads them.
 */

export type ListQuery = {
  hub?: string;
  /** Graphite time syntax (see lib/time-range.ts). */
  from: string;
  until: string;
};

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Deployments and restarts in the range, newest first. */
export async function listDeployments(query: ListQuery, records?: Records): Promise<Deployment[]> {
  const now = Date.now() / 1000;
  return listBetween(query.hub, resolveTime(query.from, now), resolveTime(query.until, now), records);
}

/** The same for a range already in epoch seconds (the status page's read). */
export function listBetween(hub: string | undefined, from: number, until: number, records?: Records): Promise<Deployment[]> {
  return guarded(async () => {
    const { db } = records ?? (await getRecords());
    let query = db
      .selectFrom('deployments')
      .select(DEPLOYMENT_COLUMNS)
      .where('deleted_at', 'is', null)
      .where('at', '>=', Math.floor(from))
      .where('at', '<=', Math.ceil(until));
    if (hub !== undefined) query = query.where('hub', '=', hub);
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(fromRow);
  });
}

/** The deployment with this id; undefined when there is none or it was deleted. */
export function getDeployment(id: number, records?: Records): Promise<Deployment | undefined> {
  return guarded(async () => {
    const { db } = records ?? (await getRecords());
    const row = await db
      .selectFrom('deployments')
      .select(DEPLOYMENT_COLUMNS)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  });
}

/**
 * Stores one deployment and answers it as stored. It is committed (on disk, or in PostgreSQL)
 * before this resolves, so the 201 that follows is a promise kept; the mirror comes after.
 */
export async function createDeployment(input: DeploymentInput, records?: Records, now: number = nowSeconds()): Promise<Deployment> {
  const store = records ?? (await getRecords());
  const row = await guarded(() =>
    store.db
      .insertInto('deployments')
      .values({
        hub: input.hub,
        kind: input.kind,
        at: input.when ?? now,
        what: input.what,
        version: input.version ?? null,
        commit_id: input.commit ?? null,
        author: input.author ?? null,
        link: input.link ?? null,
        source: input.source,
        origin: 'api',
        created_at: now,
        deleted_at: null,
        event_id: null,
      })
      .returning(DEPLOYMENT_COLUMNS)
      .executeTakeFirstOrThrow(),
  );
  const deployment = fromRow(row);
  mirrorCreated(store, deployment);
  return deployment;
}

/** Hides a deployment for good (its id is never reused); false when there is none with this id. */
export async function deleteDeployment(id: number, records?: Records, now: number = nowSeconds()): Promise<boolean> {
  const store = records ?? (await getRecords());
  const row = await guarded(() =>
    store.db
      .updateTable('deployments')
      .set({ deleted_at: now })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .returning([...DEPLOYMENT_COLUMNS, 'event_id'])
      .executeTakeFirst(),
  );
  if (row === undefined) return false;
  mirrorDeleted(fromRow(row), row.event_id);
  return true;
}
