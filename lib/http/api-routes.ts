/**
 * Every route under /api and the methods it answers, so that `npm start` can answer any other
 * method with a 405 in the documented error shape and an `Allow` header (Next answers those
 * with an empty body), and any unknown /api path with a JSON 404 (Next would send its HTML
 * page). lib/http/api-routes.test.ts checks this table against the route files' exports.
 */
export const API_ROUTES: ReadonlyArray<{ path: string; pattern: RegExp; methods: readonly string[] }> = [
  { path: '/api/graphite/render', pattern: /^\/api\/graphite\/render$/, methods: ['GET', 'POST'] },
  { path: '/api/graphite/find', pattern: /^\/api\/graphite\/find$/, methods: ['GET'] },
  { path: '/api/graphite/events', pattern: /^\/api\/graphite\/events$/, methods: ['GET'] },
  { path: '/api/graphite/functions', pattern: /^\/api\/graphite\/functions$/, methods: ['GET'] },
  { path: '/api/export', pattern: /^\/api\/export$/, methods: ['GET'] },
  { path: '/api/health', pattern: /^\/api\/health$/, methods: ['GET'] },
  { path: '/api/status', pattern: /^\/api\/status$/, methods: ['GET'] },
  { path: '/api/backend', pattern: /^\/api\/backend$/, methods: ['GET'] },
  { path: '/api/hubs', pattern: /^\/api\/hubs$/, methods: ['GET'] },
  { path: '/api/deployments', pattern: /^\/api\/deployments$/, methods: ['GET', 'POST'] },
  { path: '/api/deployments/[id]', pattern: /^\/api\/deployments\/[^/]+$/, methods: ['GET', 'DELETE'] },
  { path: '/api/deployments/[id]/impact', pattern: /^\/api\/deployments\/[^/]+\/impact$/, methods: ['GET'] },
];

/** Methods Next answers for any GET route by itself. */
const IMPLIED: Record<string, readonly string[]> = { GET: ['HEAD'] };

export type ApiRouteMatch = { kind: 'not_api' } | { kind: 'unknown_path' } | { kind: 'ok' } | { kind: 'bad_method'; allow: string };

/** What the server should do with `method` on `pathname` before Next sees it. */
export function matchApiRoute(method: string, pathname: string): ApiRouteMatch {
  if (pathname !== '/api' && !pathname.startsWith('/api/')) return { kind: 'not_api' };
  const normalised = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  const route = API_ROUTES.find((r) => r.pattern.test(normalised));
  if (route === undefined) return { kind: 'unknown_path' };
  const allowed = [...route.methods, ...route.methods.flatMap((m) => IMPLIED[m] ?? []), 'OPTIONS'];
  if (allowed.includes(method)) return { kind: 'ok' };
  return { kind: 'bad_method', allow: allowed.join(', ') };
}
