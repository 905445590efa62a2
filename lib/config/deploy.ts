import { z } from 'zod';
import { unsetIfEmpty } from './env';
import { ConfigError, type Env } from './errors';

/**
 * HUBWATCH_DEPLOY_TOKEN: the bearer token that may record and delete deployments. Unset or empty
 * means recording over HTTP is off (POST/DELETE answer 403 deploys_disabled); a token that is set
 * but weak stops the server at start-up, naming the variable.
 */

export const DEPLOY_TOKEN_MIN_LENGTH = 16;

const tokenSchema = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .min(DEPLOY_TOKEN_MIN_LENGTH, `must be at least ${DEPLOY_TOKEN_MIN_LENGTH} characters (e.g. openssl rand -hex 32)`)
    .max(1_000, 'must be at most 1000 characters')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces (it travels in an Authorization header)')
    .optional(),
);

export type DeployConfig = { token: string | null };

export function loadDeployConfig(env: Env): DeployConfig {
  const parsed = tokenSchema.safeParse(env.HUBWATCH_DEPLOY_TOKEN);
  if (!parsed.success) {
    const problem = parsed.error.issues[0]?.message ?? 'invalid';
    throw new ConfigError(`invalid configuration: HUBWATCH_DEPLOY_TOKEN: ${problem}`);
  }
  return { token: parsed.data ?? null };
}
