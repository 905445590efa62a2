import { randomBytes } from 'node:crypto';
import type { EmbedConfig } from '@/lib/config/embed';

/**
 * Security headers for every answer of `npm start`. Pages get a Content-Security-Policy with a
 * fresh nonce per response: Next reads the nonce from the request's CSP header and puts it on
 * every script it renders, and 'strict-dynamic' lets those scripts load the chunks they need
 * (ECharts included: it needs no eval). Only the status page may be framed by other sites (a
 * course page, an LMS), and only by the origins in HUBWATCH_EMBED_ORIGINS; every other page only
 * by the dashboard itself (lib/config/embed.ts). API answers are data: they may not run or embed anything.
 */

const COMMON = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/** Only `/` (the status page, also in `?kiosk=1`) may be embedded elsewhere. */
export function isEmbeddable(pathname: string): boolean {
  return pathname === '/';
}

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function pagePolicy(nonce: string, frameAncestors: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    // React and ECharts set style attributes; no stylesheet comes from anywhere else.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${["'self'", ...frameAncestors].join(' ')}`,
  ].join('; ');
}

/** Headers for a page answer; `nonce` is also what Next must see on the request. */
export function pageHeaders(pathname: string, nonce: string, embed: EmbedConfig): Record<string, string> {
  const embeddable = isEmbeddable(pathname);
  return {
    ...COMMON,
    'content-security-policy': pagePolicy(nonce, embeddable ? embed.origins : []),
    ...(embeddable ? {} : { 'x-frame-options': 'SAMEORIGIN' }),
  };
}

export const API_HEADERS: Record<string, string> = {
  ...COMMON,
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};
