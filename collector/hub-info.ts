import { z } from 'zod';
import type { HubClient } from './hub-http';

/**
 * What the hub says about itself at GET /hub/api/info (scope read:hub): its JupyterHub version and
 * the spawner's and authenticator's class and version (the version of the class's top-level
 * package, or "unknown"). A change of any of these is a deployment.
 */

const classInfo = z.object({ class: z.string(), version: z.string() });

export const hubInfoSchema = z.object({
  version: z.string(),
  spawner: classInfo,
  authenticator: classInfo,
});

export type HubInfo = z.infer<typeof hubInfoSchema>;

export class HubInfoShapeError extends Error {
  override name = 'HubInfoShapeError';
}

export async function fetchHubInfo(client: HubClient): Promise<HubInfo> {
  const { body } = await client.get('hub/api/info', 'application/json');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new HubInfoShapeError('/hub/api/info: not JSON');
  }
  const parsed = hubInfoSchema.safeParse(json);
  if (!parsed.success) throw new HubInfoShapeError(`/hub/api/info: unexpected shape (${parsed.error.issues[0]?.message ?? ''})`);
  // Only the fields that describe a deployment; python and sys_executable stay out of the checkpoint.
  const { version, spawner, authenticator } = parsed.data;
  return { version, spawner: { ...spawner }, authenticator: { ...authenticator } };
}

/** The package a class's version belongs to (`fault_spawner.FaultSpawner` -> `fault_spawner`). */
const packageOf = (className: string) => className.split('.')[0] ?? className;

function classChange(role: string, before: HubInfo['spawner'], after: HubInfo['spawner']): string[] {
  if (before.class !== after.class) {
    return [`${role} ${before.class} ${before.version} -> ${after.class} ${after.version}`];
  }
  if (before.version !== after.version) return [`${role} ${packageOf(after.class)} ${before.version} -> ${after.version}`];
  return [];
}

/** What changed, one phrase each (e.g. "JupyterHub 3.0.0 -> 3.1.1"); empty when nothing did. */
export function describeChanges(before: HubInfo, after: HubInfo): string[] {
  const changes: string[] = [];
  if (before.version !== after.version) changes.push(`JupyterHub ${before.version} -> ${after.version}`);
  changes.push(...classChange('spawner', before.spawner, after.spawner));
  changes.push(...classChange('authenticator', before.authenticator, after.authenticator));
  return changes;
}
