import { sql } from 'kysely';
import { backendOffers } from '@/lib/graphite/backend-offers';
import { type GraphiteClient, getGraphiteClient, isGraphiteError } from '@/lib/graphite/client';
import type { GraphiteEvent } from '@/lib/graphite/types';
import type { Records } from '@/lib/records/records';
import { DELETED_TAG, deletedId, fromEvent } from './event-mapping';
import { DEPLOYMENT_KINDS } from './types';

/**
 * The move: deployments kept as graphite-web events before the records database are imported
 * once, on the first start with the database. Each keeps its event id as its id, so an old link
 * `/deployments/<id>` opens the same deployment; one hidden by a tombstone is imported as deleted,
 * so it stays gone and its id is never given to another. A row in `record_imports` says it ran:
 * a second start (or a second instance on the same PostgreSQL) imports nothing.
 */

export const EVENTS_IMPORT = 'graphite-web-events';
/** Before the first deployment hubwatch could have written (lib/deployments/input.ts' lower bound). */
const ALL_TIME = { from: '946684800', until: 'now+1d' };
const IMPORT_TIMEOUT_MS = 60_000;

export type ImportResult = { ran: boolean; imported: number; deleted: number; note: string };

function rowsOf(events: readonly GraphiteEvent[], now: number) {
  const deleted = new Set<number>();
  for (const event of events) {
    const id = deletedId(event);
    if (id !== undefined) deleted.add(id);
  }
  const rows = [];
  for (const event of events) {
    const d = fromEvent(event);
    if (d === undefined) continue;
    rows.push({
      id: d.id,
      hub: d.hub,
      kind: d.kind,
      at: d.when,
      what: d.what,
      version: d.version,
      commit_id: d.commit,
      author: d.author,
      link: d.link,
      source: d.source,
      origin: 'graphite-events',
      created_at: now,
      deleted_at: deleted.has(d.id) ? now : null,
      event_id: d.id,
    });
  }
  return rows;
}

async function alreadyImported(records: Records): Promise<boolean> {
  const row = await records.db.selectFrom('record_imports').select('source').where('source', '=', EVENTS_IMPORT).executeTakeFirst();
  return row !== undefined;
}

/** Imports graphite-web's deployment events unless that was done; safe to call at every start. */
export async function importGraphiteEvents(records: Records, client: GraphiteClient = getGraphiteClient()): Promise<ImportResult> {
  if (await alreadyImported(records)) return { ran: false, imported: 0, deleted: 0, note: 'imported before' };
  const offers = await backendOffers(client);
  // Read before the transaction: no network wait while holding the database's write lock.
  const events =
    offers.events === 'no'
      ? []
      : await client.events({ tags: [...DEPLOYMENT_KINDS, DELETED_TAG], match: 'any', ...ALL_TIME }, { timeoutMs: IMPORT_TIMEOUT_MS });
  const now = Math.floor(Date.now() / 1000);
  const rows = rowsOf(events, now);
  const note =
    offers.events === 'no' ? 'the Graphite backend has no events API: nothing to import' : `${rows.length} from graphite-web events`;
  const deleted = rows.filter((row) => row.deleted_at !== null).length;
  const ran = await records.db.transaction().execute(async (tx) => {
    // The marker first: a second instance doing the same waits on its key, then inserts nothing.
    const marked = await tx
      .insertInto('record_imports')
      .values({ source: EVENTS_IMPORT, imported_at: now, imported: rows.length, note })
      .onConflict((c) => c.column('source').doNothing())
      .executeTakeFirst();
    if (Number(marked.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    // Chunks: SQLite binds at most 32,766 values per statement, PostgreSQL 65,535.
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insertInto('deployments')
        .values(rows.slice(i, i + 500))
        .onConflict((c) => c.column('id').doNothing())
        .execute();
    }
    if (records.target.dialect === 'postgres' && rows.length > 0) {
      // Explicit ids do not move PostgreSQL's identity: new deployments must start after them.
      await sql`select setval(pg_get_serial_sequence('deployments', 'id'), (select max(id) from deployments))`.execute(tx);
    }
    return true;
  });
  return ran ? { ran, imported: rows.length, deleted, note } : { ran, imported: 0, deleted: 0, note: 'imported by another instance' };
}

/** Why an import could not run now (it is retried): Graphite down, or its answer unusable. */
export function importFailure(error: unknown): string | undefined {
  return isGraphiteError(error) ? error.message : undefined;
}
