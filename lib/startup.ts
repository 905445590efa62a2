import { ConfigError, getConfig } from './config';

/** Loads every validated configuration once; on a bad value prints why and stops the process. */
export function validateStartupConfig(): void {
  try {
    getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`hubwatch: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
