import { escapeHtml } from './escape-html';
import { formatClock, formatValue, type ValueUnit } from './format';

/** The part of ECharts' axis-tooltip params we read. */
export interface TooltipItem {
  seriesName?: string;
  color?: unknown;
  value?: unknown;
}

function pointOf(value: unknown): { at: number; v: number | null } | null {
  if (!Array.isArray(value) || value.length < 2) return null;
  const [at, v] = value as unknown[];
  if (typeof at !== 'number') return null;
  return { at, v: typeof v === 'number' ? v : null };
}

/**
 * Tooltip body as HTML. ECharts inserts it with innerHTML, so every name is escaped here and
 * nothing from Graphite is passed through ECharts' own (template) formatting.
 */
export function tooltipHtml(items: readonly TooltipItem[], unit: ValueUnit, timeZone?: string): string {
  const first = items[0] ? pointOf(items[0].value) : null;
  const header = first ? escapeHtml(formatClock(first.at / 1000, { withDate: true, timeZone })) : '';
  const rows = items.map((item) => {
    const point = pointOf(item.value);
    const colour = typeof item.color === 'string' ? item.color : 'currentColor';
    const name = escapeHtml(item.seriesName ?? '');
    const value = escapeHtml(formatValue(point ? point.v : null, unit));
    return `<div><span style="display:inline-block;width:8px;height:8px;border-radius:4px;margin-right:6px;background:${escapeHtml(colour)}"></span>${name}: <b>${value}</b></div>`;
  });
  return `<div>${header}</div>${rows.join('')}`;
}
