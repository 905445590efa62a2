import { ConfigError, getConfig } from './config';
import { publishServerHooks } from './http/server-hooks';

/**
 * Runs once when Next's server starts (instrumentation.ts): validates the whole configuration
 * (environment and hubwatch.config.json, lib/config/) and on a bad value prints every problem and
 * stops the process, so the server never serves with a broken config; then hands server.ts its hooks.
 */
export function startServerSide(): void {
  let config: ReturnType<typeof getConfig>;
  try {
    config = getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`hubwatch: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  publishServerHooks(config.listen, config.embed);
}
