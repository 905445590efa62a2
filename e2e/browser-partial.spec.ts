import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { CHAOS_APP_URL } from './support/browser';
import { CLUSTER } from './support/stack-mode';

// Cluster only: a storage node's graphite-web stopped while a view is open. The banner every view
// carries says so within a refresh, and goes once the node is back and the front uses it again.
test.skip(!CLUSTER, 'cluster only: HUBWATCH_STACK=cluster');

const run = promisify(execFile);
const stack = (...args: string[]) => run('bash', ['stack/stack.sh', ...args], { timeout: 120_000 });

test.afterAll(async () => {
  await stack('start', 'graphite-web-b-chaos', 'graphite-front-chaos');
});

test('a node stopped mid-session: every view says "data from part of the cluster only", and recovers', async ({ page }) => {
  test.setTimeout(180_000);
  await stack('start', 'graphite-web-b-chaos', 'graphite-front-chaos');
  await page.goto(`${CHAOS_APP_URL}/system`);
  const banner = page.getByTestId('partial-banner');
  await expect(banner).toHaveCount(0);
  await stack('stop', 'graphite-web-b-chaos');
  await expect(banner).toContainText(/data from part of the cluster only \(1 of 2 storage nodes unreachable since \d\d:\d\d\)/, {
    timeout: 40_000,
  });
  // Another view, same line.
  await page.goto(`${CHAOS_APP_URL}/hubs`);
  await expect(banner).toContainText('data from part of the cluster only', { timeout: 20_000 });
  await stack('start', 'graphite-web-b-chaos');
  await expect(banner).toHaveCount(0, { timeout: 60_000 });
});
