import { createHash, timingSafeEqual } from 'node:crypto';
import { getConfig } from '@/lib/config';
import { ApiError } from '@/lib/http/route';

/**
 * Checks the `Authorization: Bearer <token>` of a write to /api/deployments. Both tokens are
 * hashed with SHA-256 first, so timingSafeEqual always compares 32 bytes: neither the content nor
 * the length of the configured token leaks through the time a wrong guess takes.
 */

type Compare = (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => boolean;

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** `compare` is only a parameter so a test can watch the real timingSafeEqual being used. */
export function tokensMatch(given: string, expected: string, compare: Compare = timingSafeEqual): boolean {
  return compare(digest(given), digest(expected));
}

const BEARER = /^Bearer ([\x21-\x7e]+)$/;

export const ENABLE_HINT =
  "recording deployments is disabled: set HUBWATCH_DEPLOY_TOKEN (at least 16 characters) in the dashboard's environment and restart it";

/** Throws the 403 or 401 ApiError unless the request carries the configured token. */
export function requireDeployToken(request: Request, token: string | null = getConfig().deploy.token): void {
  if (token === null) throw new ApiError(403, 'deploys_disabled', ENABLE_HINT);
  const header = request.headers.get('authorization');
  if (header === null) {
    throw new ApiError(401, 'unauthorized', 'Authorization: missing (send Authorization: Bearer <HUBWATCH_DEPLOY_TOKEN>)');
  }
  const given = BEARER.exec(header)?.[1];
  if (given === undefined || !tokensMatch(given, token)) {
    throw new ApiError(401, 'unauthorized', 'Authorization: not the deploy token (expected Bearer <HUBWATCH_DEPLOY_TOKEN>)');
  }
}
