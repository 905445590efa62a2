import { defineConfig } from '@playwright/test';
import { APP_PORT, APP_URL, CHAOS_APP_PORT } from './e2e/support/app-ports';
import { E2E_DEPLOY_TOKEN } from './e2e/support/deploy-token';
import { ignoredSpecs } from './e2e/support/spec-groups';

/**
 * Playwright runs against production servers (`npm start`; the test script builds first) and the
 * real stack. Two servers: :3100 on the shared graphite-web, :3101 on graphite-web-chaos, which
 * tests may stop or SIGSTOP without disturbing anyone. Debian's chromium only: never downloads.
 * Only :3100 has a deploy token, so :3101 shows POST /api/deployments disabled (403).
 */

// HUBWATCH_STACK=cluster: the same specs against the Graphite cluster (stack.sh start --cluster).
// The servers then know the storage nodes: :3100 the front's (8091, 8092), :3101 the chaos front's
// (8091 and graphite-web-b-chaos on 8093, which tests stop and freeze). The fronts skip a failed
// node for 10 s (stack/cluster/front_settings.py.tmpl), so "partial" lasts that long after it is back.
const cluster = process.env.HUBWATCH_STACK === 'cluster';
const nodesEnv = (nodes: string): Record<string, string> =>
  cluster ? { HUBWATCH_GRAPHITE_NODES: nodes, HUBWATCH_GRAPHITE_RETRY_DELAY_S: '10' } : {};

// HUBWATCH_TEST_DB=postgres: the records in the stack's PostgreSQL (stack.sh start postgres) instead
// of the default SQLite file under HUBWATCH_DATA_DIR. Both dashboards then share that database, and
// so do the dashboards specs start themselves (they inherit the variable), as several instances would.
if (process.env.HUBWATCH_TEST_DB === 'postgres') {
  process.env.HUBWATCH_DATABASE_URL ??= 'postgres://hubwatch:hubwatch@127.0.0.1:5433/hubwatch';
}

const server = (port: number, graphiteUrl: string, nodes: string, env: Record<string, string> = {}) => ({
  command: 'npm start',
  url: `http://127.0.0.1:${port}/api/health`,
  env: {
    GRAPHITE_URL: graphiteUrl,
    PORT: String(port),
    HUBWATCH_HOST: '127.0.0.1',
    NEXT_TELEMETRY_DISABLED: '1',
    HUBWATCH_EMBED_ORIGINS: 'https://lms.example.edu',
    ...nodesEnv(nodes),
    ...env,
  },
  reuseExistingServer: !process.env.CI,
  timeout: 120_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
});

export default defineConfig({
  testDir: 'e2e',
  // The specs that stop or freeze a shared component, restart the hub or load the stack run
  // alone (HUBWATCH_E2E_MODE=exclusive, one worker); the rest side by side
  // (HUBWATCH_E2E_MODE=parallel, HUBWATCH_E2E_WORKERS). e2e/support/spec-groups.ts says which.
  workers: Number(process.env.HUBWATCH_E2E_WORKERS ?? 1),
  fullyParallel: false,
  testIgnore: ignoredSpecs(process.env.HUBWATCH_E2E_GROUP, process.env.HUBWATCH_E2E_MODE),
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: APP_URL,
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'api', testMatch: /api-.*\.spec\.ts/ },
    { name: 'pipeline', testMatch: /pipeline-.*\.spec\.ts/ },
    {
      name: 'browser',
      testMatch: /browser-.*\.spec\.ts/,
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 900 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: [
    server(APP_PORT, 'http://127.0.0.1:8080', 'http://127.0.0.1:8091 http://127.0.0.1:8092', { HUBWATCH_DEPLOY_TOKEN: E2E_DEPLOY_TOKEN }),
    server(CHAOS_APP_PORT, 'http://127.0.0.1:8090', 'http://127.0.0.1:8091 http://127.0.0.1:8093'),
  ],
});
