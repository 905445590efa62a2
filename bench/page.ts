/**
 * npm run bench:page — page weight and speed of `/` from the production build (bench/run.sh builds
 * when sources are newer and starts the stack). Prints figures; never fails on them.
 *
 * 1. First-load JS of `/`, gzip: the chunks the build manifests say `/` needs before it is
 *    interactive (rootMainFiles + the client entry chunks of app/layout and app/page), and, as a
 *    cross-check, the <script src> of the HTML `npm start` serves. Goal <= 250 KB. The same for
 *    /explore, counted above the shared chunks (its page entry only). Goal <= 250 KB.
 * 2. With Debian's chromium against `npm start` (server.ts): time from navigation to the verdict visible
 *    (`[data-testid=verdict]` in the DOM and painted) and to all charts drawn (every panel past
 *    loading and every `[data-chart-state]` "finished"), median of several cold loads; the same
 *    for /system, the chart-heavy view.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { benchEnv, intInRange } from './bench-env';

const ROOT = join(__dirname, '..');
const NEXT_DIR = join(ROOT, '.next');
const { BENCH_PAGE_PORT: PORT, BENCH_PAGE_RUNS: RUNS } = benchEnv({
  BENCH_PAGE_PORT: intInRange(1, 65_535, 3120),
  BENCH_PAGE_RUNS: intInRange(1, 100, 5),
});
const BASE = `http://127.0.0.1:${PORT}`;
const BUDGET_KB = 250;
/** A string only the ECharts chunk contains: tells whether chart code sneaked into first load. */
const ECHARTS_MARKER = '_echarts_instance_';
const START_TIMEOUT_MS = 60_000;
const PAGE_TIMEOUT_MS = 60_000;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function gzipSize(staticPath: string): { gzip: number; hasECharts: boolean } {
  const body = readFileSync(join(NEXT_DIR, staticPath));
  return { gzip: gzipSync(body).length, hasECharts: body.includes(ECHARTS_MARKER) };
}

function manifestChunks(): string[] {
  const build = JSON.parse(readFileSync(join(NEXT_DIR, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(join(NEXT_DIR, 'server/app/page_client-reference-manifest.js'), 'utf8'), sandbox);
  const entries = sandbox.__RSC_MANIFEST?.['/page']?.entryJSFiles ?? {};
  const chunks = new Set(build.rootMainFiles);
  for (const key of ['[project]/app/layout', '[project]/app/page']) for (const f of entries[key] ?? []) chunks.add(f);
  return [...chunks];
}

/**
 * The chunks /explore adds to first load above the shared ones (rootMainFiles + app/layout): its
 * page entry. The target editor, tree and chart load after first paint and are not in it.
 */
function exploreChunks(): { shared: string[]; own: string[] } {
  const build = JSON.parse(readFileSync(join(NEXT_DIR, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(join(NEXT_DIR, 'server/app/explore/page_client-reference-manifest.js'), 'utf8'), sandbox);
  const entries = sandbox.__RSC_MANIFEST?.['/explore/page']?.entryJSFiles ?? {};
  const shared = new Set([...build.rootMainFiles, ...(entries['[project]/app/layout'] ?? [])]);
  const own = (entries['[project]/app/explore/page'] ?? []).filter((f) => !shared.has(f));
  return { shared: [...shared], own };
}

function report(label: string, files: readonly string[]): number {
  let total = 0;
  let echarts = false;
  for (const f of files) {
    const { gzip, hasECharts } = gzipSize(f);
    total += gzip;
    echarts ||= hasECharts;
  }
  console.log(
    `${label}: ${kb(total)} gzip in ${files.length} chunks (goal <= ${BUDGET_KB} KB)${echarts ? ' — includes ECharts!' : ', no ECharts'}`,
  );
  return total;
}

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server.ts')], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(PORT), HUBWATCH_HOST: '127.0.0.1' },
    stdio: 'ignore',
    detached: true,
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${BASE}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.status < 500 || res.status === 503) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stopServer(child);
  throw new Error(`npm start on ${BASE} did not answer /api/health within ${START_TIMEOUT_MS / 1000} s`);
}

function stopServer(child: ChildProcess): void {
  if (child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGTERM'); // the process group we started, nothing else
    } catch {
      // already gone
    }
  }
}

async function htmlChunks(): Promise<string[]> {
  const html = await (await fetch(`${BASE}/`, { signal: AbortSignal.timeout(30_000) })).text();
  // noModule scripts (polyfills) are skipped by every browser that runs the app's modules.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((tag) => !/nomodule/i.test(tag));
  const srcs = tags.map((tag) => /src="\/_next\/(static\/[^"]+\.js)"/.exec(tag)?.[1] ?? '');
  return [...new Set(srcs.filter((s) => s.length > 0))];
}

