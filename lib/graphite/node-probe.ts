import { getConfig, type NodesConfig } from '@/lib/config';
import { createGraphiteClient } from './client';
import { type GraphiteErrorKind, isGraphiteError } from './errors';

/**
 * Probes each storage node's graphite-web (a find of the top level, with a timeout) and keeps
 * when each one went away or came back. A node that answers again is `recovering` for the
 * front's retry delay: the front keeps skipping a node it saw fail, so its answers stay partial
 * for that long although the node itself is fine.
 */

export type NodeState = 'up' | 'unreachable' | 'recovering';

export type NodeReport = {
  url: string;
  state: NodeState;
  /** Epoch seconds: unreachable since / back since; null when up (or never seen down). */
  since: number | null;
  /** Epoch seconds of the probe this report is from. */
  checkedAt: number;
  latencyMs: number;
  error?: { code: string; message: string };
};

type NodeRecord = { reachable: boolean; changedAt: number; report: NodeReport };
export type ProbeOutcome = { ok: true; latencyMs: number } | { ok: false; latencyMs: number; error: { code: string; message: string } };
export type NodeProber = (url: string, timeoutMs: number) => Promise<ProbeOutcome>;

/** The same codes the API answers with (lib/http/route.ts), so a node's error reads like the front's. */
const ERROR_CODES: Record<GraphiteErrorKind, { code: string; message: string }> = {
  unreachable: { code: 'graphite_unreachable', message: 'Graphite is unreachable' },
  timeout: { code: 'graphite_timeout', message: 'Graphite did not answer in time' },
  bad_request: { code: 'graphite_error', message: 'Graphite failed to answer' },
  upstream: { code: 'graphite_error', message: 'Graphite failed to answer' },
  // The dashboard's own render gate, not the node: never a probe's answer, kept for completeness.
  busy: { code: 'graphite_busy', message: 'Graphite is busy with other renders; try again shortly' },
};

/** One find of `*` on the node itself: cheap, and the same call the front makes. */
export const probeNode: NodeProber = async (url, timeoutMs) => {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    await createGraphiteClient({ baseUrl: url, timeoutMs }).find('*');
    return { ok: true, latencyMs: elapsed() };
  } catch (error) {
    const why = isGraphiteError(error) ? ERROR_CODES[error.kind] : { code: 'internal_error', message: 'the probe failed' };
    return { ok: false, latencyMs: elapsed(), error: why };
  }
};

/** Probe results younger than this are reused: many requests, at most one probe round per period. */
export const PROBE_REUSE_MS = 3_000;

export function createNodeMonitor(config: NodesConfig, prober: NodeProber = probeNode, now: () => number = Date.now) {
  const records = new Map<string, NodeRecord>();
  let inFlight: Promise<NodeReport[]> | undefined;
  let lastRound: { at: number; reports: NodeReport[] } | undefined;

  function update(url: string, outcome: ProbeOutcome, at: number): NodeReport {
    const previous = records.get(url);
    // A node first seen up has been up as far as we know; first seen down, it is down from now.
    const changedAt = previous === undefined || previous.reachable !== outcome.ok ? at : previous.changedAt;
    const wasDown = previous !== undefined && (previous.reachable === false || previous.report.state === 'recovering');
    let state: NodeState = outcome.ok ? 'up' : 'unreachable';
    if (outcome.ok && wasDown && at - changedAt < config.retryDelayMs) state = 'recovering';
    const report: NodeReport = {
      url,
      state,
      since: state === 'up' ? null : Math.floor(changedAt / 1000),
      checkedAt: Math.floor(at / 1000),
      latencyMs: outcome.latencyMs,
      ...(outcome.ok ? {} : { error: outcome.error }),
    };
    records.set(url, { reachable: outcome.ok, changedAt, report });
    return report;
  }

  async function round(): Promise<NodeReport[]> {
    const outcomes = await Promise.all(config.nodes.map(async (url) => ({ url, outcome: await prober(url, config.probeTimeoutMs) })));
    const at = now();
    const reports = outcomes.map(({ url, outcome }) => update(url, outcome, at));
    lastRound = { at, reports };
    return reports;
  }

  return {
    /** The last probe round's reports, without probing (empty before the first round). */
    latest(): NodeReport[] {
      return lastRound?.reports ?? [];
    },
    /** Every configured node's state; concurrent callers share one probe round. */
    async check(): Promise<NodeReport[]> {
      if (config.nodes.length === 0) return [];
      if (lastRound !== undefined && now() - lastRound.at < PROBE_REUSE_MS) return lastRound.reports;
      inFlight ??= round().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
  };
}

export type NodeMonitor = ReturnType<typeof createNodeMonitor>;

// One monitor per process: Next gives route handlers and pages their own copy of this module,
// and all of them must see the same "unreachable since".
const SHARED = Symbol.for('hubwatch.nodeMonitor');
const processWide = globalThis as typeof globalThis & { [SHARED]?: NodeMonitor };

export function getNodeMonitor(): NodeMonitor {
  processWide[SHARED] ??= createNodeMonitor(getConfig().nodes);
  return processWide[SHARED];
}
