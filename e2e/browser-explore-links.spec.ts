import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { binName, HISTOGRAM_BINS, histogramPattern } from '../lib/catalog';
import { formatValue } from '../lib/charts/format';
import { overlayTargets } from '../lib/impact/overlay-targets';
import type { Series } from '../lib/shared/series';
import { quantileTransform } from '../lib/system/quantile-transforms';
import { E2E_HUB, E2E_ROOT, forgetMetrics, sendCarbon, uniqueId, waitForData, waitForHub } from './support/browser';
import { E2E_DEPLOY_TOKEN } from './support/deploy-token';

// From any chart to /explore and out to a file: "Open in explore" on a /system chart reproduces
// its series (a quantile panel's too, computed from the same bins); the impact page's overlays
// open as their window with last week time-shifted; explore's CSV export has exactly the render
// API's numbers; the request tab shows the request the chart made.

const run = uniqueId('l');
const a = `${E2E_ROOT}.${run}.a`;
const b = `${E2E_ROOT}.${run}.b`;

test.afterAll(async () => {
  await forgetMetrics([], [`${E2E_ROOT}.${run}`, `stats.gauges.jupyterhub.${E2E_HUB}`, `stats.timers.jupyterhub.${E2E_HUB}`]);
});

test('"Open in explore" on a /system chart opens a new tab with the same series, range and display', async ({ page, context, request }) => {
  const now = Math.floor(Date.now() / 1000);
  const latency = 5 + Math.floor(Math.random() * 90);
  const base = `stats.gauges.jupyterhub.${E2E_HUB}`;
  await sendCarbon([
    `${base}.hub.up 1 ${now - 10}`,
    `${base}.hub.health_ms ${latency} ${now - 20}`,
    `${base}.hub.health_ms ${latency + 1} ${now - 10}`,
  ]);
  await waitForData(request, [`${base}.hub.up`, `${base}.hub.health_ms`]);
  await waitForHub(request, E2E_HUB);
  await page.goto(`/system?from=-10min&hub=${E2E_HUB}`);
  const panel = page.getByTestId('panel-health-latency');
  const row = panel.getByRole('row', { name: /hub\/health/ });
  await expect(row).toContainText(`${latency + 1} ms`);
  const systemCells = await row.getByRole('cell').allTextContents();

  const link = panel.getByRole('link', { name: /Open in explore: Health check latency/ });
  await expect(link).toHaveAttribute('target', '_blank');
  const [opened] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await opened.waitForLoadState();
  const url = new URL(opened.url());
  expect(url.pathname).toBe('/explore');
  expect(url.searchParams.getAll('target')).toEqual([`${base}.hub.health_ms`]);
  expect(url.searchParams.getAll('alias')).toEqual(['/hub/health']);
  expect(url.searchParams.get('from')).toBe('-10min');
  expect(url.searchParams.get('unit')).toBe('ms');
  expect(url.searchParams.get('hub')).toBe(E2E_HUB);

  const explore = opened.getByTestId('panel-explore');
  await expect(explore.locator('[data-chart-state=finished]')).toBeVisible();
  const exploreRow = explore.getByRole('row', { name: /hub\/health/ });
  await expect(exploreRow.getByRole('cell').nth(3)).toHaveText(`${latency + 1} ms`);
  // min, max, avg, last as on /system (explore adds a total).
  expect((await exploreRow.getByRole('cell').allTextContents()).slice(0, 4)).toEqual(systemCells);

  // The request tab shows the request the chart made, with its target and range.
  await opened.getByRole('tab', { name: 'Request' }).click();
  const shown = opened.getByTestId('render-request');
  await expect(shown).toHaveCount(1);
  await expect(shown).toContainText(`alias(${base}.hub.health_ms, '/hub/health')`);
  await expect(shown).toContainText('-10min');
  await opened.close();
});

