import { getDeployment } from '@/lib/deployments/store';
import { deploymentIdParams, impactQuerySchema } from '@/lib/http/deployment-params';
import { ApiError, route } from '@/lib/http/route';
import { getImpact } from '@/lib/impact/get-impact';

// GET /api/deployments/<id>/impact?window=2h -> did this deployment make things better or worse
// (answer: lib/api/impact.ts); 404 not_found for an unknown id, 400 naming `window` when out of bounds.
export const dynamic = 'force-dynamic';

export const GET = route({ params: deploymentIdParams, query: impactQuerySchema }, async ({ params, query }) => {
  const deployment = await getDeployment(params.id);
  if (deployment === undefined) throw new ApiError(404, 'not_found', `id: no deployment ${params.id}`);
  return getImpact(deployment, { windowSeconds: query.window });
});
