import { expect, test } from '@playwright/test';
import { E2E_HUB, E2E_ROOT, forgetMetrics, sendCarbon, sendStatsd, uniqueId, waitForData, waitForHub } from './support/browser';

// Charts end to end: StatsD/carbon -> Graphite -> proxy -> SWR -> ECharts, in Debian's chromium.

const run = uniqueId('c');
const gauge = (name: string) => ({ key: `${E2E_ROOT}.${run}.${name}`, path: `stats.gauges.${E2E_ROOT}.${run}.${name}` });

test.afterAll(async () => {
  await forgetMetrics(
    ['running', 'total', 'health'].map((n) => gauge(n).key),
    [`stats.gauges.${E2E_ROOT}.${run}`, `${E2E_ROOT}.${run}`, `stats.gauges.jupyterhub.${E2E_HUB}`],
  );
});

test('a gauge sent to StatsD is drawn, and the legend shows the value sent', async ({ page, request }) => {
  const { key, path } = gauge('running');
  const value = 10 + Math.floor(Math.random() * 80);
  await waitForData(request, [path], () => sendStatsd([`${key}:${value}|g`]));

  await page.goto(`/explore?from=-10min&target=${encodeURIComponent(path)}`);
  const panel = page.getByTestId('panel-explore');
  await expect(panel.locator('[data-chart-state=finished]')).toBeVisible();
  const row = panel.getByRole('row', { name: new RegExp(path.replace(/\./g, '\\.')) });
  await expect(row.getByRole('cell').nth(3)).toHaveText(String(value)); // last
  await expect(row.getByRole('cell').nth(1)).toHaveText(String(value)); // max
});

