/** Shapes the Graphite client hands to the rest of the app (not graphite-web's raw JSON). */

/** `[value, epochSeconds]`; value is null where Graphite has no data, ±Infinity when Graphite wrote ±1e9999. */
export type Datapoint = [number | null, number];

export type Series = {
  target: string;
  tags: Record<string, string>;
  datapoints: Datapoint[];
};

export type RenderQuery = {
  targets: readonly string[];
  /** Graphite time syntax (see lib/time-range.ts). */
  from: string;
  until: string;
  maxDataPoints?: number;
};

export type FindNode = {
  /** Full metric path, without the trailing dot some servers put on branches. */
  path: string;
  /** Last path segment. */
  name: string;
  leaf: boolean;
};

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
