import { deleteDeployment, getDeployment } from '@/lib/deployments/store';
import { requireDeployToken } from '@/lib/http/deploy-token';
import { deploymentIdParams } from '@/lib/http/deployment-params';
import { ApiError, route } from '@/lib/http/route';

// GET /api/deployments/<id> -> the deployment, or 404 not_found
// DELETE /api/deployments/<id> (same token as POST) -> 204, or 404 not_found
export const dynamic = 'force-dynamic';

const notFound = (id: number) => new ApiError(404, 'not_found', `id: no deployment ${id}`);

export const GET = route({ params: deploymentIdParams }, async ({ params }) => {
  const deployment = await getDeployment(params.id);
  if (deployment === undefined) throw notFound(params.id);
  return deployment;
});

export const DELETE = route({ guard: (request) => requireDeployToken(request), params: deploymentIdParams }, async ({ params }) => {
  if (!(await deleteDeployment(params.id))) throw notFound(params.id);
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
});
