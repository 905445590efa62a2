import { route } from '@/lib/http/route';
import { getHubsOverview } from '@/lib/hubs/get-overview';

export const dynamic = 'force-dynamic';

/** GET /api/hubs — every reporting hub, worst first (lib/hubs/overview.ts); what /hubs shows. */
export const GET = route({}, () => getHubsOverview());
