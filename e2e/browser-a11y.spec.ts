import { expect, type Page, test } from '@playwright/test';
import { gaugePath } from '../lib/catalog';
import { A11Y_DEPLOYMENTS, HISTORY_MINUTES, STEP, writeA11yHistory } from './support/a11y-history';
import { expectNoViolations, waitForSettled } from './support/axe';
import { uniqueId, waitForData, waitForHub } from './support/browser';
import { E2E_DEPLOY_TOKEN } from './support/deploy-token';
import { forgetHub } from './support/forget-hub';

// WCAG 2.1 A/AA (axe-core) on every view, light and dark, with a throw-away hub's real data in the
// stack and every chart drawn; then the states that only sometimes render: "no data", each
// deployment badge, the time picker open. A violation fails with its rule, page and selectors.
// Reads the shared stack only (run under the shared lock).

const SCHEMES = ['light', 'dark'] as const;
const auth = { authorization: `Bearer ${E2E_DEPLOY_TOKEN}` };

const hub = uniqueId('e2e');
const t0 = Math.floor(Date.now() / 1000 / STEP) * STEP;
const range = `hub=${hub}&from=${t0 - HISTORY_MINUTES * 60 - 600}&until=${t0 + STEP}`;
/** Before the history begins: every panel of the hub is empty. */
const emptyRange = `hub=${hub}&from=${t0 - 2 * HISTORY_MINUTES * 60}&until=${t0 - HISTORY_MINUTES * 60 - 3600}`;
const ids = new Map<string, number>();

test.beforeAll(async ({ request }) => {
  test.setTimeout(180_000);
  await writeA11yHistory(hub, t0);
  await waitForData(request, [gaugePath(hub, 'hub.up'), gaugePath(hub, 'servers.running')], undefined, `-${HISTORY_MINUTES + 10}min`);
  await waitForHub(request, hub);
  for (const d of A11Y_DEPLOYMENTS) {
    const response = await request.post('/api/deployments', {
      headers: auth,
      data: { hub, what: d.what, kind: d.kind, when: t0 - d.at * 60, version: d.what.split(' ')[1] },
    });
    expect(response.status(), await response.text()).toBe(201);
    ids.set(d.what, ((await response.json()) as { id: number }).id);
  }
});

test.afterAll(async ({ request }) => {
  for (const id of ids.values()) await request.delete(`/api/deployments/${id}`, { headers: auth });
  await forgetHub(hub, { removeWhisper: true });
});

const firstId = () => [...ids.values()][0] ?? 0;

interface View {
  name: string;
  url: () => string;
  /** The data is on the page (not only the frame around it). */
  ready: (page: Page) => Promise<void>;
}

const VIEWS: View[] = [
  {
    name: '/',
    url: () => `/?${range}`,
    ready: async (page) => expect(page.getByTestId('incident').first()).toBeVisible(),
  },
  {
    name: '/?kiosk=1',
    url: () => `/?kiosk=1&${range}`,
    ready: async (page) => expect(page.getByTestId('incident').first()).toBeVisible(),
  },
  {
    name: '/errors',
    url: () => `/errors?${range}`,
    ready: async (page) => expect(page.getByTestId('panel-errors-over-time')).toHaveAttribute('data-state', 'ok'),
  },
  {
    name: '/system',
    url: () => `/system?${range}`,
    ready: async (page) => expect(page.getByTestId('panel-spawn-duration')).toHaveAttribute('data-state', 'ok'),
  },
  {
    name: '/hubs',
    url: () => '/hubs',
    ready: async (page) => expect(page.locator(`[data-testid="hub-row"][data-hub="${hub}"]`)).toBeVisible(),
  },
  {
    name: '/deployments',
    url: () => `/deployments?${range}`,
    ready: async (page) => {
      await expect(page.getByTestId('deployment-row')).toHaveCount(A11Y_DEPLOYMENTS.length);
      // Each badge asks for its impact after the list is drawn: judge the colours it ends with.
      await expect(page.locator('.verdict-badge[data-verdict="pending"]')).toHaveCount(0);
    },
  },
  {
    name: '/deployments/<id>',
    url: () => `/deployments/${ids.get('Image 2026.11 (worse)') ?? firstId()}`,
    ready: async (page) => expect(page.getByTestId('overlay-wait').locator('[data-chart-state="finished"]')).toBeVisible(),
  },
  {
    name: '/explore',
    url: () =>
      `/explore?${range}&target=${encodeURIComponent(gaugePath(hub, 'servers.running'))}&target=${encodeURIComponent(gaugePath(hub, 'hub.health_ms'))}`,
    ready: async (page) => expect(page.getByTestId('panel-explore')).toHaveAttribute('data-state', 'ok'),
  },
];

