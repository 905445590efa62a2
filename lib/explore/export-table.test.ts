import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { exportJsonSchema } from '@/lib/api/export';
import { exportTable, isoTime, toCsv, toExportJson } from './export-table';

const series = [
  {
    target: 'a.b',
    tags: {},
    datapoints: [
      [1, 1795600000],
      [null, 1795600010],
      [0.1 + 0.2, 1795600020],
    ] as [number | null, number][],
  },
  {
    target: 'alias("x, y")',
    tags: {},
    datapoints: [
      [Number.POSITIVE_INFINITY, 1795600010],
      [5, 1795600020],
    ] as [number | null, number][],
  },
];

describe('export table', () => {
  test('one row per timestamp of any series, ISO and epoch columns, series named as Graphite named them', () => {
    const table = exportTable(series);
    assert.deepEqual(table.columns, ['time', 'epoch', 'a.b', 'alias("x, y")']);
    assert.deepEqual(table.rows, [
      ['2026-11-25T09:46:40Z', 1795600000, 1, null],
      ['2026-11-25T09:46:50Z', 1795600010, null, Number.POSITIVE_INFINITY],
      ['2026-11-25T09:47:00Z', 1795600020, 0.30000000000000004, 5],
    ]);
  });

  test('CSV: quoted names, empty cells for gaps, numbers exactly as JSON has them, CRLF', () => {
    assert.equal(
      toCsv(exportTable(series)),
      'time,epoch,a.b,"alias(""x, y"")"\r\n' +
        '2026-11-25T09:46:40Z,1795600000,1,\r\n' +
        '2026-11-25T09:46:50Z,1795600010,,Infinity\r\n' +
        '2026-11-25T09:47:00Z,1795600020,0.30000000000000004,5\r\n',
    );
  });

  test('a name a spreadsheet would run as a formula stays text', () => {
    const csv = toCsv(exportTable([{ target: '=HYPERLINK("x")', tags: {}, datapoints: [] }]));
    assert.equal(csv.split('\r\n')[0], `time,epoch,"'=HYPERLINK(""x"")"`);
  });

  test('JSON: the same table, Infinity as a string, gaps as null', () => {
    const json = JSON.parse(toExportJson(exportTable(series), { from: 1795600000, until: 1795600030 }));
    assert.equal(json.from, 1795600000);
    assert.deepEqual(json.rows[1], ['2026-11-25T09:46:50Z', 1795600010, null, 'Infinity']);
  });

  test('isoTime is UTC, whole seconds', () => {
    assert.equal(isoTime(0), '1970-01-01T00:00:00Z');
  });
});

test("the JSON export is what the export API's contract says", () => {
  const body = exportJsonSchema.parse(JSON.parse(toExportJson(exportTable(series), { from: 1795600000, until: 1795600030 })));
  assert.deepEqual(body.columns, ['time', 'epoch', 'a.b', 'alias("x, y")']);
  assert.deepEqual(body.rows[1], ['2026-11-25T09:46:50Z', 1795600010, null, 'Infinity']);
});
