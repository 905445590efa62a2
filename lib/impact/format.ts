/** A p-value as the impact table and reasons show it; values themselves read through lib/charts/format.ts. */
export function formatP(p: number | null): string {
  if (p === null) return 'not tested';
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}
