import { z } from 'zod';
import { ConfigError, getConfig, graphiteUrl, intInRange, parseEnv } from '@/lib/config';

/**
 * The storage nodes behind a federating graphite-web (its CLUSTER_SERVERS), when the operator
 * names them: `HUBWATCH_GRAPHITE_NODES` is their graphite-web URLs, separated by commas or
 * spaces. The dashboard still queries only GRAPHITE_URL; it probes the nodes to know when the
 * front's 200 is a partial answer (the front says nothing when a node is missing).
 * Validated once, like lib/config.ts, so a bad list stops the server at start-up.
 */

export type NodesConfig = {
  /** Each node's graphite-web base URL, ending with `/`; empty when not configured. */
  nodes: string[];
  /** How long a node that came back may still be skipped by the front (its REMOTE_RETRY_DELAY). */
  retryDelayMs: number;
  /** Timeout of one probe of one node. */
  probeTimeoutMs: number;
};

const MAX_NODES = 64;

const nodesEnvSchema = z.object({
  // Graphite's own default REMOTE_RETRY_DELAY is 60 s.
  HUBWATCH_GRAPHITE_RETRY_DELAY_S: intInRange(0, 3_600, 60),
});

function parseNodeList(raw: string | undefined): string[] {
  const entries = (raw ?? '').split(/[\s,]+/).filter((entry) => entry !== '');
  if (entries.length > MAX_NODES) {
    throw new ConfigError(`invalid configuration: HUBWATCH_GRAPHITE_NODES: more than ${MAX_NODES} nodes`);
  }
  const urls = entries.map((entry, index) => {
    const parsed = graphiteUrl.safeParse(entry);
    if (!parsed.success) {
      const why = parsed.error.issues[0]?.message ?? 'not a URL';
      throw new ConfigError(`invalid configuration: HUBWATCH_GRAPHITE_NODES: node ${index + 1} ("${entry}"): ${why}`);
    }
    return parsed.data;
  });
  const seen = new Set<string>();
  for (const url of urls) {
    if (seen.has(url)) throw new ConfigError(`invalid configuration: HUBWATCH_GRAPHITE_NODES: ${url} is listed twice`);
    seen.add(url);
  }
  return urls;
}

/** Validates an environment; pure, for tests. */
export function loadNodesConfig(env: Readonly<Record<string, string | undefined>>, probeTimeoutMs: number): NodesConfig {
  const value = parseEnv(nodesEnvSchema, env);
  return {
    nodes: parseNodeList(env.HUBWATCH_GRAPHITE_NODES),
    retryDelayMs: value.HUBWATCH_GRAPHITE_RETRY_DELAY_S * 1000,
    probeTimeoutMs,
  };
}

let current: NodesConfig | undefined;

/** The process's node list, validated on first use; probes share the health probe's timeout. */
export function getNodesConfig(): NodesConfig {
  current ??= loadNodesConfig(process.env, getConfig().healthTimeoutMs);
  return current;
}
