import { ConfigError, getConfig, loadListenConfig } from './config';
import { getDeployConfig } from './deployments/deploy-config';
import { getNodesConfig } from './graphite/nodes';
import { getEmbedConfig } from './http/security-headers';
import { publishServerHooks } from './http/server-hooks';
import { StoreError } from './records/records';
import { startRecords } from './records/start-records';
import { getThresholds } from './status/load-thresholds';
import { ThresholdsError } from './status/thresholds';

/**
 * Runs once when Next's server starts (instrumentation.ts): loads every validated configuration
 * (environment, listen address, the thresholds file) and on a bad value prints why and stops the
 * process, so the server never serves with a broken config; opens and migrates the records
 * store (one that cannot be opened or migrated stops the start the same way); then hands
 * server.ts its hooks.
 */
export function startServerSide(): void {
  try {
    getConfig();
    getNodesConfig();
    getDeployConfig();
    getThresholds();
    // Next does not wait for an asynchronous register(): server.ts waits for `ready` before it listens.
    publishServerHooks(loadListenConfig(process.env), getEmbedConfig(), startRecords().catch(stopOn));
  } catch (error) {
    stopOn(error);
  }
}

function stopOn(error: unknown): never {
  if (error instanceof ConfigError || error instanceof ThresholdsError || error instanceof StoreError) {
    console.error(`hubwatch: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
