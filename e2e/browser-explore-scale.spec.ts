import { expect, test } from '@playwright/test';
import { forgetManyHubs, manyHubNames, searchedCounter, writeManyHubs } from './support/many-hubs';

// 200 hubs on the real stack: the metric finder's glob search picks one out and the keyboard adds
// its metric; the hub selector narrows 200 to one. The hubs are written once, through carbon, and
// their whisper files removed at the end.

const HUBS = 200;
const run = Math.random().toString(36).slice(2, 7).padEnd(5, '0');
const hubs = manyHubNames(run, HUBS);
const chosen = 137;
const hub = hubs[chosen] ?? '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  await writeManyHubs(hubs, Math.floor(Date.now() / 1000));
  // Both the hub list (gauges) and the counters must be on disk; finds are cached ~10 s.
  for (const kind of ['gauges', 'counters']) {
    await expect
      .poll(
        async () => {
          const res = await request.get(`/api/graphite/find?query=${encodeURIComponent(`stats.${kind}.jupyterhub.e2e${run}h*`)}`);
          return res.ok() ? ((await res.json()) as unknown[]).length : 0;
        },
        { timeout: 90_000, intervals: [2_000] },
      )
      .toBe(HUBS);
  }
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await forgetManyHubs(hubs);
});

test('among 200 hubs, the glob search finds one hub and the keyboard adds its metric', async ({ page }) => {
  await page.goto('/explore?from=-10min');
  const tree = page.getByRole('tree', { name: 'Metric tree' });
  // The tree's hub level lists every hub (200 of ours and the stack's own) without a search.
  for (const node of ['stats', 'stats.counters', 'stats.counters.jupyterhub']) await tree.locator(`[data-path="${node}"]`).click();
  const ours = tree.locator(`[role=treeitem][aria-level="4"][data-path^="stats.counters.jupyterhub.e2e${run}h"]`);
  await expect(ours).toHaveCount(HUBS);
  expect(Number(await ours.first().getAttribute('aria-setsize'))).toBeGreaterThanOrEqual(HUBS);

  const search = page.getByRole('combobox', { name: 'Search metrics' });
  await search.fill(`jupyterhub.*${run}h${chosen}.spawns.*`);
  const results = page.getByRole('listbox', { name: 'Matching metrics' });
  const branch = searchedCounter(hub).replace(/\.count$/, '');
  await expect(results.getByRole('option')).toHaveText([`${branch}.*`]);
  await search.press('Enter'); // a branch: searches inside it
  await expect(search).toHaveValue(`${branch}.*`);
  await expect(results.getByRole('option')).toHaveText([searchedCounter(hub)]);
  await expect(results.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter'); // a metric: added as a target and drawn

  await expect(page.getByTestId('target-input-1')).toHaveValue(searchedCounter(hub));
  const panel = page.getByTestId('panel-explore');
  await expect(panel.locator('[data-chart-state=finished]')).toBeVisible();
  // Its value is the hub's number: the line drawn is this hub's, not a neighbour's.
  await expect(
    panel
      .getByRole('row', { name: new RegExp(hub) })
      .getByRole('cell')
      .nth(3),
  ).toHaveText(String(chosen));
});

test('among 200 hubs, the hub selector narrows to one by typing, and Enter opens it', async ({ page }) => {
  await page.goto('/system?from=-10min');
  const find = page.getByTestId('hub-search');
  await expect(find).toHaveAttribute('placeholder', /^\d+ hubs$/);
  expect(Number((await find.getAttribute('placeholder'))?.split(' ')[0])).toBeGreaterThanOrEqual(HUBS);
  const select = page.getByTestId('hub-select');
  await find.fill(`${run}h${chosen}`);
  // The current hub stays listed beside the match, so at most two options remain of 200+.
  await expect(select.locator(`option[value="${hub}"]`)).toHaveCount(1);
  expect(await select.locator('option').count()).toBeLessThanOrEqual(2);
  await find.press('Enter');
  await expect(page).toHaveURL(new RegExp(`hub=${hub}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`System: ${hub}`);
  await expect(page.getByTestId('panel-hub-up').locator('[data-chart-state=finished]')).toBeVisible();
});