async function check(page: Page, view: View, scheme: (typeof SCHEMES)[number], state = '') {
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(view.url());
  await view.ready(page);
  await waitForSettled(page);
  await expectNoViolations(page, `${view.name}${state} (${scheme})`);
}

for (const scheme of SCHEMES) {
  test.describe(`${scheme} scheme`, () => {
    for (const view of VIEWS) {
      test(`${view.name} with data and charts drawn`, async ({ page }) => check(page, view, scheme));
    }

    test('every deployment badge: the list and each impact page', async ({ page }) => {
      await check(page, VIEWS[5] as View, scheme);
      // One of each verdict a deployment gets, and the restart's lighter row.
      for (const verdict of ['worse', 'better', 'no_change', 'not_enough_data']) {
        await expect(page.locator(`.verdict-badge[data-verdict="${verdict}"]`).first()).toBeVisible();
      }
      for (const [what, id] of ids) {
        const view: View = {
          name: `/deployments/${id}`,
          url: () => `/deployments/${id}`,
          ready: async (p) => expect(p.getByTestId('impact-verdict')).toBeVisible(),
        };
        await check(page, view, scheme, ` ${what}`);
      }
    });

    test('"no data": a range before the hub reported', async ({ page }) => {
      const empty = (name: string, path: string): View => ({
        name,
        url: () => `${path}${path.includes('?') ? '&' : '?'}${emptyRange}`,
        ready: async (p) => expect(p.locator('main')).toBeVisible(),
      });
      await check(page, empty('/', '/'), scheme, ' no data');
      await expect(page.getByTestId('uptime-overall')).toHaveText('No health data yet');
      await check(page, empty('/errors', '/errors'), scheme, ' no data');
      await check(page, empty('/system', '/system'), scheme, ' no data');
      await expect(page.locator('[data-testid^="panel-"][data-state="empty"]').first()).toBeVisible();
      await check(page, empty('/deployments', '/deployments'), scheme, ' no data');
      await expect(page.getByTestId('no-deployments')).toBeVisible();
      await check(page, empty('/explore', '/explore'), scheme, ' no target');
    });

    test('a phone: one column, legends that scroll sideways', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 800 });
      for (const view of VIEWS) await check(page, view, scheme, ' phone');
    });

    test('explore: a hidden line on the right axis, the function suggestions open, the Request tab', async ({ page }) => {
      const lines = [gaugePath(hub, 'servers.running'), `sumSeries(${gaugePath(hub, 'users.total')})`];
      const view: View = {
        name: '/explore',
        url: () => `/explore?${range}&${lines.map((t) => `target=${encodeURIComponent(t)}`).join('&')}&alias=&alias=users&hide=2&right=2`,
        ready: async (p) => expect(p.getByTestId('target-line-2')).toHaveAttribute('data-hidden', 'true'),
      };
      await check(page, view, scheme, ' hidden line');
      await page.getByTestId('target-input-1').fill('sumSer');
      await expect(page.getByRole('listbox', { name: 'Graphite functions' })).toBeVisible();
      await expectNoViolations(page, `/explore suggestions open (${scheme})`);
      await page.keyboard.press('Escape');
      await page.getByRole('tab', { name: 'Request' }).click();
      await expect(page.getByRole('tab', { name: 'Request' })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId('render-request').first()).toBeVisible();
      await expectNoViolations(page, `/explore Request tab (${scheme})`);
    });

    test('the time picker open', async ({ page }) => {
      await check(page, VIEWS[2] as View, scheme);
      await page.getByTestId('time-range-label').click();
      await expect(page.getByTestId('range-from')).toBeVisible();
      await expectNoViolations(page, `/errors time picker open (${scheme})`);
    });
  });
}
