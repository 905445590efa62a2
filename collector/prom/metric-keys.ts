import type { Sample } from './text-parser';

/**
 * Which /hub/metrics samples are forwarded, and how a raw sample is told apart from another. How a
 * forwarded sample is named (`prom.<family>...`) is the catalog's rule: lib/catalog/prom.ts.
 */

/** Families never forwarded: constant info, drifting gauges, creation timestamps. */
export function isSkippedFamily(name: string): boolean {
  return (
    name.endsWith('_created') ||
    name === 'python_info' ||
    // Drifts (re-synced only at spawn requests); servers.running comes from the REST API instead.
    name === 'jupyterhub_running_servers'
  );
}

/** Stable identity of a raw sample (all labels), for delta tracking. */
export function sampleId(sample: Sample): string {
  let id = sample.name;
  for (const [name, value] of sample.labels) id += `\u0000${name}=${value}`;
  return id;
}
