import { expect, test } from '@playwright/test';

// "Copy link" locks a relative range to absolute epoch seconds; the link reopens that window.

test('the copied link holds the same absolute window and reopens it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/system?from=-6h&until=now&refresh=30s');
  const clickedAt = Math.floor(Date.now() / 1000);
  await page.getByTestId('copy-link').click();
  const output = page.getByTestId('copied-link');
  await expect(output).toBeVisible();
  const link = new URL((await output.getAttribute('data-link')) ?? '');
  const from = Number(link.searchParams.get('from'));
  const until = Number(link.searchParams.get('until'));
  expect(link.pathname).toBe('/system');
  expect(until - from).toBe(6 * 3600);
  expect(Math.abs(until - clickedAt)).toBeLessThan(30);
  expect(link.searchParams.has('refresh')).toBe(false);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link.toString());

  // Reopened later, the page asks Graphite for exactly that window, not for "the last 6 hours".
  const reopened = await context.newPage();
  const renderRequest = reopened.waitForRequest((r) => r.url().includes('/api/graphite/render'));
  await reopened.goto(link.pathname + link.search);
  const asked = new URL((await renderRequest).url());
  expect(asked.searchParams.get('from')).toBe(String(from));
  expect(asked.searchParams.get('until')).toBe(String(until));
  await expect(reopened.getByTestId('time-range-label')).toHaveText(/→/);
  await expect(reopened.getByTestId('refresh-select')).toHaveValue('off');
});
