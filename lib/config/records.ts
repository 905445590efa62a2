import { z } from 'zod';
import { onOff, parseEnv } from './env';
import { ConfigError, type Env } from './errors';
import { parseStoreTarget, type StoreTarget, StoreTargetError } from './store-target';

/** The records section: where hubwatch's own database is, and whether deployments are mirrored to Graphite's events. */

const schema = z.object({
  // The data dir only places the default SQLite file (lib/records/store-target.ts).
  HUBWATCH_DATA_DIR: z.string().optional(),
  HUBWATCH_DATABASE_URL: z.string().optional(),
  HUBWATCH_EVENTS_MIRROR: onOff('on'),
});

export type RecordsConfig = {
  /** SQLite file or PostgreSQL URL holding deployments, incidents and deliveries. */
  target: StoreTarget;
  /** Copy new deployments to graphite-web's events API (for Grafana's annotations) when it has one. */
  eventsMirror: boolean;
};

export function loadRecordsConfig(env: Env, cwd: string): RecordsConfig {
  const value = parseEnv(schema, env);
  try {
    return {
      target: parseStoreTarget(value.HUBWATCH_DATABASE_URL, value.HUBWATCH_DATA_DIR, cwd),
      eventsMirror: value.HUBWATCH_EVENTS_MIRROR === 'on',
    };
  } catch (error) {
    if (!(error instanceof StoreTargetError)) throw error;
    throw new ConfigError(`invalid configuration: HUBWATCH_DATABASE_URL: ${error.message}`);
  }
}
