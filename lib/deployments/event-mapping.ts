import { z } from 'zod';
import type { GraphiteEvent, NewEvent } from '@/lib/graphite/types';
import type { DeploymentInput } from './input';
import { DEPLOYMENT_KINDS, DEPLOYMENT_SOURCES, type Deployment, type DeploymentKind, hubTag } from './types';

/**
 * Deployment <-> graphite-web event. Tags: the kind (`deploy` or `restart`) and `hub:<name>`;
 * `data` holds the details as JSON, plus `ref`, a random id the store uses to find the event it
 * just created (graphite-web does not answer with the new id).
 *
 * graphite-web 1.1 cannot delete an event over HTTP (DELETE /events/<id>/ answers 200 with the
 * event and deletes nothing), so a deletion is itself an event, a tombstone: tagged
 * `deploy-deleted` and the hub, at the same `when` as the deployment it hides, so any time range
 * that holds a deployment also holds its tombstone.
 */

export const DELETED_TAG = 'deploy-deleted';
const HUB_PREFIX = 'hub:';

const dataSchema = z.object({
  version: z.string().nullable().optional(),
  commit: z.string().nullable().optional(),
  author: z.string().nullable().optional(),
  link: z.string().nullable().optional(),
  source: z.enum(DEPLOYMENT_SOURCES),
  ref: z.string().optional(),
});

const tombstoneSchema = z.object({ deletes: z.number().int().positive() });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function hubOf(event: GraphiteEvent): string | undefined {
  return event.tags.find((tag) => tag.startsWith(HUB_PREFIX))?.slice(HUB_PREFIX.length);
}

function kindOf(event: GraphiteEvent): DeploymentKind | undefined {
  const kinds = DEPLOYMENT_KINDS.filter((kind) => event.tags.includes(kind));
  return kinds.length === 1 ? kinds[0] : undefined;
}

export function toNewEvent(input: DeploymentInput, when: number, ref: string): NewEvent {
  const data = {
    version: input.version ?? null,
    commit: input.commit ?? null,
    author: input.author ?? null,
    link: input.link ?? null,
    source: input.source,
    ref,
  };
  return { what: input.what, tags: [input.kind, hubTag(input.hub)], when, data: JSON.stringify(data) };
}

/** The deployment an event records; undefined for any other event (or one not written by hubwatch). */
export function fromEvent(event: GraphiteEvent): Deployment | undefined {
  const hub = hubOf(event);
  const kind = kindOf(event);
  const data = dataSchema.safeParse(parseJson(event.data));
  if (hub === undefined || hub === '' || kind === undefined || !data.success) return undefined;
  const d = data.data;
  return {
    id: event.id,
    when: event.when,
    hub,
    what: event.what,
    version: d.version ?? null,
    commit: d.commit ?? null,
    author: d.author ?? null,
    link: d.link ?? null,
    source: d.source,
    kind,
  };
}

/** The `ref` hubwatch wrote into the event's data, to recognise the event it just created. */
export function refOf(event: GraphiteEvent): string | undefined {
  return dataSchema.safeParse(parseJson(event.data)).data?.ref;
}

export function tombstoneFor(deployment: Deployment): NewEvent {
  return {
    what: `deleted deployment ${deployment.id}`,
    tags: [DELETED_TAG, hubTag(deployment.hub)],
    when: deployment.when,
    data: JSON.stringify({ deletes: deployment.id }),
  };
}

/** The id a tombstone deletes, or undefined when the event is not one. */
export function deletedId(event: GraphiteEvent): number | undefined {
  if (!event.tags.includes(DELETED_TAG)) return undefined;
  return tombstoneSchema.safeParse(parseJson(event.data)).data?.deletes;
}
