import { z } from 'zod';
import { cachedFind } from '@/lib/graphite/cached-find';
import { findQueryParam } from '@/lib/http/params';
import { route } from '@/lib/http/route';

// GET /api/graphite/find?query=stats.gauges.jupyterhub.*
// -> [{"path": "stats.gauges.jupyterhub.default", "name": "default", "leaf": false}]
// Cached like renders (lib/graphite/cached-find.ts).
export const dynamic = 'force-dynamic';

const schema = z.object({ query: findQueryParam });

export const GET = route({ query: schema }, ({ query }) => cachedFind(query.query), { graphiteField: 'query' });
