import { cachedFunctions } from '@/lib/graphite/cached-functions';
import { route } from '@/lib/http/route';

// GET /api/graphite/functions
// -> {"functions": [{"name": "sumSeries", "group": "Combine", "signature": "sumSeries(*seriesLists)",
//     "description": "...", "params": [{"name": "seriesLists", "type": "seriesList", "required": true, "multiple": true}]}]}
export const dynamic = 'force-dynamic';

export const GET = route({}, () => cachedFunctions());
