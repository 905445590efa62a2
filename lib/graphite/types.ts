/** Shapes the Graphite client hands to the rest of the app (not graphite-web's raw JSON). */

// Defined once in the neutral module, which browser code imports directly.
export type { Datapoint, FindNode, RenderQuery, Series } from '@/lib/shared/series';

export type EventsQuery = {
  /** Events having ALL of these tags; empty = any event. */
  tags: readonly string[];
  from: string;
  until: string;
};

export type GraphiteEvent = {
  id: number;
  /** Epoch seconds. */
  when: number;
  what: string;
  data: string;
  tags: string[];
};

export type CallOptions = {
  /** Overrides the configured timeout for this call. */
  timeoutMs?: number;
};
