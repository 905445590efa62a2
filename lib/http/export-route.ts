import { z } from 'zod';
import { EXPORT_FORMATS } from '@/lib/api/export';
import { exportTable, toCsv, toExportJson } from '@/lib/explore/export-table';
import { cachedQuerySeries } from '@/lib/graphite/cached-render';
import { resolveTime } from '@/lib/time-range';
import { maxDataPointsParam, targetList, withTimeRange } from './params';
import { narrowingTooLarge } from './render-too-large';

/**
 * `GET /api/export`: the render API's query (the same limits: targets, maxDataPoints, range) plus
 * `format`, answered as a file. It goes through the render cache, so exporting what a chart just
 * drew does not ask Graphite again.
 */

const formatParam = z
  .enum(EXPORT_FORMATS, {
    error: (issue) => (Array.isArray(issue.input) ? 'given more than once' : `must be one of ${EXPORT_FORMATS.join(', ')}`),
  })
  .default('csv');

export const exportParams = withTimeRange({ target: targetList, maxDataPoints: maxDataPointsParam, format: formatParam });

type ExportQuery = z.output<typeof exportParams>;

export async function exportAnswer({ target, from, until, maxDataPoints, format }: ExportQuery): Promise<Response> {
  const now = Date.now() / 1000;
  const range = { from: Math.floor(resolveTime(from, now)), until: Math.ceil(resolveTime(until, now)) };
  const series = await narrowingTooLarge(() => cachedQuerySeries({ targets: target, from, until, maxDataPoints }));
  const table = exportTable(series);
  const csv = format === 'csv';
  return new Response(csv ? toCsv(table) : toExportJson(table, range), {
    headers: {
      'content-type': csv ? 'text/csv; charset=utf-8' : 'application/json',
      'content-disposition': `attachment; filename="hubwatch-${range.from}-${range.until}.${format}"`,
      'cache-control': 'no-store',
    },
  });
}
