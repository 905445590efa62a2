import { join } from 'node:path';

/**
 * Which stack the specs run against: the single node (default) or the Graphite cluster
 * (`HUBWATCH_STACK=cluster`, started by `bash stack/stack.sh start --cluster`). The same specs
 * run on both; only the names of what they stop and where whisper files live differ.
 */
export const CLUSTER = process.env.HUBWATCH_STACK === 'cluster';

/** The graphite-web the :3101 server reads, which specs may stop or SIGSTOP. */
export const CHAOS_GRAPHITE = CLUSTER ? 'graphite-front-chaos' : 'graphite-web-chaos';

/** Every whisper tree a metric can be in: the single node's and each cluster node's. */
export function whisperRoots(dataDir: string): string[] {
  return [join(dataDir, 'whisper'), join(dataDir, 'cluster', 'a', 'whisper'), join(dataDir, 'cluster', 'b', 'whisper')];
}