test('CSV export of two targets from explore has exactly the numbers the render API returns', async ({ page, request }) => {
  const until = Math.floor(Date.now() / 10_000) * 10 - 20;
  const from = until - 100;
  const lines: string[] = [];
  for (let at = from + 10, i = 0; at < until; at += 10, i++) {
    lines.push(`${a} ${i + 0.25} ${at}`);
    if (i !== 2) lines.push(`${b} ${i * 100} ${at}`);
  }
  await sendCarbon(lines);
  await waitForData(request, [a, b], undefined, String(from));
  const render = async () => {
    const params = new URLSearchParams({ from: String(from), until: String(until) });
    params.append('target', a);
    params.append('target', b);
    return (await (await request.get(`/api/graphite/render?${params.toString()}`)).json()) as {
      target: string;
      datapoints: [number | null, number][];
    }[];
  };
  await expect
    .poll(async () => (await render()).map((s) => s.datapoints.filter(([v]) => v !== null).length), { timeout: 30_000 })
    .toEqual([9, 8]);
  const series = await render();

  await page.goto(`/explore?from=${from}&until=${until}&target=${encodeURIComponent(a)}&target=${encodeURIComponent(b)}`);
  await expect(page.getByTestId('panel-explore').locator('[data-chart-state=finished]')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('explore-export-csv').click()]);
  expect(download.suggestedFilename()).toBe(`hubwatch-${from}-${until}.csv`);
  const path = await download.path();
  const csv = (await readFile(path, 'utf8')).trimEnd().split('\r\n');

  expect(csv[0]).toBe(`time,epoch,${a},${b}`);
  const expected = (series[0]?.datapoints ?? []).map(([, t]) => {
    const cell = (s: number) => {
      const v = series[s]?.datapoints.find(([, at]) => at === t)?.[0];
      return v === null || v === undefined ? '' : String(v);
    };
    return `${new Date(t * 1000).toISOString().replace('.000Z', 'Z')},${t},${cell(0)},${cell(1)}`;
  });
  expect(csv.slice(1)).toEqual(expected);
  expect(csv.slice(1).filter((row) => row.endsWith(',')).length).toBeGreaterThan(0); // b's gap is an empty cell
});

test('"Open in explore" on a /system quantile panel draws the same p50/p95, computed from the same bins', async ({
  page,
  context,
  request,
}) => {
  const now = Math.floor(Date.now() / 1000);
  const histogram = histogramPattern(E2E_HUB, 'spawns.duration').replace(/\.bin_\*$/, '');
  // Starts in two bins, so p50 and p95 differ and both depend on the counts (a random mix).
  const fast = 2 + Math.floor(Math.random() * 8);
  const slow = 1 + Math.floor(Math.random() * 4);
  const lines = [`stats.gauges.jupyterhub.${E2E_HUB}.hub.up 1 ${now - 10}`];
  for (const bound of HISTOGRAM_BINS['spawns.duration']) {
    const bin = bound === Infinity ? 'inf' : String(bound);
    const count = bound === 2000 ? fast : bound === 5000 ? slow : 0;
    lines.push(`${histogram}.bin_${bin} ${count} ${now - 10}`);
  }
  await sendCarbon(lines);
  await waitForData(request, [`${histogram}.bin_2000`, `${histogram}.bin_5000`]);
  await waitForHub(request, E2E_HUB);
  await page.goto(`/system?from=-10min&hub=${E2E_HUB}`);
  const panel = page.getByTestId('panel-spawn-duration');
  await expect(panel.locator('[data-chart-state=finished]')).toBeVisible();
  const systemRows = [];
  for (const q of ['p50', 'p95'])
    systemRows.push(
      await panel
        .getByRole('row', { name: new RegExp(`^${q}`) })
        .getByRole('cell')
        .allTextContents(),
    );
  expect(systemRows[0]).not.toEqual(systemRows[1]);

  const [opened] = await Promise.all([
    context.waitForEvent('page'),
    panel.getByRole('link', { name: /Open in explore: Server start duration/ }).click(),
  ]);
  await opened.waitForLoadState();
  const url = new URL(opened.url());
  expect(url.searchParams.getAll('target')).toEqual([`summarize(${histogram}.bin_*, '1min', 'sum', false)`]);
  expect(url.searchParams.getAll('transform')).toEqual(['statsd-p50-p95']);

  const explore = opened.getByTestId('panel-explore');
  await expect(explore.locator('[data-chart-state=finished]')).toBeVisible();
  // Named as computed from the bins, with /system's numbers (explore adds a total column).
  for (const [i, q] of ['p50', 'p95'].entries()) {
    const row = explore.getByRole('row', { name: new RegExp(`^${q} \\(from histogram bins\\)`) });
    expect((await row.getByRole('cell').allTextContents()).slice(0, 4)).toEqual(systemRows[i]);
  }
  await expect(opened.getByTestId('target-derived-1')).toContainText('p50 and p95 from StatsD histogram bins');
  // Every stored point of the bins, as /system asks for them (no per-pixel maxDataPoints).
  await opened.getByRole('tab', { name: 'Request' }).click();
  await expect(opened.getByTestId('render-request')).not.toContainText('maxDataPoints');

  // The drawn quantiles as CSV: at the bucket holding the written starts, the numbers the panels'
  // code computes from the render API's bins (the bins' own export is labelled as such).
  await expect(panel.getByRole('link', { name: /CSV \(histogram bins\) of Server start duration/ })).toHaveText('CSV (histogram bins)');
  const [download] = await Promise.all([opened.waitForEvent('download'), opened.getByTestId('explore-export-drawn-csv').click()]);
  const csv = (await readFile(await download.path(), 'utf8')).trimEnd().split('\r\n');
  expect(csv[0]).toBe('time,epoch,p50 (from histogram bins),p95 (from histogram bins)');
  const bucket = Math.floor((now - 10) / 60) * 60;
  const target = url.searchParams.get('target') ?? '';
  const bins = (await (
    await request.get(`/api/graphite/render?${new URLSearchParams({ target, from: '-10min', until: 'now' })}`)
  ).json()) as Series[];
  const expected = quantileTransform('statsd-p50-p95')
    .transform(bins)
    .series.map((s) => s.datapoints.find(([, at]) => at === bucket)?.[0]);
  expect(expected.every((v) => typeof v === 'number')).toBe(true);
  expect(
    csv
      .find((row) => row.split(',')[1] === String(bucket))
      ?.split(',')
      .slice(2)
      .map(Number),
  ).toEqual(expected);
  await opened.close();
});

