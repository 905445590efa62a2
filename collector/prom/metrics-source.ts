import { type HubClient, HubHttpError } from '../hub-http';
import type { Logger } from '../logger';
import type { MetricEmitter } from '../metric-emitter';
import { PromDeltaTracker } from './delta-tracker';
import { type Family, parsePromText } from './text-parser';

/** Scrapes /hub/metrics each interval. A 403 (token without read:metrics) disables it loudly. */
export class MetricsSource {
  private readonly tracker = new PromDeltaTracker();
  private disabled = false;
  private lastError = '';
  scrapes = 0;

  constructor(
    private readonly client: HubClient,
    private readonly out: MetricEmitter,
    private readonly log: Logger,
    private readonly logCountsRequests: boolean,
    /** Sees every parsed scrape (the deployment detector reads the hub's start time from it). */
    private readonly onScrape?: (families: ReadonlyMap<string, Family>) => void,
  ) {}

  get isDisabled(): boolean {
    return this.disabled;
  }

  async run(): Promise<void> {
    if (this.disabled) return;
    try {
      const res = await this.client.get('hub/metrics');
      const families = parsePromText(res.body);
      this.onScrape?.(families);
      const result = this.tracker.apply(families, this.out, {
        logCountsRequests: this.logCountsRequests,
      });
      this.scrapes++;
      if (result.reset) this.log.info('hub metrics: counters went back (hub restarted); counting from the new values');
      if (this.lastError) this.log.info('hub metrics: recovered');
      this.lastError = '';
    } catch (err) {
      if (err instanceof HubHttpError && err.kind === 'forbidden') {
        this.disabled = true;
        this.log.error(
          'hub metrics: GET /hub/metrics answered 403 Forbidden: the token needs the read:metrics scope ' +
            "(add 'read:metrics' to the collector service's role in c.JupyterHub.load_roles); " +
            'the metrics source is stopped (restart the collector once the role is fixed); health and the users API continue',
        );
        return;
      }
      let message = err instanceof Error ? err.message : String(err);
      if (err instanceof HubHttpError && err.kind === 'not_found') {
        message += " (is --hub-url the hub's base URL, e.g. http://127.0.0.1:8081, and metrics enabled?)";
      }
      if (message !== this.lastError) this.log.warn(`hub metrics: ${message}`);
      this.lastError = message;
    }
  }
}
