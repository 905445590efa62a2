/** The deploy token the :3100 test server is started with (playwright.config.ts); :3101 has none. */
export const E2E_DEPLOY_TOKEN = process.env.HUBWATCH_E2E_DEPLOY_TOKEN ?? 'e2e-deploy-token-5f0c1d2e3a4b';
