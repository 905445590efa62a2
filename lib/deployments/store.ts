import { randomUUID } from 'node:crypto';
import { type GraphiteClient, GraphiteError, getGraphiteClient } from '@/lib/graphite/client';
import type { GraphiteEvent } from '@/lib/graphite/types';
import { DELETED_TAG, deletedId, fromEvent, refOf, tombstoneFor, toNewEvent } from './event-mapping';
import type { DeploymentInput } from './input';
import { DEPLOYMENT_KINDS, type Deployment, hubTag } from './types';

/**
 * Deployments kept as graphite-web events, through the one Graphite client. Every reader (the
 * list, the markers, the impact judge) goes through here, so deleted ones (tombstones, see
 * event-mapping.ts) stay hidden everywhere.
 */

export type ListQuery = {
  hub?: string;
  /** Graphite time syntax (see lib/time-range.ts). */
  from: string;
  until: string;
};

function visible(events: readonly GraphiteEvent[], hub: string | undefined): Deployment[] {
  const deleted = new Set<number>();
  for (const event of events) {
    const id = deletedId(event);
    if (id !== undefined) deleted.add(id);
  }
  const out: Deployment[] = [];
  for (const event of events) {
    const deployment = fromEvent(event);
    if (deployment === undefined || deleted.has(deployment.id)) continue;
    if (hub !== undefined && deployment.hub !== hub) continue;
    out.push(deployment);
  }
  return out;
}

const newestFirst = (a: Deployment, b: Deployment) => b.when - a.when || b.id - a.id;

/** Deployments and restarts in the range, newest first. */
export async function listDeployments(query: ListQuery, client: GraphiteClient = getGraphiteClient()): Promise<Deployment[]> {
  const range = { from: query.from, until: query.until };
  // One hub: everything tagged with it (deployments, restarts and their tombstones). All hubs:
  // any event tagged with a kind or as a tombstone.
  const events =
    query.hub !== undefined
      ? await client.events({ tags: [hubTag(query.hub)], ...range })
      : await client.events({ tags: [...DEPLOYMENT_KINDS, DELETED_TAG], match: 'any', ...range });
  return visible(events, query.hub).sort(newestFirst);
}

/** Events of `hub` at exactly `when` (a deployment and its tombstones share it). */
function eventsAt(client: GraphiteClient, hub: string, when: number): Promise<GraphiteEvent[]> {
  return client.events({ tags: [hubTag(hub)], from: String(when), until: String(when) });
}

/** The deployment with this graphite-web event id; undefined when there is none or it was deleted. */
export async function getDeployment(id: number, client: GraphiteClient = getGraphiteClient()): Promise<Deployment | undefined> {
  const event = await client.event(id);
  const deployment = event === undefined ? undefined : fromEvent(event);
  if (deployment === undefined) return undefined;
  const nearby = await eventsAt(client, deployment.hub, deployment.when);
  return nearby.some((e) => deletedId(e) === id) ? undefined : deployment;
}

/** Stores one deployment and answers it as stored, with graphite-web's id. */
export async function createDeployment(
  input: DeploymentInput,
  client: GraphiteClient = getGraphiteClient(),
  nowSeconds: number = Date.now() / 1000,
): Promise<Deployment> {
  // Always an explicit whole second: graphite-web would otherwise store the current time with
  // microseconds, which get_data and the detail view round differently.
  const when = input.when ?? Math.floor(nowSeconds);
  const ref = randomUUID();
  await client.createEvent(toNewEvent(input, when, ref));
  const created = (await eventsAt(client, input.hub, when)).find((event) => refOf(event) === ref);
  const deployment = created === undefined ? undefined : fromEvent(created);
  if (deployment === undefined) {
    throw new GraphiteError('upstream', 'Graphite accepted the event but does not list it');
  }
  return deployment;
}

/** Hides a deployment (graphite-web cannot delete events); false when there is none with this id. */
export async function deleteDeployment(id: number, client: GraphiteClient = getGraphiteClient()): Promise<boolean> {
  const deployment = await getDeployment(id, client);
  if (deployment === undefined) return false;
  await client.createEvent(tombstoneFor(deployment));
  return true;
}