/** Installed before any page script: records when the verdict shows and when charts settle. */
const PROBE = `(() => {
  const marks = (window.__bench = { fcp: null, verdictInDom: null, chartsDone: null, charts: 0 });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') marks.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  const check = () => {
    const now = performance.now();
    if (marks.verdictInDom === null && document.querySelector('[data-testid=verdict]')) marks.verdictInDom = now;
    const panels = document.querySelectorAll('[data-testid^="panel-"]');
    const charts = document.querySelectorAll('[data-chart-state]');
    const settled = [...panels].every((p) => p.getAttribute('data-state') !== 'loading');
    const drawn = [...charts].every((c) => c.getAttribute('data-chart-state') === 'finished');
    if (panels.length > 0 && settled && drawn) {
      if (marks.chartsDone === null) marks.chartsDone = now;
      marks.charts = charts.length;
    } else marks.chartsDone = null;
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true,
    attributeFilter: ['data-chart-state', 'data-state'] });
})();`;

interface Marks {
  fcp: number | null;
  verdictInDom: number | null;
  chartsDone: number | null;
  charts: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : (s[Math.floor((s.length - 1) / 2)] ?? null);
};

async function measure(path: string): Promise<Marks[]> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const results: Marks[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } }); // cold cache each run
      const page = await context.newPage();
      await page.addInitScript(PROBE);
      await page.goto(`${BASE}${path}`, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
      // Charts settle after data arrives; give them time, then read whatever was recorded.
      await page
        .waitForFunction(() => (window as unknown as { __bench: Marks }).__bench.chartsDone !== null, null, { timeout: 30_000 })
        .catch(() => undefined);
      await page.waitForTimeout(300); // a later panel may reopen "loading": let the probe see it
      results.push(await page.evaluate(() => (window as unknown as { __bench: Marks }).__bench));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

function printTimes(path: string, runs: Marks[], withVerdict: boolean): void {
  const ms = (v: number | null) => (v === null ? 'n/a' : `${Math.round(v)} ms`);
  if (withVerdict) {
    const verdict = runs.filter((r) => r.verdictInDom !== null).map((r) => Math.max(r.verdictInDom ?? 0, r.fcp ?? 0));
    console.log(`${path} navigation -> verdict visible: median ${ms(median(verdict))} (${verdict.length}/${runs.length} runs showed it)`);
  }
  const charts = runs.filter((r) => r.chartsDone !== null).map((r) => r.chartsDone ?? 0);
  const count = runs[0]?.charts ?? 0;
  if (count === 0 && charts.length === 0) {
    console.log(`${path}: no charts on this page`);
    return;
  }
  console.log(
    `${path} navigation -> all charts drawn: median ${ms(median(charts))} (${count} charts; ${charts.length}/${runs.length} runs settled)`,
  );
}

/** Whether any hub's health probe reported in the last 15 minutes, i.e. the views have data to draw. */
async function hubReporting(): Promise<boolean> {
  const url = `${BASE}/api/graphite/render?target=${encodeURIComponent('stats.gauges.jupyterhub.*.hub.up')}&from=-15min`;
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) return false;
  const series: unknown = await response.json();
  return JSON.stringify(series).match(/\[\s*\d/) !== null;
}

async function main(): Promise<void> {
  console.log(`bench:page — production build in .next, ${RUNS} cold loads per page, chromium ${BASE}`);
  report('first-load JS of / (build manifests)', manifestChunks());
  const explore = exploreChunks();
  report('first-load JS of /explore above the shared chunks (build manifests)', explore.own);
  report('  (the shared chunks: rootMainFiles + app/layout)', explore.shared);
  const server = await startServer();
  try {
    report('first-load JS of / (<script> in served HTML)', await htmlChunks());
    if (!(await hubReporting())) {
      console.log('NOTE: no hub reported in the last 15 minutes, so the times below are for empty views.');
      console.log('      For the figures on the demo data, run `npm run demo` in another terminal first.');
    }
    printTimes('/', await measure('/'), true);
    printTimes('/system', await measure('/system?from=-1h'), false);
  } finally {
    stopServer(server);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
