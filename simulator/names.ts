/**
 * Synthetic student names. A run tag keeps runs apart on a hub whose user database outlives
 * them (a test's students never collide with a demo's). The fault prefixes are the ones the
 * demo hub's FaultSpawner (stack/jupyterhub/fault_spawner.py) reacts to.
 */
export const FAULTS = ['broken', 'hang', 'mute', 'crash'] as const;
export type Fault = (typeof FAULTS)[number];

const TAG_PATTERN = /^[a-z0-9]{1,12}$/;

export function isValidTag(tag: string): boolean {
  return TAG_PATTERN.test(tag);
}

export function studentName(index: number, tag: string): string {
  return `student${String(index).padStart(3, '0')}-${tag}`;
}

export function faultyName(fault: Fault, index: number, tag: string): string {
  return `${fault}${index}-${tag}`;
}

/** A short tag from the clock, base 36, e.g. "m3k9x2". */
export function tagFromTime(nowMs: number): string {
  return Math.floor(nowMs / 1000)
    .toString(36)
    .slice(-6);
}
