import { expect, test } from '@playwright/test';
import { E2E_ROOT, forgetMetrics, sendCarbon, uniqueId, waitForData } from './support/browser';

// /explore's finder and editor in Debian's chromium against the real stack: the tree, the
// function autocomplete from graphite-web's list, the browser's check, Graphite's own rejection.

const run = uniqueId('e');
const leaf = `${E2E_ROOT}.${run}.tree.leaf`;
const other = `${E2E_ROOT}.${run}.tree.other`;

test.beforeAll(async ({ request }) => {
  const now = Math.floor(Date.now() / 1000);
  await sendCarbon([`${leaf} 7 ${now - 20}`, `${leaf} 7 ${now - 10}`, `${other} 3 ${now - 10}`]);
  await waitForData(request, [leaf, other]);
});
test.afterAll(() => forgetMetrics([], [`${E2E_ROOT}.${run}`]));

const legendRow = (page: import('@playwright/test').Page, name: string) =>
  page.getByTestId('panel-explore').getByRole('row', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });

test('expand the tree to a metric with the keyboard and add it: it is drawn', async ({ page }) => {
  await page.goto('/explore?from=-10min');
  const tree = page.getByRole('tree', { name: 'Metric tree' });
  const root = tree.locator(`[role=treeitem][data-path="${E2E_ROOT}"]`);
  await root.click(); // opens the branch and takes the focus
  await expect(root).toHaveAttribute('aria-expanded', 'true');
  const runNode = tree.locator(`[data-path="${E2E_ROOT}.${run}"]`);
  await runNode.click();
  const branch = tree.locator(`[data-path="${E2E_ROOT}.${run}.tree"]`);
  await expect(branch).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowDown'); // from the run node to its first child, "tree"
  await expect(branch).toBeFocused();
  await page.keyboard.press('ArrowRight'); // open
  await expect(branch).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight'); // into its first child: "leaf" (leaves sort by path)
  const leafItem = tree.locator(`[data-path="${leaf}"]`);
  await expect(leafItem).toBeFocused();
  await expect(leafItem).toHaveAttribute('data-leaf', 'true');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(new RegExp(`target=${encodeURIComponent(leaf).replace(/\./g, '\\.')}`));
  await expect(page.getByTestId('target-input-1')).toHaveValue(leaf);
  await expect(page.getByTestId('panel-explore').locator('[data-chart-state=finished]')).toBeVisible();
  await expect(legendRow(page, leaf).getByRole('cell').nth(3)).toHaveText('7');
});

test('the glob search finds a metric under the root and Enter adds it', async ({ page }) => {
  await page.goto('/explore?from=-10min');
  const search = page.getByRole('combobox', { name: 'Search metrics' });
  await search.fill(`${run}.tree.*`); // two levels below the root: found through *.*.<pattern>
  const results = page.getByRole('listbox', { name: 'Matching metrics' });
  await expect(results.getByRole('option')).toHaveText([leaf, other]);
  await search.press('ArrowDown');
  await expect(results.getByRole('option', { name: other })).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  await expect(page.getByTestId('target-input-1')).toHaveValue(other);
  await expect(legendRow(page, other).getByRole('cell').nth(3)).toHaveText('3');
});

test('type sumS, pick sumSeries from the autocomplete, finish the target and draw it', async ({ page }) => {
  await page.goto('/explore?from=-10min');
  await page.getByRole('button', { name: 'Add target' }).click();
  const input = page.getByRole('combobox', { name: 'Target 1', exact: true });
  await input.click();
  await input.pressSequentially('sumS');
  const list = page.getByRole('listbox', { name: 'Graphite functions' });
  await expect(list.getByRole('option').first()).toContainText('sumSeries');
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('target-help-1')).toContainText('sumSeries(*seriesLists)');
  await input.press('Enter'); // accepts the highlighted function
  await expect(input).toHaveValue('sumSeries(');
  await expect(list).toHaveCount(0);
  // Signature help follows the caret into the call.
  await expect(page.getByTestId('target-help-1')).toContainText('seriesLists: seriesList, required');
  await input.pressSequentially(`${E2E_ROOT}.${run}.tree.*)`);
  await expect(page.getByTestId('target-line-1').getByTestId('target-problem')).toHaveCount(0);
  await input.press('Enter'); // draws
  const target = `sumSeries(${E2E_ROOT}.${run}.tree.*)`;
  await expect(page).toHaveURL(/target=sumSeries/);
  await expect(page.getByTestId('panel-explore').locator('[data-chart-state=finished]')).toBeVisible();
  await expect(legendRow(page, target).getByRole('cell').nth(3)).toHaveText('10');
});

test('an unbalanced bracket is flagged on its line, and nothing is sent to Graphite', async ({ page }) => {
  const renders: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/graphite/render')) renders.push(r.url());
  });
  await page.goto(`/explore?from=-10min&target=${encodeURIComponent(`sumSeries(${leaf}`)}`);
  const line = page.getByTestId('target-line-1');
  await expect(line.getByTestId('target-problem')).toHaveText('unclosed "(" at character 10');
  await expect(page.getByRole('combobox', { name: 'Target 1', exact: true })).toHaveAttribute('aria-invalid', 'true');
  // Typed, too: the check runs as the text changes, before Enter.
  await page.getByRole('button', { name: 'Add target' }).click();
  const second = page.getByRole('combobox', { name: 'Target 2', exact: true });
  await second.fill(`alias(${leaf}, 'x'`);
  await expect(page.getByTestId('target-line-2').getByTestId('target-problem')).toHaveText(['unclosed "(" at character 6']);
  await second.press('Enter');
  await expect(page.getByTestId('panel-explore')).toContainText('Nothing to draw');
  await page.waitForTimeout(1_500);
  expect(renders).toEqual([]);
});

test("a target Graphite rejects shows Graphite's reason on its own line; the other line draws", async ({ page }) => {
  const bad = `aggregate(${leaf}, 'nope')`;
  await page.goto(`/explore?from=-10min&target=${encodeURIComponent(other)}&target=${encodeURIComponent(bad)}`);
  await expect(page.getByTestId('target-line-2').getByTestId('target-rejected')).toHaveText(
    'Graphite rejected this target: Invalid parameters (unknown token in target evaluator)',
  );
  await expect(page.getByTestId('target-line-1').getByTestId('target-rejected')).toHaveCount(0);
  await expect(legendRow(page, other).getByRole('cell').nth(3)).toHaveText('3');
});
