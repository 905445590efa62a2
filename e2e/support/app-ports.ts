/**
 * The two dashboards Playwright starts (playwright.config.ts): the app on HUBWATCH_E2E_PORT
 * (default 3100) and the chaos app on the port after it. A second checkout can run its specs
 * beside the first on the same stack by choosing another base port.
 */
export const APP_PORT = Number(process.env.HUBWATCH_E2E_PORT ?? 3100);
export const CHAOS_APP_PORT = APP_PORT + 1;
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
export const CHAOS_APP_URL = `http://127.0.0.1:${CHAOS_APP_PORT}`;
