import type { StatusResponse } from '@/lib/api/status';
import type { BackendStatus } from '@/lib/shared/backend';
import { guardVerdict } from './partial-verdict';

/**
 * A status from the cache (cached-status.ts) was judged with the backend as it was when it was
 * computed: up to its TTL ago, or longer when it stands in for a late recomputation, and a
 * recomputation is late exactly when a storage node hangs. A status from before a node went away
 * would say Operational and `partial: false` about data the cluster can no longer give. So when
 * the nodes are now known to be partial, it carries that backend and its verdict is guarded again
 * (never Operational on partial data). A complete backend changes nothing: the verdict computed
 * with its own backend stands until the next recomputation.
 */
export function withCurrentBackend(status: StatusResponse, backend: BackendStatus | undefined): StatusResponse {
  if (backend === undefined || !backend.partial) return status;
  const { verdict, cause, reason } = guardVerdict({ verdict: status.verdict, cause: status.cause, reason: status.reason }, backend);
  return { ...status, verdict, cause, reason, backend };
}
