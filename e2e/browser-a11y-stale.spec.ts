import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { expectNoViolations, waitForSettled } from './support/axe';
import { CHAOS_APP_URL, E2E_ROOT, forgetMetrics, sendStatsd, uniqueId, waitForData } from './support/browser';

// Mutates the stack (run under the exclusive lock): stops graphite-web-chaos (:8090), which only the
// :3101 dashboard reads, to check WCAG 2.1 A/AA (axe-core) on what a Graphite outage shows: the
// stale banner over kept data, panels that never loaded, and the status page that cannot compute.
test.describe.configure({ mode: 'serial' });

const exec = promisify(execFile);
const stack = (...args: string[]) => exec('bash', ['stack/stack.sh', ...args], { timeout: 120_000 });

const run = uniqueId('a');
const key = `${E2E_ROOT}.${run}.running`;
const target = `stats.gauges.${key}`;

test.afterAll(async () => {
  await stack('start', 'graphite-web-chaos');
  await forgetMetrics([key], [`stats.gauges.${E2E_ROOT}.${run}`]);
});

test('Graphite stopped: the stale banner, failed panels and the unknown status, light and dark', async ({ page, request }) => {
  test.setTimeout(240_000);
  await stack('start', 'graphite-web-chaos');
  await waitForData(request, [target], () => sendStatsd([`${key}:9|g`]));
  await page.goto(`${CHAOS_APP_URL}/explore?from=-10min&refresh=10s&target=${encodeURIComponent(target)}`);
  const panel = page.getByTestId('panel-explore');
  await expect(panel.locator('[data-chart-state=finished]')).toBeVisible();

  await stack('stop', 'graphite-web-chaos');
  try {
    await expect(page.getByTestId('stale-banner')).toBeVisible({ timeout: 60_000 });
    await expect(panel).toHaveAttribute('data-stale', 'true');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await waitForSettled(page);
      await expectNoViolations(page, `/explore stale (${scheme})`);
    }
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${CHAOS_APP_URL}/system?from=-10min&refresh=off`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await waitForSettled(page);
      await expectNoViolations(page, `/system backend unreachable (${scheme})`);
      await page.goto(`${CHAOS_APP_URL}/?from=-10min&refresh=off`);
      await expect(page.getByTestId('verdict')).toBeVisible();
      await expectNoViolations(page, `/ backend unreachable (${scheme})`);
    }
  } finally {
    await stack('start', 'graphite-web-chaos');
  }
});
