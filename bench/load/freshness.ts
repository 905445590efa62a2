import { createSocket } from 'node:dgram';
import { chromium, type Page } from '@playwright/test';
import { forgetHub } from '../../e2e/support/forget-hub';

/**
 * How long something that happens on a hub takes to reach an open status page: a failed start
 * is sent to StatsD as the collector would, and the page (left alone, refreshing itself) is read
 * until its failed-starts figure changes. The hub is a test hub (`st…`, the name e2e's
 * forget-hub accepts), removed from StatsD and Graphite afterwards.
 */

const WAIT_FOR_GRAPHITE_MS = 90_000;
const WAIT_FOR_PAGE_MS = 90_000;
const FIGURE = '[data-testid=spawns-failed]';

export type FreshnessFigures = {
  hub: string;
  url: string;
  /** Seconds from the StatsD datagram to the changed figure in the page, one per try. */
  seconds: number[];
  /** The first count also creates the series in carbon; timed, not in the median. */
  firstCountSeconds: number | null;
  missed: number;
};

function sendStatsd(lines: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.send(lines.join('\n'), 8125, '127.0.0.1', (error) => {
      socket.close();
      if (error) reject(error);
      else resolve();
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Until graphite-web has a point of the hub's health gauge (StatsD flushes every 10 s). */
async function waitForHub(graphite: string, hub: string): Promise<void> {
  const url = `${graphite}/render?target=stats.gauges.jupyterhub.${hub}.hub.up&from=-5min&format=json`;
  const deadline = Date.now() + WAIT_FOR_GRAPHITE_MS;
  while (Date.now() < deadline) {
    try {
      const body = await (await fetch(url, { signal: AbortSignal.timeout(10_000) })).text();
      if (/\[\s*1(\.0)?\s*,/.test(body)) return;
    } catch {
      // graphite-web busy: ask again
    }
    await sleep(2_000);
  }
  throw new Error(`graphite-web had no point of ${hub}'s hub.up after ${WAIT_FOR_GRAPHITE_MS / 1000} s`);
}

const figureText = (page: Page) => page.locator(FIGURE).first().textContent({ timeout: 30_000 });

/** Sends one failed start; resolves with the seconds until the open page shows a new figure, or null. */
async function timeOneCount(page: Page, hub: string): Promise<number | null> {
  const before = await figureText(page);
  const sentAt = Date.now();
  await sendStatsd([`jupyterhub.${hub}.spawns.failure.error:1|c`]);
  try {
    await page.waitForFunction(
      ([selector, old]) => {
        const text = document.querySelector(selector)?.textContent ?? null;
        return text !== null && text !== old;
      },
      [FIGURE, before] as const,
      { timeout: WAIT_FOR_PAGE_MS, polling: 100 },
    );
  } catch {
    return null;
  }
  return (Date.now() - sentAt) / 1000;
}

export async function measureFreshness(base: string, graphite: string, tries: number): Promise<FreshnessFigures> {
  const hub = `st${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  const url = `${base}/?hub=${hub}&from=-15min`;
  const figures: FreshnessFigures = { hub, url, seconds: [], firstCountSeconds: null, missed: 0 };
  // What a collector's health probe writes: the page shows a hub once its health gauges exist.
  const gauges = [`jupyterhub.${hub}.hub.up:1|g`, `jupyterhub.${hub}.hub.health_ms:25|g`, `jupyterhub.${hub}.servers.running:0|g`];
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
  try {
    await sendStatsd(gauges);
    await waitForHub(graphite, hub);
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.locator(FIGURE).first().waitFor({ timeout: 30_000 });
    figures.firstCountSeconds = await timeOneCount(page, hub);
    // A page that never showed the first count will not show the next ones either.
    if (figures.firstCountSeconds === null) figures.missed = tries;
    for (let i = 0; i < tries && figures.firstCountSeconds !== null; i++) {
      // A different moment of StatsD's 10 s flush and of the page's 10 s refresh each time.
      await sleep(1_000 + Math.random() * 6_000);
      const seconds = await timeOneCount(page, hub);
      if (seconds === null) figures.missed++;
      else figures.seconds.push(seconds);
    }
  } finally {
    await browser.close();
    await forgetHub(hub, { removeWhisper: true }).catch((error: unknown) => {
      console.error(`could not remove the test hub ${hub}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
  return figures;
}
