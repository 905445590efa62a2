import { expect, test } from '@playwright/test';

// The shell every view shares: navigation, time picker, refresh selector, kiosk, phone, dark.

test('nav links lead to every view and carry the range, hub and refresh along', async ({ page }) => {
  await page.goto('/explore?from=-6h&until=now&hub=default&refresh=30s&target=x');
  const nav = page.getByRole('navigation', { name: 'Views' });
  for (const name of ['Status', 'Errors', 'System', 'Explore']) await expect(nav.getByRole('link', { name })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Explore' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'System' })).toHaveAttribute('href', '/system?from=-6h&until=now&hub=default&refresh=30s');
  await nav.getByRole('link', { name: 'System' }).click();
  await expect(page).toHaveURL(/\/system\?from=-6h&until=now&hub=default&refresh=30s$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('System');
});

test('a quick range writes Graphite syntax into the URL and the label follows', async ({ page }) => {
  await page.goto('/explore');
  await expect(page.getByTestId('time-range-label')).toHaveText('Last 1 hour');
  await page.getByTestId('time-range-label').click();
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await expect(page).toHaveURL(/from=-7d/);
  await expect(page).toHaveURL(/until=now/);
  await expect(page.getByTestId('time-range-label')).toHaveText('Last 7 days');
});

test('shift back moves an absolute window by half its width; forward never passes now', async ({ page }) => {
  await page.goto('/explore?from=-2h&until=now');
  const before = Math.floor(Date.now() / 1000);
  await page.getByTestId('shift-back').click();
  await expect(page).toHaveURL(/from=\d+&until=\d+/);
  const url = new URL(page.url());
  const from = Number(url.searchParams.get('from'));
  const until = Number(url.searchParams.get('until'));
  expect(until - from).toBe(7200);
  expect(Math.abs(until - (before - 3600))).toBeLessThan(30);
  await page.getByTestId('shift-forward').click();
  await page.getByTestId('shift-forward').click();
  await expect.poll(() => Number(new URL(page.url()).searchParams.get('until'))).toBeGreaterThanOrEqual(before);
  const last = new URL(page.url());
  expect(Number(last.searchParams.get('until')) - Number(last.searchParams.get('from'))).toBe(7200);
  expect(Number(last.searchParams.get('until'))).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 1);
});

test('absolute from/until inputs set epoch seconds in the URL', async ({ page }) => {
  await page.goto('/explore');
  await page.getByTestId('time-range-label').click();
  await page.getByTestId('range-from').fill('2026-11-20T08:00');
  await page.getByTestId('range-until').fill('2026-11-20T10:30');
  await page.getByRole('button', { name: 'Apply range' }).click();
  await expect(page).toHaveURL(/from=\d+&until=\d+/);
  const url = new URL(page.url());
  const expected = await page.evaluate(() => [
    new Date('2026-11-20T08:00').getTime() / 1000,
    new Date('2026-11-20T10:30').getTime() / 1000,
  ]);
  expect([Number(url.searchParams.get('from')), Number(url.searchParams.get('until'))]).toEqual(expected);
});

test('the auto-refresh selector writes refresh, and an absolute range defaults to off', async ({ page }) => {
  await page.goto('/explore?from=-1h');
  await expect(page.getByTestId('refresh-select')).toHaveValue('10s');
  await page.getByTestId('refresh-select').selectOption('30s');
  await expect(page).toHaveURL(/refresh=30s/);
  await page.goto('/explore?from=1795600000&until=1795603600');
  await expect(page.getByTestId('refresh-select')).toHaveValue('off');
});

test('kiosk mode hides navigation and controls and enlarges type', async ({ page }) => {
  await page.goto('/system?kiosk=1');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Views' })).toHaveCount(0);
  await expect(page.getByTestId('copy-link')).toHaveCount(0);
  const kiosk = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
  await page.goto('/system');
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  const normal = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(kiosk).toBeGreaterThanOrEqual(normal * 1.3);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });
  test('nothing overflows sideways', async ({ page }) => {
    await page.goto('/system');
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe('dark scheme', () => {
  test.use({ colorScheme: 'dark' });
  test('follows prefers-color-scheme', async ({ page }) => {
    await page.goto('/explore');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(13, 17, 23)');
  });
});
