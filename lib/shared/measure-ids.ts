/**
 * The measures' ids: the impact answer's contract (lib/api/impact.ts) defines them; named here
 * too because the configuration's `impact` section uses them.
 */
export { MEASURE_IDS, type MeasureId } from '@/lib/api/impact';
