import { createDeployment, listDeployments } from '@/lib/deployments/store';
import { requireDeployToken } from '@/lib/http/deploy-token';
import { createBodySchema, listQuerySchema } from '@/lib/http/deployment-params';
import { jsonResponse, route } from '@/lib/http/route';

// GET /api/deployments?hub=&from=&until= -> {"deployments": [...]} newest first (public, like the status page)
// POST /api/deployments (Authorization: Bearer $HUBWATCH_DEPLOY_TOKEN) -> 201 with the stored deployment
export const dynamic = 'force-dynamic';

export const GET = route({ query: listQuerySchema }, async ({ query }) => ({
  deployments: await listDeployments(query),
}));

export const POST = route({ guard: (request) => requireDeployToken(request), body: createBodySchema }, async ({ body }) =>
  jsonResponse(await createDeployment(body), { status: 201 }),
);
