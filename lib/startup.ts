import { ConfigError, getConfig } from './config';
import { publishServerHooks } from './http/server-hooks';
import { StoreError } from './records/records';
import { startRecords } from './start-records';

/**
 * Runs once when Next's server starts (instrumentation.ts): validates the whole configuration
 * (environment and hubwatch.config.json, lib/config/) and on a bad value prints every problem and
 * stops the process, so the server never serves with a broken config; opens and migrates the
 * records store (one that cannot be opened or migrated stops the start the same way); then hands
 * server.ts its hooks.
 */
export function startServerSide(): void {
  let config: ReturnType<typeof getConfig>;
  try {
    config = getConfig();
  } catch (error) {
    stopOn(error);
  }
  // Next does not wait for an asynchronous register(): server.ts waits for `ready` before it listens.
  publishServerHooks(config.listen, config.embed, startRecords().catch(stopOn));
}

function stopOn(error: unknown): never {
  if (error instanceof ConfigError || error instanceof StoreError) {
    console.error(`hubwatch: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
