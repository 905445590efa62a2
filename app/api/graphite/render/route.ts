import { renderPostRoute, renderRoute } from '@/lib/http/render-route';

// The handler lives in lib/ because `npm start` also calls it outside Next's router
// (lib/http/server-hooks.ts); this file only mounts it.
export const dynamic = 'force-dynamic';
export const GET = renderRoute;
export const POST = renderPostRoute;
