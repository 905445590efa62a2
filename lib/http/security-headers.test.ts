import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadEmbedConfig } from '@/lib/config/embed';
import { API_HEADERS, pageHeaders } from './security-headers';

test('only the status page may be framed by the configured origins; other pages only by the dashboard', () => {
  const embed = loadEmbedConfig({ HUBWATCH_EMBED_ORIGINS: 'https://lms.example.edu' });
  const status = pageHeaders('/', 'abc', embed);
  assert.match(status['content-security-policy'] ?? '', /frame-ancestors 'self' https:\/\/lms\.example\.edu$/);
  assert.equal(status['x-frame-options'], undefined);
  const errors = pageHeaders('/errors', 'abc', embed);
  assert.match(errors['content-security-policy'] ?? '', /frame-ancestors 'self'$/);
  assert.equal(errors['x-frame-options'], 'SAMEORIGIN');
  for (const headers of [status, errors, API_HEADERS]) {
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.ok(headers['referrer-policy']);
  }
});

test('scripts run only with the nonce of the response (no unsafe-inline, no eval)', () => {
  const policy = pageHeaders('/', 'n0nce', { origins: [] })['content-security-policy'] ?? '';
  assert.match(policy, /script-src 'nonce-n0nce' 'strict-dynamic'/);
  assert.doesNotMatch(policy, /script-src[^;]*unsafe/);
  assert.match(API_HEADERS['content-security-policy'] ?? '', /default-src 'none'/);
});
