import { z } from 'zod';
import { listOf } from './env';
import { ConfigError, type Env } from './errors';

/**
 * HUBWATCH_EMBED_ORIGINS: the other sites (a course page, an LMS) that may frame the status page,
 * separated by spaces or commas; empty means none. lib/http/security-headers.ts turns them into
 * the page's frame-ancestors.
 */

export type EmbedConfig = { origins: readonly string[] };

// Host names and ports only: the value goes into a header, where a quote or a semicolon would
// change the policy.
const origin = z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\/?$/, 'must be http(s)://host[:port] only, without a path');

export function loadEmbedConfig(env: Env): EmbedConfig {
  const origins: string[] = [];
  for (const value of listOf(env.HUBWATCH_EMBED_ORIGINS)) {
    const parsed = origin.safeParse(value);
    if (!parsed.success) {
      throw new ConfigError(
        `invalid configuration: HUBWATCH_EMBED_ORIGINS: "${value.slice(0, 80)}" ${parsed.error.issues[0]?.message ?? 'is not an origin'}`,
      );
    }
    origins.push(value.replace(/\/$/, '').toLowerCase());
  }
  return { origins };
}
