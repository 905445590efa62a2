import { expect, test } from '@playwright/test';
import { E2E_ROOT, forgetMetrics, sendCarbon, uniqueId } from './support/browser';

// GET /api/export through the production server and the real graphite-web: the render API's
// validation and limits with their exact JSON, and the same numbers as the render API.

const longTarget = 'a'.repeat(1001);
const manyTargets = Array.from({ length: 51 }, (_, i) => `target=m${i}`).join('&');

const cases: [url: string, code: string, message: string][] = [
  ['/api/export', 'bad_request', 'target: at least one target is required'],
  ['/api/export?target=', 'bad_request', 'target[0]: empty target'],
  [`/api/export?target=${longTarget}`, 'bad_request', 'target[0]: longer than the limit of 1000 characters'],
  [`/api/export?${manyTargets}`, 'bad_request', 'target: more than the limit of 50 targets'],
  ['/api/export?target=a&format=xlsx', 'bad_request', 'format: must be one of csv, json'],
  ['/api/export?target=a&format=csv&format=json', 'bad_request', 'format: given more than once'],
  ['/api/export?target=a&from=yesterday', 'bad_request', 'from: not a Graphite time'],
  ['/api/export?target=a&from=now&until=-1h', 'bad_request', 'until: must be later than from'],
  ['/api/export?target=a&from=-3y', 'bad_request', 'from: range from..until is longer than the limit of 732 days'],
  ['/api/export?target=a&maxDataPoints=5001', 'bad_request', 'maxDataPoints: over the limit of 5000'],
  [
    '/api/export?target=noSuchFunction(a.b)&from=-5min',
    'graphite_rejected',
    'target: rejected by Graphite: Invalid parameters (Received request for unknown function: noSuchFunction); targets: "noSuchFunction(a.b)"',
  ],
];

for (const [url, code, message] of cases) {
  test(`${url.slice(0, 80)} -> 400 ${code}`, async ({ request }) => {
    const response = await request.get(url);
    expect(response.status()).toBe(400);
    expect(response.headers()['content-type']).toContain('application/json');
    expect(await response.json()).toEqual({ error: { code, message } });
  });
}

test.describe('export of two targets', () => {
  const run = uniqueId('x');
  const a = `${E2E_ROOT}.${run}.a`;
  const b = `${E2E_ROOT}.${run}.b`;
  // A fixed window in the last hour, on 10 s buckets, with a gap in b.
  // Ends within the last minute, so the render cache keeps it 10 s, not the 5 min of a settled range.
  const until = Math.floor(Date.now() / 10_000) * 10 - 20;
  const from = until - 120;
  const target = (t: string) => `target=${encodeURIComponent(t)}`;
  const query = `${target(a)}&${target(`alias(${b}, "b, with a comma")`)}&from=${from}&until=${until}`;

  test.beforeAll(async ({ request }) => {
    const lines: string[] = [];
    for (let at = from + 10, i = 0; at < until; at += 10, i++) {
      lines.push(`${a} ${i * 1.5} ${at}`);
      if (i % 3 !== 1) lines.push(`${b} ${100 - i} ${at}`);
    }
    await sendCarbon(lines);
    const points = async () => {
      const series = (await (await request.get(`/api/graphite/render?${query}`)).json()) as { datapoints: [number | null, number][] }[];
      return series.map((s) => s.datapoints.filter(([v]) => v !== null).length);
    };
    // Carbon writes within a second or two; the render cache keeps an answer 10 s at most.
    await expect.poll(points, { timeout: 40_000, intervals: [2_000] }).toEqual([11, 7]);
  });
  test.afterAll(() => forgetMetrics([], [`${E2E_ROOT}.${run}`]));

  test('CSV: a header of series names, one row per timestamp, the render API numbers exactly', async ({ request }) => {
    const render = (await (await request.get(`/api/graphite/render?${query}`)).json()) as {
      target: string;
      datapoints: [number | null, number][];
    }[];
    expect(render.map((s) => s.target)).toEqual([a, 'b, with a comma']);
    const response = await request.get(`/api/export?${query}&format=csv`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers()['content-disposition']).toBe(`attachment; filename="hubwatch-${from}-${until}.csv"`);
    const lines = (await response.text()).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe(`time,epoch,${a},"b, with a comma"`);
    const times = render[0]?.datapoints.map(([, t]) => t) ?? [];
    expect(lines.length - 1).toBe(times.length);
    lines.slice(1).forEach((line, i) => {
      const t = times[i] ?? 0;
      const cell = (s: number) => {
        const v = render[s]?.datapoints.find(([, at]) => at === t)?.[0];
        return v === null || v === undefined ? '' : String(v);
      };
      expect(line).toBe(`${new Date(t * 1000).toISOString().replace('.000Z', 'Z')},${t},${cell(0)},${cell(1)}`);
    });
    // Real numbers, not only gaps: the points sent are in it.
    expect(lines.slice(1).filter((l) => l.split(',')[2] !== '').length).toBeGreaterThan(5);
  });

  test('JSON: the same table', async ({ request }) => {
    const csv = (await (await request.get(`/api/export?${query}&format=csv`)).text()).trim().split('\r\n');
    const response = await request.get(`/api/export?${query}&format=json`);
    expect(response.headers()['content-disposition']).toBe(`attachment; filename="hubwatch-${from}-${until}.json"`);
    const json = (await response.json()) as { from: number; until: number; columns: string[]; rows: (string | number | null)[][] };
    expect(json.from).toBe(from);
    expect(json.until).toBe(until);
    expect(json.columns).toEqual(['time', 'epoch', a, 'b, with a comma']);
    expect(json.rows.map((r) => r.map((v) => (v === null ? '' : String(v))).join(','))).toEqual(csv.slice(1));
  });
});
