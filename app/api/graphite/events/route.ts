import { getGraphiteClient } from '@/lib/graphite/client';
import { tagList, withTimeRange } from '@/lib/http/params';
import { route } from '@/lib/http/route';

// GET /api/graphite/events?tags=deploy&from=-7d&until=now
// -> [{"id": 1, "when": 1795604530, "what": "...", "data": "...", "tags": ["deploy"]}]
export const dynamic = 'force-dynamic';

const schema = withTimeRange({ tags: tagList });

export const GET = route({ query: schema }, ({ query: { tags, from, until } }) => getGraphiteClient().events({ tags, from, until }), {
  graphiteField: 'tags',
});
