/**
 * The one error a bad configuration raises, from any section (environment or hubwatch.config.json).
 * Its message names the variable or the file and field, so start-up can print it and stop.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The environment as the loaders read it: `process.env` at start-up, a plain object in tests. */
export type Env = Readonly<Record<string, string | undefined>>;
