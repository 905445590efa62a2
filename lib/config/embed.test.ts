import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadEmbedConfig } from './embed';
import { ConfigError } from './errors';

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
