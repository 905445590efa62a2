/** Shapes the Graphite client hands to the rest of the app (not graphite-web's raw JSON). */

// Defined once in the neutral module, which browser code imports directly.
export type { Datapoint, FindNode, RenderQuery, Series } from '@/lib/shared/series';

export type EventsQuery = {
  /** Events having ALL of these tags (or ANY of them with `match: 'any'`); empty = any event. */
  tags: readonly string[];
  /** `all` (default) or `any`: graphite-web's `set=union`. */
  match?: 'all' | 'any';
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

/** An event to create: graphite-web stores `tags` space-separated, so a tag holds no spaces or commas. */
export type NewEvent = {
  what: string;
  tags: readonly string[];
  /** Epoch seconds (whole). */
  when: number;
  /** Free text; hubwatch stores JSON here. */
  data: string;
};

export type CallOptions = {
  /** Overrides the configured timeout for this call. */
  timeoutMs?: number;
};
