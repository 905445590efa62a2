import { z } from 'zod';
import { ConfigError, type Env } from './errors';

/**
 * The pieces every environment section is built from: an empty variable means "unset", numbers
 * are integers within a range, URLs are http(s) base URLs. Depends on zod only, so a CLI or a
 * bench parses its own variables with the same pieces and the same messages.
 */

// An empty variable (`GRAPHITE_URL=`) means "use the default", as in most shells' configs.
export const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

/** An http(s) base URL without credentials, query or fragment, always ending with `/`. */
export const httpBaseUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value), 'not a URL')
  .transform((value) => new URL(value))
  .refine((url) => url.protocol === 'http:' || url.protocol === 'https:', 'must be http:// or https://')
  .refine((url) => url.username === '' && url.password === '', 'must not contain credentials')
  .refine((url) => url.search === '' && url.hash === '', 'must not contain a query or fragment')
  // A trailing slash lets `new URL('render', base)` keep a path prefix such as /graphite/.
  .transform((url) => (url.pathname.endsWith('/') ? url.href : `${url.href}/`));

export const intInRange = (min: number, max: number, fallback: number) =>
  z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: 'must be a number' })
      .int('must be an integer')
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`)
      .default(fallback),
  );

export const onOff = (fallback: 'on' | 'off') =>
  z.preprocess(unsetIfEmpty, z.enum(['on', 'off'], { error: 'must be "on" or "off"' }).default(fallback));

/** A list in one variable, separated by commas or spaces; unset or empty is no entries. */
export function listOf(raw: string | undefined): string[] {
  return (raw ?? '').split(/[\s,]+/).filter((entry) => entry !== '');
}

/** Validates `env` against `schema`; every problem names its variable. */
export function parseEnv<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}
