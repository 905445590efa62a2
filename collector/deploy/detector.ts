import type { HubInfoState } from '../follow/checkpoint';
import { describeChanges, type HubInfo } from '../hub-info';
import type { Logger } from '../logger';
import type { DeploymentBody } from './post-deployment';
import type { StartupLine } from './startup-line';

/**
 * Turns what the collector sees of the hub into deployments: each check compares the hub's
 * /hub/api/info and its process start time with the last seen ones.
 * - something changed: a `deploy` naming the change ("JupyterHub 3.0.0 -> 3.1.1");
 * - only the start time changed, or the log showed a start-up line: a `restart`;
 * - the first check ever (no memory yet): nothing, it only becomes the baseline.
 * The last seen state is kept only once the dashboard has stored the event, so a dashboard that is
 * down gets the deployment on a later check, with the time it happened.
 */

export type DetectorDeps = {
  hub: string;
  readInfo: () => Promise<HubInfo>;
  /** process_start_time_seconds from the latest /hub/metrics scrape, or null when unknown. */
  startedAt: () => number | null;
  post: (body: DeploymentBody) => Promise<unknown>;
  load: () => HubInfoState | null;
  save: (state: HubInfoState) => void;
  log: Logger;
  nowSeconds?: () => number;
};

const WHAT_MAX = 255;

export class DeploymentDetector {
  private state: HubInfoState | null;
  private startupLine: StartupLine | null = null;
  private lastError = '';
  recorded = 0;

  constructor(private readonly d: DetectorDeps) {
    this.state = d.load();
  }

  /** The hub log's start-up line: a restart, even when /hub/metrics cannot tell. */
  sawStartupLine(line: StartupLine): void {
    this.startupLine = line;
  }

  async check(): Promise<void> {
    let info: HubInfo;
    try {
      info = await this.d.readInfo();
    } catch (error) {
      this.warnOnce(`hub info: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const startedAt = this.d.startedAt();
    const now = Math.floor((this.d.nowSeconds ?? (() => Date.now() / 1000))());
    const previous = this.state;
    if (previous === null) {
      this.remember({ info, startedAt });
      this.startupLine = null;
      this.d.log.info(`hub info: JupyterHub ${info.version}, spawner ${info.spawner.class} ${info.spawner.version} (baseline)`);
      return;
    }
    const newStart = startedAt !== null && previous.startedAt !== null && startedAt !== previous.startedAt;
    const line = this.startupLine;
    const restartedAt = newStart ? Math.floor(startedAt) : (line?.at ?? null);
    const changes = describeChanges(previous.info, info);
    let body: Omit<DeploymentBody, 'hub'> | null = null;
    if (changes.length > 0) {
      body = { kind: 'deploy', what: changes.join('; ').slice(0, WHAT_MAX), when: restartedAt ?? now };
    } else if (restartedAt !== null) {
      body = { kind: 'restart', what: `JupyterHub ${info.version} restarted`, when: restartedAt };
    }
    // An event recorded before this scrape's start time moved (the scrape came just before the
    // restart) would come back as a second, restart event on the next check: forget the start
    // time then, and adopt the next one without recording.
    // No scrape since start (metrics off, or not yet): keep the start time we knew.
    const next: HubInfoState = { info, startedAt: body !== null && !newStart ? null : (startedAt ?? previous.startedAt) };
    if (body === null) {
      if (previous.startedAt !== next.startedAt) this.remember(next);
      return;
    }
    try {
      await this.d.post({ ...body, hub: this.d.hub, version: info.version, source: 'auto' });
    } catch (error) {
      this.warnOnce(`could not record "${body.what}" (will try again): ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.recorded++;
    this.lastError = '';
    this.startupLine = null;
    this.remember(next);
    this.d.log.info(`recorded ${body.kind}: ${body.what}`);
  }

  private remember(state: HubInfoState): void {
    this.state = state;
    try {
      this.d.save(state);
    } catch (error) {
      this.warnOnce(`cannot save the hub info: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private warnOnce(message: string): void {
    if (message !== this.lastError) this.d.log.warn(message);
    this.lastError = message;
  }
}
