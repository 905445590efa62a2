import { HUB_NAME_PATTERN } from '@/lib/catalog';
import type { FindNode } from './series';

/**
 * Hub names from a find of `HUB_DISCOVERY_QUERY` (`stats.gauges.jupyterhub.*`): branch names only.
 * Pure, so the server's status page and the browser's hub selector pick the same hub.
 */
export function hubsFromFind(nodes: readonly FindNode[]): string[] {
  const hubs = new Set<string>();
  for (const node of nodes) {
    if (!node.leaf && HUB_NAME_PATTERN.test(node.name)) hubs.add(node.name);
  }
  return [...hubs].sort();
}

/**
 * The hub a view shows: the URL's when it reports, else the only one, else `default`, else the
 * first alphabetically. With no hubs known yet, the URL's choice (it may just not report yet).
 */
export function chooseHub(hubs: readonly string[], requested: string | null): string | null {
  if (requested !== null && (hubs.length === 0 || hubs.includes(requested))) return requested;
  if (hubs.includes('default')) return 'default';
  return hubs[0] ?? null;
}
