/**
 * The shapes the explore view reads from the dashboard's API, in one place for the browser side
 * (components and hooks must not import lib/graphite/, which is server code).
 */
export type { Datapoint, FindNode, Series } from '@/lib/graphite/types';
