import { counterFamilyPattern } from '@/lib/catalog';

/**
 * Where the collector's metrics source puts the hub's own Prometheus histograms: one counter per
 * `le` bucket (and per status code for the request histogram) under `prom.<family>`. The catalog
 * has no `prom.*` key yet, so the prefix is taken from its counter layout (the path of a family
 * member, up to the family) rather than spelled out here.
 */
function countersRoot(hub: string): string {
  const sample = counterFamilyPattern(hub, 'requests.status');
  return sample.slice(0, sample.indexOf('.requests.status.'));
}

/** Every `le` bucket count of a hub histogram; `labels` are the nodes between family and bucket. */
export function promBucketsPattern(hub: string, family: string, labels: readonly string[] = []): string {
  return [countersRoot(hub), 'prom', family, ...labels, 'le_*', 'count'].join('.');
}
