import { expect, test } from '@playwright/test';
import { HTML_STATUS, writeToCarbon } from './support/carbon';
import { forgetHub } from './support/forget-hub';
import { simulatedClass } from './support/simulated-class';

// The /errors view against the real stack, demo hub, collector and classroom simulator.

test.describe.configure({ mode: 'serial' });

test('the table counts equal the ledger; clicking a category narrows range and URL', async ({ page, request }) => {
  test.setTimeout(360_000);
  const run = await simulatedClass(request);
  const counts = run.summary.counts;
  await page.goto(`/errors?hub=${run.hub}&from=${run.from}&until=${run.until}`);

  const expected: [string, number][] = [
    ['spawn_error', counts['spawns.failure.error']],
    ['process_exited', counts['spawns.failure.exited']],
    ['start_timeout', counts['spawns.failure.timeout']],
    ['never_responded', counts['spawns.failure.http_timeout']],
    ['throttled', counts['spawns.throttled']],
    ['active_user_limit', counts['spawns.limited']],
    ['server_crashed', counts['servers.crashed']],
    ['failed_login', counts['logins.failure']],
  ];
  for (const [category, n] of expected) {
    await expect(page.getByTestId(`error-count-${category}`), category).toHaveText(String(n));
  }
  await expect(page.getByTestId('error-row-throttled')).toContainText('Too many users trying to log in right now');

  // Wider than the run (this hub name only ever counted the run), so that there is room to narrow.
  const wide = { from: run.from - 1800, until: run.until + 600 };
  await page.goto(`/errors?hub=${run.hub}&from=${wide.from}&until=${wide.until}`);
  await expect(page.getByTestId('error-count-throttled')).toHaveText(String(counts['spawns.throttled']));
  // The chart has drawn (its data is needed to know when throttling happened).
  await expect(page.getByTestId('panel-errors-over-time')).toHaveAttribute('data-state', 'ok');
  await page.getByTestId('error-row-throttled').getByRole('button').click();
  await expect(page).toHaveURL(/category=throttled/);
  const url = new URL(page.url());
  const from = Number(url.searchParams.get('from'));
  const until = Number(url.searchParams.get('until'));
  // Throttling happened during the run: the narrowed range lies within it (give or take a bucket).
  expect(from).toBeGreaterThanOrEqual(run.from - 10);
  expect(until).toBeLessThanOrEqual(run.until + 60);
  expect(until - from).toBeLessThan(wide.until - wide.from);
  await expect(page.getByTestId('category-filter')).toContainText('Throttled (429)');
  await expect(page.getByTestId('error-row-throttled')).toHaveAttribute('aria-selected', 'true');
  // Narrowed to when throttling happened: every throttled start is still counted.
  await expect(page.getByTestId('error-count-throttled')).toHaveText(String(counts['spawns.throttled']));
});

test('dragging across the errors chart narrows the range; the table follows it', async ({ page, request }) => {
  test.setTimeout(360_000);
  const run = await simulatedClass(request);
  const wide = { from: run.from - 1800, until: run.until + 600 };
  await page.goto(`/errors?hub=${run.hub}&from=${wide.from}&until=${wide.until}`);
  const chart = page.getByTestId('panel-errors-over-time').locator('[data-chart-state=finished]');
  await expect(chart).toBeVisible();
  const box = await chart.boundingBox();
  if (box === null) throw new Error('chart has no box');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, y, { steps: 8 });
  await page.mouse.up();
  await expect(page).toHaveURL((url) => Number(url.searchParams.get('from')) > wide.from);
  const url = new URL(page.url());
  const from = Number(url.searchParams.get('from'));
  const until = Number(url.searchParams.get('until'));
  expect(until).toBeLessThan(wide.until);
  expect(url.searchParams.get('hub')).toBe(run.hub);
  // The server recomputed the table for the narrower range: it matches /api/status for it.
  const narrowed = (await (await request.get(`/api/status?hub=${run.hub}&from=${from}&until=${until}`)).json()) as {
    errors: { total: number; byCategory: Record<string, { count: number }> };
  };
  await expect(page.getByTestId('error-count-throttled')).toHaveText(String(narrowed.errors.byCategory.throttled?.count));
  await expect(page.getByTestId('errors-total')).toContainText(`${narrowed.errors.total} errors between`);
});

const htmlHub = `html${Date.now().toString(36)}`;
test.afterAll(() => forgetHub(htmlHub, { removeWhisper: true }));

test('a metric named with HTML is rendered as text', async ({ page }) => {
  const hub = htmlHub;
  await writeToCarbon([`stats.counters.jupyterhub.${hub}.requests.status.${HTML_STATUS}.count 2 ${Math.floor(Date.now() / 1000) - 30}`]);
  await expect(async () => {
    await page.goto(`/errors?hub=${hub}&from=-10min&refresh=off`);
    await expect(page.getByTestId('status-codes')).toContainText(HTML_STATUS, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('status-codes').locator('b')).toHaveCount(0);
});
