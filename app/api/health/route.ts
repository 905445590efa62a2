import { z } from 'zod';
import { checkHealth } from '@/lib/http/health';
import { handle } from '@/lib/http/route';

// GET /api/health -> 200 {"status": "ok"|"degraded", "dashboard": {...}, "graphite": {"reachable", "latencyMs"}, ...}
// Always 200 while the dashboard runs: a Graphite outage is reported in the body, not as the
// dashboard being down.
export const dynamic = 'force-dynamic';

export const GET = handle(z.object({}), () => checkHealth());
