/**
 * The shapes of what Graphite answers, as the dashboard hands them around: the server's Graphite
 * client produces them, the proxy sends them, browser hooks and pure chart code read them. They
 * are the render and find APIs' contract (lib/api/render.ts, lib/api/find.ts); this module names
 * them for the code that only handles data.
 */

export type { FindNode } from '@/lib/api/find';
export type { Datapoint, RenderQuery, Series } from '@/lib/api/render';
