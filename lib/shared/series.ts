/**
 * The shapes of what Graphite answers, as the dashboard hands them around: the server's Graphite
 * client produces them, the proxy sends them, browser hooks and pure chart code read them. Neutral
 * ground: this module imports nothing, so both sides can use it without reaching into the other.
 */

/** `[value, epochSeconds]`; value is null where Graphite has no data, ±Infinity when Graphite wrote ±1e9999. */
export type Datapoint = [number | null, number];

export type Series = {
  target: string;
  tags: Record<string, string>;
  datapoints: Datapoint[];
};

/** One render: what `GET /api/graphite/render` takes and what the Graphite client sends. */
export type RenderQuery = {
  targets: readonly string[];
  /** Graphite time syntax (see lib/time-range.ts). */
  from: string;
  until: string;
  maxDataPoints?: number;
};

/** A node of a find answer, normalised from graphite-web's and VictoriaMetrics' formats. */
export type FindNode = {
  /** Full metric path, without the trailing dot some servers put on branches. */
  path: string;
  /** Last path segment. */
  name: string;
  leaf: boolean;
};
