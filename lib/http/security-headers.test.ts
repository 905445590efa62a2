import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '@/lib/config';
import { API_HEADERS, loadEmbedConfig, pageHeaders } from './security-headers';

test('embed origins: scheme://host[:port], separated by spaces or commas; anything else names the variable', () => {
  assert.deepEqual(loadEmbedConfig({}).origins, []);
  assert.deepEqual(loadEmbedConfig({ HUBWATCH_EMBED_ORIGINS: 'https://lms.example.edu, http://127.0.0.1:8888' }).origins, [
    'https://lms.example.edu',
    'http://127.0.0.1:8888',
  ]);
  for (const bad of ['lms.example.edu', 'https://lms.example.edu/course/1', 'javascript:alert(1)', "https://a.edu'"]) {
    assert.throws(
      () => loadEmbedConfig({ HUBWATCH_EMBED_ORIGINS: bad }),
      (error: unknown) => error instanceof ConfigError && error.message.startsWith('invalid configuration: HUBWATCH_EMBED_ORIGINS:'),
      bad,
    );
  }
});

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
