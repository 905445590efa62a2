import type { BackendStatus, NodeReport, SeriesDrop } from '@/lib/api/backend';

// The shape is the backend API's contract (lib/api/backend.ts).
export { type BackendStatus, backendSchema, type NodeReport, nodeReportSchema, type SeriesDrop } from '@/lib/api/backend';

/**
 * Whether the metrics backend answered with all of its data: `partial` when a configured
 * storage node is unreachable (or just back, and possibly still skipped by the front);
 * `suspected` ("may be partial") when no nodes are configured and a render suddenly has fewer
 * series than the same query's previous answer. The `backend` of /api/status and /api/health.
 * Plain data and pure functions only: the browser's banner imports this too.
 */

/** A single graphite-web, or a cluster whose answers are complete. */
export const COMPLETE_BACKEND: BackendStatus = {
  partial: false,
  suspected: false,
  unreachable: 0,
  total: 0,
  since: null,
  retryDelaySeconds: 0,
  nodes: [],
  drop: null,
};

/** Pure: the backend's state from the node reports and the drop found for the queries asked. */
export function summariseBackend(nodes: readonly NodeReport[], drop: SeriesDrop | null, retryDelayMs: number): BackendStatus {
  const missing = nodes.filter((n) => n.state !== 'up');
  const since = missing.reduce<number | null>((min, n) => (n.since !== null && (min === null || n.since < min) ? n.since : min), null);
  return {
    partial: missing.length > 0,
    // With nodes configured their probes say what is missing; the series count is only a hint.
    suspected: nodes.length === 0 && drop !== null,
    unreachable: missing.length,
    total: nodes.length,
    since,
    retryDelaySeconds: Math.round(retryDelayMs / 1000),
    nodes: [...nodes],
    drop: nodes.length === 0 ? drop : null,
  };
}

/**
 * The one sentence every view shows, e.g. "data from part of the cluster only (1 of 2 storage
 * nodes unreachable since 10:42)"; null when the answer is complete. `clock` formats epoch seconds.
 */
export function partialMessage(backend: BackendStatus, clock: (epochSeconds: number) => string): string | null {
  if (backend.partial) {
    const down = backend.nodes.filter((n) => n.state === 'unreachable');
    const back = backend.nodes.filter((n) => n.state === 'recovering');
    const parts: string[] = [];
    if (down.length > 0) {
      const since = down.reduce<number | null>((m, n) => (n.since !== null && (m === null || n.since < m) ? n.since : m), null);
      parts.push(`${down.length} of ${backend.total} storage nodes unreachable${since === null ? '' : ` since ${clock(since)}`}`);
    }
    if (back.length > 0) {
      const lead = down.length > 0 ? `${back.length} just back` : `${back.length} of ${backend.total} storage nodes just back`;
      parts.push(`${lead}, the front may skip it for up to ${backend.retryDelaySeconds} s`);
    }
    return `data from part of the cluster only (${parts.join('; ')})`;
  }
  if (backend.suspected && backend.drop !== null) {
    const { before, after, at } = backend.drop;
    return `data may be partial (a query answered with ${after} series instead of ${before} at ${clock(at)})`;
  }
  return null;
}
