import { backendStatus } from '@/lib/graphite/backend-state';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/**
 * GET /api/backend — whether Graphite answers with all its data (lib/shared/backend.ts), for
 * the banner every view polls. Unlike /api/health it never queries Graphite itself: node probes are
 * shared (at most one round per 3 s) and the series-drop check is memory, so 500 open dashboards
 * cost Graphite nothing extra.
 */
export const GET = route({}, () => backendStatus());