test('"Open in explore" on an impact overlay: its window, and last week as a 7-day time shift', async ({ page, context, request }) => {
  const auth = { authorization: `Bearer ${E2E_DEPLOY_TOKEN}` };
  const now = Math.floor(Date.now() / 1000);
  // The overlay draws the median of the spawn-wait histogram bins: some starts in one bin.
  const bound = HISTOGRAM_BINS['spawns.duration'][Math.floor(Math.random() * 6)] ?? 1000;
  const bin = histogramPattern(E2E_HUB, 'spawns.duration').replace('bin_*', binName(bound));
  await sendCarbon([`stats.gauges.jupyterhub.${E2E_HUB}.hub.up 1 ${now - 10}`, `${bin} 3 ${now - 30}`, `${bin} 2 ${now - 20}`]);
  await waitForData(request, [bin]);
  await waitForHub(request, E2E_HUB);
  const when = now - 120;
  const recorded = await request.post('/api/deployments', { headers: auth, data: { hub: E2E_HUB, what: 'explore overlay link', when } });
  expect(recorded.status(), await recorded.text()).toBe(201);
  const { id } = (await recorded.json()) as { id: number };
  try {
    await page.goto(`/deployments/${id}?window=30min`);
    const overlay = page.getByTestId('overlay-wait');
    const link = overlay.getByRole('link', { name: /Open in explore: Typical wait to start \(median\)/ });
    await expect(link).toHaveAttribute('target', '_blank');
    const target = overlayTargets(E2E_HUB, 1800).wait;
    const csv = new URL((await overlay.getByRole('link', { name: /^CSV/ }).getAttribute('href')) ?? '', 'http://x');
    expect(csv.searchParams.getAll('target')).toEqual([target, `timeShift(${target}, '7d')`]);

    const [opened] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await opened.waitForLoadState();
    const url = new URL(opened.url());
    expect(url.searchParams.getAll('target')).toEqual([target, `timeShift(${target}, '7d')`]);
    expect(url.searchParams.getAll('alias')).toEqual(['around the deployment', 'one week earlier']);
    expect([url.searchParams.get('from'), url.searchParams.get('until')]).toEqual([String(when - 1800), String(when + 1800)]);
    expect(url.searchParams.get('unit')).toBe('ms');
    const explore = opened.getByTestId('panel-explore');
    await expect(explore.locator('[data-chart-state=finished]')).toBeVisible();
    // Explore draws the same median by the same code: its largest value is the API's bins' largest median.
    const answer = await request.get(
      `/api/graphite/render?${new URLSearchParams({ target, from: String(when - 1800), until: String(when + 1800) })}`,
    );
    const [p50] = quantileTransform('statsd-p50').transform((await answer.json()) as Series[]).series;
    const peak = Math.max(...(p50?.datapoints ?? []).flatMap(([v]) => (v === null ? [] : [v])));
    expect(peak).toBeGreaterThan(0);
    await expect(
      explore
        .getByRole('row', { name: /^around the deployment/ })
        .getByRole('cell')
        .nth(1),
    ).toHaveText(formatValue(peak, 'ms'));
    await expect(explore.getByRole('row', { name: /^one week earlier/ })).toHaveCount(1);
    await opened.close();
  } finally {
    await request.delete(`/api/deployments/${id}`, { headers: auth });
  }
});