test('names from Graphite are text: a <script> metric and an HTML alias never become markup', async ({ page, request }) => {
  const path = `${E2E_ROOT}.${run}.<script>`;
  await sendCarbon([`${path} 5 ${Math.floor(Date.now() / 1000)}`]);
  await waitForData(request, [path]);
  const alias = `alias(${path},"<img src=x onerror=window.__xss=1>")`;
  await page.goto(`/explore?from=-10min&target=${encodeURIComponent(path)}&target=${encodeURIComponent(alias)}`);

  const panel = page.getByTestId('panel-explore');
  const chart = panel.locator('[data-chart-state=finished]');
  await expect(chart).toBeVisible();
  await expect(panel.locator('.legend-name').first()).toHaveText(path);
  await expect(panel.locator('.legend-name').nth(1)).toHaveText('<img src=x onerror=window.__xss=1>');
  // Hover the plot so the HTML tooltip renders both names.
  const box = await chart.boundingBox();
  if (box === null) throw new Error('chart has no box');
  await page.mouse.move(box.x + box.width - 40, box.y + box.height / 2);
  // The tooltip is the only text inside the chart host (the plot itself is a canvas).
  await expect(chart).toContainText('<script>');
  await expect(chart).toContainText('<img src=x onerror=window.__xss=1>');
  expect(await chart.locator('script, img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('asking for more points than pixels is consolidated, and the legend says so', async ({ page, request }) => {
  const { key, path } = gauge('total');
  await waitForData(request, [path], () => sendStatsd([`${key}:3|g`]));
  // 24 h at 10 s is 8,640 stored points: far more than the chart is wide.
  await page.goto(`/explore?from=-24h&target=${encodeURIComponent(path)}`);
  const panel = page.getByTestId('panel-explore');
  await expect(panel.locator('[data-chart-state=finished]')).toBeVisible();
  await expect(panel.getByTestId('consolidation-note')).toContainText(/average of \d+ stored points/);
  // A 10-minute window holds fewer points than pixels: no note.
  await page.goto(`/explore?from=-10min&target=${encodeURIComponent(path)}`);
  await expect(panel.locator('[data-chart-state=finished]')).toBeVisible();
  await expect(panel.getByTestId('consolidation-note')).toHaveCount(0);
});

test('dragging across a chart narrows the range in the URL to the dragged window', async ({ page, request }) => {
  const { key, path } = gauge('health');
  await waitForData(request, [path], () => sendStatsd([`${key}:12|g`]));
  await page.goto(`/explore?from=-1h&target=${encodeURIComponent(path)}`);
  const chart = page.getByTestId('panel-explore').locator('[data-chart-state=finished]');
  await expect(chart).toBeVisible();
  const box = await chart.boundingBox();
  if (box === null) throw new Error('chart has no box');
  const y = box.y + box.height / 2;
  const startedAt = Math.floor(Date.now() / 1000);
  await page.mouse.move(box.x + box.width * 0.4, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, y, { steps: 8 });
  await page.mouse.up();
  await expect(page).toHaveURL(/[?&]until=\d+/);
  const url = new URL(page.url());
  const from = Number(url.searchParams.get('from'));
  const until = Number(url.searchParams.get('until'));
  // About a fifth of the hour (the plot is slightly narrower than the canvas), inside the hour.
  expect(until - from).toBeGreaterThan(600);
  expect(until - from).toBeLessThan(1200);
  expect(from).toBeGreaterThan(startedAt - 3600);
  expect(until).toBeLessThan(startedAt);
  await expect(page.getByTestId('time-range-label')).not.toHaveText('Last 1 hour');
});

test('/system draws the health panels for a reporting hub and names the source of empty ones', async ({ page, request }) => {
  const now = Math.floor(Date.now() / 1000);
  const latency = 5 + Math.floor(Math.random() * 90);
  const base = `stats.gauges.jupyterhub.${E2E_HUB}`;
  await sendCarbon([`${base}.hub.up 1 ${now - 20}`, `${base}.hub.up 1 ${now - 10}`, `${base}.hub.health_ms ${latency} ${now - 10}`]);
  await waitForData(request, [`${base}.hub.up`, `${base}.hub.health_ms`]);
  await waitForHub(request, E2E_HUB);
  await page.goto(`/system?from=-10min&hub=${E2E_HUB}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`System: ${E2E_HUB}`);
  await expect(page.getByTestId('panel-hub-up').locator('[data-chart-state=finished]')).toBeVisible();
  await expect(page.getByTestId('panel-health-latency').getByRole('row', { name: /hub\/health/ })).toContainText(`${latency} ms`);
  await expect(page.getByTestId('panel-proxy-poll')).toHaveAttribute('data-state', 'empty');
  await expect(page.getByTestId('panel-proxy-poll')).toContainText("collector's metrics source");
  await expect(page.getByTestId('panel-spawn-duration')).toContainText("collector's log source");
  await expect(page.getByTestId('panel-running-servers')).toContainText("collector's users-API source");
  // a metric older JupyterHub versions do not serve: the empty panel says which
  await expect(page.getByTestId('panel-event-loop')).toHaveAttribute('data-state', 'empty');
  await expect(page.getByTestId('panel-event-loop')).toContainText('3.x and 4.x hubs do not');
});

test('a live series that stopped says since when, in the viewer clock', async ({ page, request }) => {
  const path = `${E2E_ROOT}.${run}.stopped`;
  const now = Math.floor(Date.now() / 1000);
  const lastAt = Math.floor((now - 300) / 10) * 10; // five minutes ago, on a 10 s bucket
  await sendCarbon([`${path} 1 ${lastAt - 20}`, `${path} 1 ${lastAt - 10}`, `${path} 1 ${lastAt}`]);
  await waitForData(request, [path]);
  await page.goto(`/explore?from=-15min&target=${encodeURIComponent(path)}`);
  const panel = page.getByTestId('panel-explore');
  await expect(panel.locator('[data-chart-state=finished]')).toBeVisible();
  const clock = await page.evaluate(
    (at) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(at * 1000)),
    lastAt,
  );
  await expect(panel.getByRole('status')).toHaveText(`No data from this hub since ${clock}`);
});
