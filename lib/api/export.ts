import { z } from 'zod';

/**
 * `GET /api/export?target=A&target=B&from=-6h&until=now&format=csv`: a download of the render
 * API's answer for the same query, as CSV (`time,epoch,A,B`, one row per timestamp) or the same
 * table as JSON.
 */

export const EXPORT_PATH = '/api/export';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// Non-finite values travel as the strings "Infinity" / "-Infinity", as JSON has no number for them.
const cell = z.union([z.number(), z.literal('Infinity'), z.literal('-Infinity')]).nullable();

/** The JSON format's body. */
export const exportJsonSchema = z.object({
  from: z.number().int(),
  until: z.number().int(),
  /** `time`, `epoch`, then one column per series, named as Graphite named it. */
  columns: z.array(z.string()),
  /** `[ISO 8601 time, epoch seconds, value per series...]`. */
  rows: z.array(z.tuple([z.string(), z.number().int()], cell)),
});

export type ExportJson = z.infer<typeof exportJsonSchema>;

export interface ExportQuery {
  targets: readonly string[];
  from: string;
  until: string;
  format: ExportFormat;
}

/** Every stored point of the targets (no maxDataPoints): what a chart's CSV/JSON links download. */
export function exportUrl(q: ExportQuery): string {
  const params = new URLSearchParams();
  for (const target of q.targets) params.append('target', target);
  params.set('from', q.from);
  params.set('until', q.until);
  params.set('format', q.format);
  return `${EXPORT_PATH}?${params.toString()}`;
}
