import { z } from 'zod';
import { httpBaseUrl, intInRange, listOf, parseEnv } from './env';
import { ConfigError, type Env } from './errors';

/**
 * The storage nodes behind a federating graphite-web (its CLUSTER_SERVERS), when the operator
 * names them: `HUBWATCH_GRAPHITE_NODES` is their graphite-web URLs, separated by commas or
 * spaces. The dashboard still queries only GRAPHITE_URL; it probes the nodes to know when the
 * front's 200 is a partial answer (the front says nothing when a node is missing).
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

const schema = z.object({
  // Graphite's own default REMOTE_RETRY_DELAY is 60 s.
  HUBWATCH_GRAPHITE_RETRY_DELAY_S: intInRange(0, 3_600, 60),
});

function parseNodeList(raw: string | undefined): string[] {
  const entries = listOf(raw);
  if (entries.length > MAX_NODES) {
    throw new ConfigError(`invalid configuration: HUBWATCH_GRAPHITE_NODES: more than ${MAX_NODES} nodes`);
  }
  const urls = entries.map((entry, index) => {
    const parsed = httpBaseUrl.safeParse(entry);
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

/** Probes share the health probe's timeout (`probeTimeoutMs`, from the Graphite section). */
export function loadNodesConfig(env: Env, probeTimeoutMs: number): NodesConfig {
  const value = parseEnv(schema, env);
  return {
    nodes: parseNodeList(env.HUBWATCH_GRAPHITE_NODES),
    retryDelayMs: value.HUBWATCH_GRAPHITE_RETRY_DELAY_S * 1000,
    probeTimeoutMs,
  };
}
