import { exportAnswer, exportParams } from '@/lib/http/export-route';
import { route } from '@/lib/http/route';

// GET /api/export?target=A&target=B&from=-6h&until=now&format=csv
// -> a download: CSV "time,epoch,A,B" (one row per timestamp) or the same table as JSON.
export const dynamic = 'force-dynamic';

export const GET = route({ query: exportParams }, ({ query }) => exportAnswer(query), { graphiteField: 'target' });
