import { HUB_NAME_PATTERN } from '@/lib/catalog';

/** A node of the find API: the proxy's `{path, name, leaf}`, or graphite-web's treejson / json forms. */
export interface FindNode {
  name?: string;
  id?: string;
  path?: string;
  text?: string;
  leaf?: number | boolean;
  is_leaf?: boolean | string | number;
}

/** Hub names from the find answers for `stats.gauges.jupyterhub.*` (and counters): branch names only. */
export function hubsFromFind(nodes: readonly FindNode[]): string[] {
  const hubs = new Set<string>();
  for (const node of nodes) {
    const isLeaf = node.leaf === 1 || node.leaf === true || node.is_leaf === true || node.is_leaf === '1' || node.is_leaf === 1;
    if (isLeaf) continue;
    const path = (node.path ?? node.id ?? '').replace(/\.$/, '');
    const name = node.name ?? node.text ?? path.slice(path.lastIndexOf('.') + 1);
    if (HUB_NAME_PATTERN.test(name)) hubs.add(name);
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
