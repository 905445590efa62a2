/** The shapes the explore view reads from the dashboard's API (neutral ground: lib/shared). */
export type { Datapoint, FindNode, Series } from '@/lib/shared/series';
