import { z } from 'zod';
import { httpBaseUrl, intInRange, onOff, parseEnv, unsetIfEmpty } from '../lib/config/env';
import { ConfigError } from '../lib/config/errors';

/**
 * A bench's own variables, parsed with the pieces of the dashboard's configuration (lib/config/env.ts):
 * the same "empty means unset", ranges and messages. A bad value stops the bench before it starts
 * anything, naming the variable (exit code 2).
 */
export { intInRange, onOff };

/** A string with a default (a path, a list). */
export const text = (fallback: string) => z.preprocess(unsetIfEmpty, z.string().default(fallback));
/** A string that may be unset. */
export const optionalText = z.preprocess(unsetIfEmpty, z.string().optional());
/** graphite-web's base URL, without the trailing slash the benches join paths to. */
export const graphiteBase = (fallback: string) =>
  z.preprocess(unsetIfEmpty, httpBaseUrl.default(fallback)).transform((url) => url.replace(/\/$/, ''));

export function benchEnv<T extends z.ZodRawShape>(shape: T): z.output<z.ZodObject<T>> {
  try {
    return parseEnv(z.object(shape), process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`bench: ${error.message}`);
    process.exit(2);
  }
}
