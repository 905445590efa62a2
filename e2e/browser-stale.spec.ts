import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { CHAOS_APP_URL, E2E_ROOT, forgetMetrics, sendStatsd, uniqueId, waitForData } from './support/browser';

// Graphite stopped mid-session, for real: the :3101 server reads graphite-web-chaos (:8090), which
// this spec stops and starts again. The page keeps the last data, says it is stale, and recovers.
test.describe.configure({ mode: 'serial' });

const exec = promisify(execFile);
const stack = (...args: string[]) => exec('bash', ['stack/stack.sh', ...args], { timeout: 120_000 });

const run = uniqueId('s');
const key = `${E2E_ROOT}.${run}.running`;
const target = `stats.gauges.${key}`;

test.afterAll(async () => {
  await stack('start', 'graphite-web-chaos');
  await forgetMetrics([key], [`stats.gauges.${E2E_ROOT}.${run}`]);
});

test('Graphite stopped: last data stays, marked stale; it recovers on the next refresh', async ({ page, request }) => {
  await stack('start', 'graphite-web-chaos');
  await waitForData(request, [target], () => sendStatsd([`${key}:9|g`]));

  await page.goto(`${CHAOS_APP_URL}/explore?from=-10min&refresh=10s&target=${encodeURIComponent(target)}`);
  const panel = page.getByTestId('panel-explore');
  await expect(panel.locator('[data-chart-state=finished]')).toBeVisible();
  await expect(panel).toHaveAttribute('data-stale', 'false');
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);

  await stack('stop', 'graphite-web-chaos');
  const banner = page.getByTestId('stale-banner');
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await expect(banner).toContainText('metrics backend unreachable');
  await expect(panel).toHaveAttribute('data-stale', 'true');
  // The last data is still drawn, with its legend.
  await expect(panel).toHaveAttribute('data-state', 'ok');
  await expect(panel.locator('[data-chart-state]')).toBeVisible();
  await expect(panel.getByRole('row', { name: new RegExp(run) })).toContainText('9');

  await stack('start', 'graphite-web-chaos');
  await expect(banner).toHaveCount(0, { timeout: 60_000 });
  await expect(panel).toHaveAttribute('data-stale', 'false');
});

test('with no data ever loaded, an unreachable backend is said in plain words', async ({ page }) => {
  await stack('stop', 'graphite-web-chaos');
  try {
    await page.goto(`${CHAOS_APP_URL}/explore?from=-10min&target=${E2E_ROOT}.never.loaded`);
    await expect(page.getByTestId('panel-explore')).toHaveAttribute('data-state', 'error', { timeout: 60_000 });
    await expect(page.getByTestId('panel-explore').getByRole('alert')).toHaveText('Metrics backend unreachable');
  } finally {
    await stack('start', 'graphite-web-chaos');
  }
});
