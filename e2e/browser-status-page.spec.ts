import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { statusResponseSchema } from '../lib/api/status';
import { formatWait } from '../lib/status/plain-language';
import { CHAOS_APP_URL } from './support/app-ports';
import { simulatedClass } from './support/simulated-class';

// The status page `/` against the real stack, demo hub, collector and classroom simulator.

test.describe.configure({ mode: 'serial' });

test('verdict and tiles are in the server HTML and equal the ledger (no JavaScript at all)', async ({ browser, request }) => {
  test.setTimeout(360_000);
  const run = await simulatedClass(request);
  const query = `hub=${run.hub}&from=${run.from}&until=${run.until}`;
  const api = statusResponseSchema.parse(await (await request.get(`/api/status?${query}`)).json());
  const counts = run.summary.counts;
  const failed =
    counts['spawns.failure.error'] +
    counts['spawns.failure.exited'] +
    counts['spawns.failure.timeout'] +
    counts['spawns.failure.http_timeout'];

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/?${query}`);
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toBeVisible();
  await expect(verdict).toHaveAttribute('data-verdict', 'Degraded');
  await expect(page.getByTestId('verdict-reason')).toHaveText(api.reason);
  await expect(page.getByTestId('spawns-success')).toHaveText(String(counts['spawns.success']));
  await expect(page.getByTestId('spawns-failed')).toHaveText(String(failed));
  await expect(page.getByTestId('spawns-turned-away')).toHaveText(String(counts['spawns.throttled'] + counts['spawns.limited']));
  await expect(page.getByTestId('errors-total')).toHaveText(String(api.errors.total));
  await expect(page.getByTestId('wait-p50')).toHaveText(formatWait(api.spawns.waitSeconds.p50 ?? Number.NaN));
  await expect(page.getByTestId('wait-p95')).toHaveText(formatWait(api.spawns.waitSeconds.p95 ?? Number.NaN));
  await expect(page.getByTestId('running-servers')).toHaveText(api.servers.running === null ? '—' : String(api.servers.running));

  // 90 uptime bars; the run's failed starts are a Degraded incident.
  await expect(page.getByTestId('uptime').locator('li')).toHaveCount(90);
  await expect(page.getByTestId('incident').and(page.locator('[data-verdict="Degraded"]')).first()).toBeVisible();

  // Privacy: no user name of the run (they all carry its tag) anywhere on the page.
  const html = await page.content();
  expect(html).not.toContain(run.tag);
  expect(html).not.toMatch(/student\d{3}/);
  await context.close();
});

test('with JavaScript the page hydrates without errors and keeps the same numbers', async ({ page, request }) => {
  test.setTimeout(360_000);
  const run = await simulatedClass(request);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`/?hub=${run.hub}&from=${run.from}&until=${run.until}`);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'Degraded');
  await expect(page.getByTestId('spawns-success')).toHaveText(String(run.summary.counts['spawns.success']));
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
});

// The "chaos" server (:3101) reads graphite-web-chaos, which this test may freeze.
const CHAOS_URL = CHAOS_APP_URL;
const signalChaos = (sig: 'STOP' | 'CONT') =>
  execFileSync('bash', ['stack/stack.sh', 'signal', 'graphite-web-chaos', sig], { stdio: 'pipe' });

test('Graphite frozen: the page keeps the last status, marked stale, and recovers', async ({ page, request }) => {
  test.setTimeout(360_000);
  const run = await simulatedClass(request);
  // A live range: fixed ranges are cached for minutes, so they would not even reach Graphite.
  const url = `${CHAOS_URL}/?hub=${run.hub}&from=-3h&until=now&refresh=off`;
  await page.goto(url);
  await expect(page.getByTestId('verdict')).toBeVisible();
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);
  const success = await page.getByTestId('spawns-success').textContent();
  try {
    signalChaos('STOP');
    // Past the render cache (about one StatsD flush); the render then times out.
    await page.waitForTimeout(12_000);
    await page.goto(url, { timeout: 90_000 });
    await expect(page.getByTestId('stale-banner')).toContainText('Stale');
    await expect(page.getByTestId('spawns-success')).toHaveText(success ?? '');
  } finally {
    signalChaos('CONT');
  }
  await expect(async () => {
    await page.goto(url);
    await expect(page.getByTestId('stale-banner')).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId('verdict')).toBeVisible();
});
