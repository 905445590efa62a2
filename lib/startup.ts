import { ConfigError, getConfig } from './config';
import { getDeployConfig } from './deployments/deploy-config';
import { getThresholds } from './status/load-thresholds';
import { ThresholdsError } from './status/thresholds';

/**
 * Loads every validated configuration once (environment, then the thresholds file); on a bad
 * value prints why and stops the process, so the server never serves with a broken config.
 */
export function validateStartupConfig(): void {
  try {
    getConfig();
    getDeployConfig();
    getThresholds();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ThresholdsError) {
      console.error(`hubwatch: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
