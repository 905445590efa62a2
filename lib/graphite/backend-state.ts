import { getConfig } from '@/lib/config';
import { type BackendStatus, summariseBackend } from '@/lib/shared/backend';
import { getNodeMonitor } from './node-probe';
import { getDropTracker } from './series-drop';

export { type BackendStatus, COMPLETE_BACKEND, partialMessage } from '@/lib/shared/backend';

/**
 * The backend's state now. `keys` are the render cache keys of the answer this describes (only
 * their drops count); without keys, a drop of any query does (the banner on every view).
 */
export async function backendStatus(keys?: readonly string[]): Promise<BackendStatus> {
  const nodes = await getNodeMonitor().check();
  return summariseBackend(nodes, getDropTracker().recent(keys), getConfig().nodes.retryDelayMs);
}

/**
 * The storage nodes as last probed, without waiting for a probe (a frozen node takes the whole
 * probe timeout): for an answer that must go out now, such as a last status standing in for a
 * late one. undefined without configured nodes, or before their first probe.
 */
export function lastKnownBackend(): BackendStatus | undefined {
  const nodes = getNodeMonitor().latest();
  if (nodes.length === 0) return undefined;
  return summariseBackend(nodes, null, getConfig().nodes.retryDelayMs);
}
