import { ConfigError, getConfig, loadListenConfig } from './config';
import { getDeployConfig } from './deployments/deploy-config';
import { getNodesConfig } from './graphite/nodes';
import { getEmbedConfig } from './http/security-headers';
import { publishServerHooks } from './http/server-hooks';
import { getThresholds } from './status/load-thresholds';
import { ThresholdsError } from './status/thresholds';

/**
 * Runs once when Next's server starts (instrumentation.ts): loads every validated configuration
 * (environment, listen address, the thresholds file) and on a bad value prints why and stops the
 * process, so the server never serves with a broken config; then hands server.ts its hooks.
 */
export function startServerSide(): void {
  try {
    getConfig();
    getNodesConfig();
    getDeployConfig();
    getThresholds();
    publishServerHooks(loadListenConfig(process.env), getEmbedConfig());
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ThresholdsError) {
      console.error(`hubwatch: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
