import { loadHubInfo, saveHubInfo } from '../follow/checkpoint';
import { HubClient } from '../hub-http';
import { fetchHubInfo } from '../hub-info';
import type { Logger } from '../logger';
import type { CollectorOptions } from '../options';
import type { Family } from '../prom/text-parser';
import { DeploymentDetector } from './detector';
import { postDeployment } from './post-deployment';
import { processStartTime } from './start-time';

export type AutoRecorder = {
  detector: DeploymentDetector;
  /** One check; the first waits for the first metrics scrape (at most one interval), for the start time. */
  check: () => Promise<void>;
  /** Give to the metrics source: the hub's start time comes from its scrapes. */
  onScrape: (families: ReadonlyMap<string, Family>) => void;
};

/** The collector's automatic deployment recording, or null when --dashboard-url is not given. */
export function createAutoRecorder(o: CollectorOptions, log: Logger): AutoRecorder | null {
  if (o.dashboardUrl === null || o.deployToken === null || o.hubUrl === null || o.hubToken === null) return null;
  const timeoutMs = Math.min(5000, o.intervalSeconds * 1000);
  const client = new HubClient({ baseUrl: o.hubUrl, token: o.hubToken, timeoutMs });
  const { dashboardUrl, deployToken, checkpoint } = o;
  let startedAt: number | null = null;
  let scraped: () => void = () => {};
  const firstScrape = new Promise<void>((resolve) => {
    scraped = resolve;
    setTimeout(resolve, o.intervalSeconds * 1000).unref();
  });
  const detector = new DeploymentDetector({
    hub: o.hubName,
    readInfo: () => fetchHubInfo(client),
    startedAt: () => startedAt,
    // Short: the next check tries again, with the time the change happened.
    post: (body) => postDeployment(body, { baseUrl: dashboardUrl, token: deployToken, timeoutMs, attempts: 2 }),
    load: () => (checkpoint === null ? null : loadHubInfo(checkpoint)),
    save: (state) => {
      if (checkpoint !== null) saveHubInfo(checkpoint, state);
    },
    log,
  });
  log.info(
    `recording deployments of hub ${o.hubName} at ${dashboardUrl.origin}${checkpoint === null ? ' (no --checkpoint: the first check after a collector restart is only a baseline)' : ''}`,
  );
  return {
    detector,
    check: async () => {
      await firstScrape;
      await detector.check();
    },
    onScrape: (families) => {
      startedAt = processStartTime(families) ?? startedAt;
      scraped();
    },
  };
}
