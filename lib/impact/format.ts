import type { MeasureUnit } from '@/lib/impact/measures';

/** A measure's value as the reason text shows it ("3.0 %", "2.1 s", "120 ms"). */
export function formatValue(value: number | null, unit: MeasureUnit): string {
  if (value === null) return 'no data';
  if (unit === 'ratio') return `${(value * 100).toFixed(value < 0.1 ? 2 : 1)} %`;
  if (unit === 'per_server_hour') return `${value.toFixed(3)} per server-hour`;
  return Math.abs(value) >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

export function formatP(p: number | null): string {
  if (p === null) return 'not tested';
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

export function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
