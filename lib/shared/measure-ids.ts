/**
 * The eight measures of a deployment's impact, by id: the impact answer, the browser's table and
 * the `impact` section of hubwatch.config.json all name them, so they sit below all three.
 * What each one means is lib/impact/measures.ts.
 */
export const MEASURE_IDS = [
  'spawnFailureRate',
  'spawnWaitP50',
  'spawnWaitP95',
  'throttledShare',
  'hub5xxRate',
  'requestLatencyP95',
  'crashRate',
  'failedLoginShare',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];
