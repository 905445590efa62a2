import { promCounterBase } from '@/lib/catalog';

/**
 * Where the collector's metrics source puts the hub's own Prometheus histograms: one counter per
 * `le` bucket (and per status code for the request histogram) under `prom.<family>` (the catalog's
 * prom naming).
 */
export function promBucketsPattern(hub: string, family: string, labels: readonly string[] = []): string {
  return [promCounterBase(hub, family), ...labels, 'le_*', 'count'].join('.');
}
