import type { Deployment } from '@/lib/deployments/types';

/** How soon after a deployment an incident may start for the page to name the deployment. */
export const SUSPECT_MINUTES = 30;

export interface IncidentDeployment {
  id: number;
  what: string;
  /** Whole minutes from the deployment to the incident's start. */
  minutesBefore: number;
}

/**
 * The deployment an incident began shortly after: the latest one (never a restart) in the
 * SUSPECT_MINUTES before its start, or null. Named, not blamed: the impact page judges it.
 */
export function deploymentBefore(start: number, deployments: readonly Deployment[]): IncidentDeployment | null {
  let found: Deployment | null = null;
  for (const d of deployments) {
    if (d.kind !== 'deploy' || d.when > start || d.when < start - SUSPECT_MINUTES * 60) continue;
    if (found === null || d.when > found.when) found = d;
  }
  return found === null ? null : { id: found.id, what: found.what, minutesBefore: Math.floor((start - found.when) / 60) };
}

/** The newest deployment (not a restart) at or before `until`. */
export function lastDeployment(until: number, deployments: readonly Deployment[]): Deployment | null {
  let found: Deployment | null = null;
  for (const d of deployments) {
    if (d.kind === 'deploy' && d.when <= until && (found === null || d.when > found.when)) found = d;
  }
  return found;
}
