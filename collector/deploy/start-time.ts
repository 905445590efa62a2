import type { Family } from '../prom/text-parser';

/** The hub process's start (epoch seconds) from a /hub/metrics scrape: prometheus_client's process collector. */
export function processStartTime(families: ReadonlyMap<string, Family>): number | null {
  const value = families.get('process_start_time_seconds')?.samples[0]?.value;
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : null;
}
