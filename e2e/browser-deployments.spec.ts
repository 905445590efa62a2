import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { impactResponseSchema } from '../lib/api/impact';
import { E2E_DEPLOY_TOKEN } from './support/deploy-token';
import { type SimulatedClass, simulatedClass } from './support/simulated-class';

// In the browser: the deployment list, the impact page, the status page's last deployment
// and incidents, and the markers on /system's and /errors' charts, for a deployment recorded on the
// shared simulated class's hub a minute before its run, with a title that is HTML. Every place
// shows it as text: no element is made from it and no script runs (no dialog, ever).

const TITLE = '<img src=x onerror=alert(1)> New user image 2026.11';
const auth = { authorization: `Bearer ${E2E_DEPLOY_TOKEN}` };

test.describe.configure({ mode: 'serial' });

let run: SimulatedClass;
let id = 0;

async function record(request: APIRequestContext, hub: string, when: number): Promise<number> {
  const response = await request.post('/api/deployments', {
    headers: auth,
    data: { hub, what: TITLE, when, version: '2026.11', link: 'https://example.edu/changes/2026.11' },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

/** A dialog would be the title's onerror running: the page records it, the test then fails. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

const noMarkupFromTitle = async (page: Page) => expect(page.locator('img[src="x"]')).toHaveCount(0);

test.beforeAll(async ({ request }) => {
  test.setTimeout(360_000);
  run = await simulatedClass(request);
  // A minute before the run: the run's failed starts are an incident that began after it.
  id = await record(request, run.hub, run.from - 60);
});

test.afterAll(async ({ request }) => {
  if (id > 0) await request.delete(`/api/deployments/${id}`, { headers: auth });
});

test('the list shows the deployment with its title as text and a verdict badge', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto(`/deployments?hub=${run.hub}&from=${run.from - 3600}&until=${run.until}`);
  const row = page.getByTestId('deployment-row').filter({ hasText: TITLE });
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-kind', 'deploy');
  await expect(row.getByRole('link', { name: TITLE })).toHaveAttribute('href', `/deployments/${id}?hub=${run.hub}`);
  await expect(row.getByText('2026.11', { exact: true })).toBeVisible();
  await expect(row.locator('.verdict-badge')).toHaveAttribute('data-verdict', /^(worse|better|no_change|not_enough_data)$/);
  await noMarkupFromTitle(page);
  expect(dialogs).toEqual([]);
});

test('the impact page: the API verdict, eight measures, the overlay charts drawn', async ({ page, request }) => {
  const dialogs = watchDialogs(page);
  const api = impactResponseSchema.parse(await (await request.get(`/api/deployments/${id}/impact?window=10min`)).json());
  await page.goto(`/deployments/${id}?window=10min`);
  await expect(page.getByTestId('impact-title')).toHaveText(`Deployment: ${TITLE}`);
  await expect(page.getByTestId('impact-verdict')).toHaveAttribute('data-verdict', api.verdict);
  await expect(page.getByTestId('impact-reason')).toHaveText(api.reason);
  const table = page.getByTestId('measures-table');
  await expect(table.locator('tbody tr[data-testid^="measure-"]')).toHaveCount(8);
  for (const [measure, result] of Object.entries(api.measures)) {
    await expect(table.getByTestId(`measure-${measure}`)).toHaveAttribute('data-verdict', result.verdict);
  }
  // The run's starts are in the after-window: the charts have points to draw.
  for (const chart of ['overlay-wait', 'overlay-failures']) {
    await expect(page.getByTestId(chart).locator('[data-chart-state="finished"]')).toBeVisible();
  }
  await noMarkupFromTitle(page);
  expect(dialogs).toEqual([]);
});

test('the status page names the last deployment and the incident that began after it', async ({ page }) => {
  const dialogs = watchDialogs(page);
  const url = `/?hub=${run.hub}&from=${run.from}&until=${run.until}`;
  // The status page's deployment list is cached for about one StatsD flush.
  await expect(async () => {
    await page.goto(url);
    await expect(page.getByTestId('last-deployment')).toContainText(TITLE, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('last-deployment').getByRole('link', { name: TITLE })).toHaveAttribute('href', `/deployments/${id}`);
  const named = page.getByTestId('incident-deployment').first();
  await expect(named).toHaveText(`‘${TITLE}’`);
  await expect(named).toHaveAttribute('href', `/deployments/${id}`);
  await noMarkupFromTitle(page);
  expect(dialogs).toEqual([]);
});

for (const view of ['/system', '/errors']) {
  test(`${view}: every chart marks the deployment with a link to its impact page`, async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto(`${view}?hub=${run.hub}&from=${run.from - 600}&until=${run.until}&refresh=off`);
    const markers = page.getByTestId('deployment-marker');
    await expect(markers.first()).toBeVisible();
    // One strip per chart, each with this deployment.
    const charts = await page.locator('[data-testid^="panel-"]').count();
    expect(charts).toBeGreaterThan(0);
    await expect(markers.filter({ hasText: TITLE })).toHaveCount(charts);
    await expect(markers.first()).toHaveAttribute('href', `/deployments/${id}`);
    await expect(markers.first()).toContainText(`${TITLE} (2026.11)`);
    await noMarkupFromTitle(page);
    expect(dialogs).toEqual([]);
  });
}
