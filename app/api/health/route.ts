import { checkHealth } from '@/lib/http/health';
import { route } from '@/lib/http/route';

// GET /api/health -> 200 {"status": "ok"|"degraded", "dashboard": {...}, "graphite": {"reachable", "latencyMs"},
// "backend": {"partial", "suspected", "nodes": [{"url", "state", "since", ...}], ...}, ...}
// Always 200 while the dashboard runs: a Graphite outage, or a storage node of a cluster
// (HUBWATCH_GRAPHITE_NODES) that is unreachable, is reported in the body, not as the dashboard being down.
export const dynamic = 'force-dynamic';

export const GET = route({}, () => checkHealth());
