import { type BackendStatus, summariseBackend } from '@/lib/shared/backend';
import { getNodeMonitor } from './node-probe';
import { getNodesConfig } from './nodes';
import { getDropTracker } from './series-drop';

export { type BackendStatus, COMPLETE_BACKEND, partialMessage } from '@/lib/shared/backend';

/**
 * The backend's state now. `keys` are the render cache keys of the answer this describes (only
 * their drops count); without keys, a drop of any query does (the banner on every view).
 */
export async function backendStatus(keys?: readonly string[]): Promise<BackendStatus> {
  const nodes = await getNodeMonitor().check();
  return summariseBackend(nodes, getDropTracker().recent(keys), getNodesConfig().retryDelayMs);
}

