import { getConfig } from '@/lib/config';
import { backendOffers } from '@/lib/graphite/backend-offers';
import { type GraphiteClient, getGraphiteClient } from '@/lib/graphite/client';
import type { Records } from '@/lib/records/records';
import { refOf, tombstoneFor, toNewEvent } from './event-mapping';
import type { Deployment } from './types';

/**
 * A copy of each new deployment as a graphite-web event with the tags it always had (kind and
 * `hub:<name>`), so Grafana's Graphite annotations keep showing deployments. Sent after the
 * record is committed and never awaited by the request: a backend without an events API, or one
 * that is down, costs a log line, never a write or a read. HUBWATCH_EVENTS_MIRROR=off turns it off.
 */

const KEY = Symbol.for('hubwatch.eventsMirror');
type Holder = { [KEY]?: Set<Promise<void>> };

function pending(): Set<Promise<void>> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Set();
  return holder[KEY];
}

/** Mirrors still being sent (a test or a clean shutdown may wait for them). */
export function mirrorsInFlight(): Promise<void> {
  return Promise.allSettled([...pending()]).then(() => undefined);
}

function track(work: () => Promise<void>, what: string): void {
  if (!getConfig().records.eventsMirror) return;
  const run = (async () => {
    const client = getGraphiteClient();
    if ((await backendOffers(client)).events === 'no') return;
    await work();
  })().catch((error: unknown) => {
    console.error(`hubwatch: events mirror: ${what} not copied to Graphite: ${error instanceof Error ? error.message : String(error)}`);
  });
  const set = pending();
  const done = run.finally(() => set.delete(done));
  set.add(done);
}

/** The `ref` of a mirrored event: which record it copies (graphite-web does not answer the new id). */
export const mirrorRef = (id: number): string => `hubwatch-record:${id}`;

async function mirrorEventId(client: GraphiteClient, deployment: Deployment): Promise<number | undefined> {
  const nearby = await client.events({ tags: [`hub:${deployment.hub}`], from: String(deployment.when), until: String(deployment.when) });
  return nearby.find((event) => refOf(event) === mirrorRef(deployment.id))?.id;
}

export function mirrorCreated(records: Records, deployment: Deployment): void {
  track(async () => {
    const client = getGraphiteClient();
    await client.createEvent(toNewEvent(deployment, deployment.when, mirrorRef(deployment.id)));
    // Remembered so that a deletion can be mirrored too (a tombstone names the event's id).
    const eventId = await mirrorEventId(client, deployment);
    if (eventId !== undefined) {
      await records.db.updateTable('deployments').set({ event_id: eventId }).where('id', '=', deployment.id).execute();
    }
  }, `deployment ${deployment.id}`);
}

export function mirrorDeleted(deployment: Deployment, eventId: number | null): void {
  if (eventId === null) return;
  track(async () => {
    await getGraphiteClient().createEvent(tombstoneFor({ ...deployment, id: eventId }));
  }, `deletion of deployment ${deployment.id}`);
}
