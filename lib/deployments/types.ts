/**
 * A deployment as hubwatch stores and answers it: the shape is the API's contract
 * (lib/api/deployments.ts), shared by the write path (POST /api/deployments, the deploy CLI, the
 * collector's automatic detection), the list and the impact judge, so every side reads the same fields.
 */
export {
  DEPLOYMENT_KINDS,
  DEPLOYMENT_SOURCES,
  type Deployment,
  type DeploymentKind,
  type DeploymentSource,
} from '@/lib/api/deployments';

/** Graphite event tags of a deployment: the kind, and `hub:<name>` (hub names never hold spaces or commas). */
export const hubTag = (hub: string): string => `hub:${hub}`;
