import { type APIRequestContext, expect, test } from '@playwright/test';
import { impactResponseSchema } from '../lib/api/impact';
import { binName, counterPath, gaugePath, histogramPattern } from '../lib/catalog';
import { sendCarbon, uniqueId, waitForHub } from './support/browser';
import { E2E_DEPLOY_TOKEN } from './support/deploy-token';
import { forgetHub } from './support/forget-hub';

// A deployment's impact page for hubs whose history has server starts and histogram bins but no
// per-flush `median` series (a new hub, an import, a backend that keeps only what it was sent),
// written through carbon with their own timestamps two hours back. Graphite leaves the missing
// series out of a render, so a page that takes series by position draws one chart's numbers on
// another. Asserted: the wait overlay is drawn from the same bins as the table's median (same
// number), the failed starts are drawn where they exist and say "no data" where they do not, the
// reason says once that last week has no data, and the header shows the deployment's hub.
// Stack: writes two throw-away hubs to the shared carbon and removes them after; mutates nothing else.

const auth = { authorization: `Bearer ${E2E_DEPLOY_TOKEN}` };
const BEFORE_MS = 5000; // every start before the deployment: in the 3-5 s bin
const AFTER_MS = 30000; // every start after it: in the 20-30 s bin
const STARTS_PER_MINUTE = 3;

test.describe.configure({ mode: 'serial' });

const withFailures = uniqueId('e2ebins');
const withoutFailures = uniqueId('e2ebinz');
const when = Math.floor(Date.now() / 1000 / 60) * 60 - 2 * 3600;
const ids: number[] = [];

/** One point a minute over both windows: bins and successes, failures every ten minutes after if asked. */
function history(hub: string, failures: boolean): string[] {
  const lines: string[] = [];
  for (let minute = -60; minute < 60; minute += 1) {
    const at = when + minute * 60;
    const bound = minute < 0 ? BEFORE_MS : AFTER_MS;
    // Only the bin that holds the starts: the others, never written, are empty bins.
    lines.push(`${histogramPattern(hub, 'spawns.duration').replace('bin_*', binName(bound))} ${STARTS_PER_MINUTE} ${at}`);
    lines.push(`${counterPath(hub, 'spawns.success')} ${STARTS_PER_MINUTE} ${at}`);
    if (failures && minute >= 0 && minute % 10 === 0) lines.push(`${counterPath(hub, 'spawns.failure.error')} 1 ${at}`);
  }
  // A health gauge now, so the hub is listed in the header's hub selector.
  const now = Math.floor(Date.now() / 1000);
  for (const at of [now - 30, now - 20, now - 10]) lines.push(`${gaugePath(hub, 'hub.up')} 1 ${at}`);
  return lines;
}

async function record(request: APIRequestContext, hub: string): Promise<number> {
  const response = await request.post('/api/deployments', { headers: auth, data: { hub, what: `Bins only ${hub}`, when } });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: number };
  ids.push(id);
  return id;
}

/** The impact once carbon has created every file and graphite-web reads all the starts. */
async function settledImpact(request: APIRequestContext, id: number) {
  let impact = impactResponseSchema.parse(await (await request.get(`/api/deployments/${id}/impact?window=1h`)).json());
  await expect
    .poll(
      async () => {
        impact = impactResponseSchema.parse(await (await request.get(`/api/deployments/${id}/impact?window=1h`)).json());
        return [impact.measures.spawnWaitP50.samples.before, impact.measures.spawnWaitP50.samples.after];
      },
      { timeout: 90_000, intervals: [2_000, 3_000, 5_000] },
    )
    .toEqual([60 * STARTS_PER_MINUTE, 60 * STARTS_PER_MINUTE]);
  return impact;
}

test.beforeAll(async ({ request }) => {
  test.setTimeout(180_000);
  await sendCarbon([...history(withFailures, true), ...history(withoutFailures, false)]);
  await record(request, withFailures);
  await record(request, withoutFailures);
  await waitForHub(request, withFailures);
  await waitForHub(request, withoutFailures);
});

test.afterAll(async ({ request }) => {
  for (const id of ids) await request.delete(`/api/deployments/${id}`, { headers: auth });
  await forgetHub(withFailures, { removeWhisper: true });
  await forgetHub(withoutFailures, { removeWhisper: true });
});

test('bins without a median: the wait is the table median, the failed starts are failed starts', async ({ page, request }) => {
  const [id] = ids;
  const impact = await settledImpact(request, id ?? 0);
  const median = impact.measures.spawnWaitP50;
  // The table's wait after the deployment: the middle of the 20-30 s bin.
  expect(median.after).toBe(25_000);
  expect(median.before).toBeLessThanOrEqual(BEFORE_MS);

  await page.goto(`/deployments/${id}?window=1h`);
  const wait = page.getByTestId('overlay-wait');
  await expect(wait).toHaveAttribute('data-state', 'drawn');
  await expect(wait.locator('[data-chart-state="finished"]')).toBeVisible();
  // The drawn line is the same median of the same bins, not failure counts (0-2) taken as ms.
  await expect(wait).toHaveAttribute('data-peak', String(median.after));
  const failures = page.getByTestId('overlay-failures');
  await expect(failures).toHaveAttribute('data-state', 'drawn');
  await expect(failures.locator('[data-chart-state="finished"]')).toBeVisible();
  await expect(failures).toHaveAttribute('data-peak', '1');

  // "Open in explore" draws the wait from the bins by the same code.
  const explore = wait.getByRole('link', { name: /^Open in explore: / });
  const href = new URL((await explore.getAttribute('href')) ?? '', 'http://x');
  expect(href.searchParams.getAll('transform')[0]).toBe('statsd-p50');
  expect(href.searchParams.getAll('target')[0]).toContain('spawns.duration.histogram.bin_*');

  // No data last week for a new hub: said once in the paragraph.
  const reason = (await page.getByTestId('impact-reason').textContent()) ?? '';
  expect(reason).toBe(impact.reason);
  expect(reason.match(/last week has no data/gi)?.length ?? 0, reason).toBe(1);
});

test('a target Graphite has no series for says "no data" instead of loading forever', async ({ page, request }) => {
  const id = ids[1] ?? 0;
  await settledImpact(request, id);
  await page.goto(`/deployments/${id}?window=1h`);
  await expect(page.getByTestId('overlay-wait')).toHaveAttribute('data-state', 'drawn');
  const failures = page.getByTestId('overlay-failures');
  await expect(failures).toHaveAttribute('data-state', 'no-data');
  await expect(failures.getByTestId('overlay-failures-message')).toHaveText(/^No data: /);
});

test("the header's hub selector shows the deployment's hub; choosing another lists that hub's deployments", async ({ page }) => {
  const id = ids[0] ?? 0;
  // Opened without `hub`, as a link from elsewhere would: the default hub is another one.
  await page.goto(`/deployments/${id}?window=1h`);
  await expect(page.getByTestId('impact-title')).toContainText(withFailures);
  const select = page.getByTestId('hub-select');
  await expect(select).toHaveValue(withFailures);
  await expect(page).toHaveURL(new RegExp(`[?&]hub=${withFailures}(&|$)`));
  await select.selectOption(withoutFailures);
  await expect(page).toHaveURL(new RegExp(`/deployments\\?hub=${withoutFailures}$`));
  await expect(page.getByTestId('deployment-row').filter({ hasText: `Bins only ${withoutFailures}` })).toHaveCount(1);
});
