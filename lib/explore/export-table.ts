import type { Series } from '@/lib/shared/series';

/**
 * The table behind `GET /api/export`: one column per series (named as Graphite named it, so an
 * `alias()` names its column), one row per timestamp any series has, with the time both as
 * ISO 8601 (UTC) and as epoch seconds. Values are Graphite's numbers unchanged; a missing point
 * is an empty cell (CSV) or null (JSON).
 */

export type ExportTable = {
  columns: string[];
  rows: Array<[string, number, ...Array<number | null>]>;
};

export function exportTable(series: readonly Series[]): ExportTable {
  const times = new Set<number>();
  const byTime = series.map((s) => {
    const values = new Map<number, number | null>();
    for (const [value, at] of s.datapoints) {
      values.set(at, value);
      times.add(at);
    }
    return values;
  });
  const rows = [...times]
    .sort((a, b) => a - b)
    .map((at): ExportTable['rows'][number] => [isoTime(at), at, ...byTime.map((values) => values.get(at) ?? null)]);
  return { columns: ['time', 'epoch', ...series.map((s) => s.target)], rows };
}

/** `2026-12-01T10:00:00Z`: seconds, no milliseconds (Graphite's times are whole seconds). */
export function isoTime(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z');
}

// A cell starting with one of these is run as a formula by spreadsheets (CSV injection); metric
// names are chosen by whoever can write to carbon, so a leading apostrophe keeps them text.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (Number.isNaN(value)) return '';
  return String(value); // Infinity and -Infinity as words; every finite number as JSON writes it
}

/** RFC 4180 CSV (CRLF line ends, a header row), ready for a spreadsheet. */
export function toCsv(table: ExportTable): string {
  const lines = [table.columns.map(csvCell).join(',')];
  for (const [time, epoch, ...values] of table.rows) {
    lines.push([time, String(epoch), ...values.map(csvNumber)].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The same table as JSON; ±Infinity, which JSON cannot carry, as the strings "Infinity"/"-Infinity". */
export function toExportJson(table: ExportTable, range: { from: number; until: number }): string {
  return JSON.stringify({ from: range.from, until: range.until, ...table }, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) && !Number.isNaN(value) ? String(value) : value,
  );
}
