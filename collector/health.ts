import { type HubClient, HubHttpError } from './hub-http';
import type { Logger } from './logger';
import type { MetricEmitter } from './metric-emitter';

/** Probes /hub/health: `hub.up` 1/0 and `hub.health_ms` (gauges). Logs state changes only. */
export class HealthProbe {
  private lastUp: boolean | null = null;

  constructor(
    private readonly client: HubClient,
    private readonly out: MetricEmitter,
    private readonly log: Logger,
  ) {}

  async run(): Promise<void> {
    try {
      const res = await this.client.get('hub/health');
      this.out.gauge('hub.up', 1);
      this.out.gauge('hub.health_ms', Math.round(res.elapsedMs * 10) / 10);
      if (this.lastUp !== true) this.log.info('hub health: up');
      this.lastUp = true;
    } catch (err) {
      this.out.gauge('hub.up', 0);
      if (this.lastUp !== false) {
        const reason = err instanceof HubHttpError ? err.message : String(err);
        this.log.warn(`hub health: down (${reason})`);
      }
      this.lastUp = false;
    }
  }
}
