import { z } from 'zod';
import { getGraphiteClient } from '@/lib/graphite/client';
import { findQueryParam } from '@/lib/http/params';
import { handle } from '@/lib/http/route';

// GET /api/graphite/find?query=stats.gauges.jupyterhub.*
// -> [{"path": "stats.gauges.jupyterhub.default", "name": "default", "leaf": false}]
export const dynamic = 'force-dynamic';

const schema = z.object({ query: findQueryParam });

export const GET = handle(schema, ({ query }) => getGraphiteClient().find(query), { graphiteField: 'query' });
