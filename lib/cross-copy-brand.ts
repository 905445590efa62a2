/**
 * Under `npm start` one process holds two copies of lib/: server.ts's (loaded by tsx) and the one
 * Next bundles into the app, and they share the render cache (lib/graphite/cached-render.ts). An
 * error thrown by one copy must pass the other copy's `instanceof`, so the error classes that can
 * cross answer `instanceof` by a process-wide symbol instead of by prototype.
 */
export function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === 'object' && value !== null && brand in value;
}
