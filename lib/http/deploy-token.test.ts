import assert from 'node:assert/strict';
import { timingSafeEqual } from 'node:crypto';
import { describe, test } from 'node:test';
import { ApiError } from '@/lib/http/route';
import { requireDeployToken, tokensMatch } from './deploy-token';

const TOKEN = 'a'.repeat(32);

describe('deploy token comparison', () => {
  // The real timingSafeEqual, watched: it throws on buffers of different lengths, so comparing the
  // raw tokens would either leak the length or fail; the digests are always 32 bytes.
  for (const [name, given, expected] of [
    ['equal', TOKEN, true],
    ['different, same length', 'b'.repeat(32), false],
    ['shorter', 'a', false],
    ['longer', 'a'.repeat(500), false],
    ['empty', '', false],
  ] as const) {
    test(`${name}: timingSafeEqual over two 32-byte SHA-256 digests`, () => {
      const seen: number[][] = [];
      const watched = (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
        seen.push([a.byteLength, b.byteLength]);
        return timingSafeEqual(a, b);
      };
      assert.equal(tokensMatch(given, TOKEN, watched), expected);
      assert.deepEqual(seen, [[32, 32]]);
    });
  }
});

describe('requireDeployToken', () => {
  const request = (authorization?: string) =>
    new Request('http://x/api/deployments', authorization === undefined ? {} : { headers: { authorization } });
  const refusal = (fn: () => void): [number, string] => {
    try {
      fn();
    } catch (error) {
      assert.ok(error instanceof ApiError);
      return [error.status, error.code];
    }
    return [0, 'accepted'];
  };

  test('no configured token: 403 deploys_disabled, whatever is sent', () => {
    assert.deepEqual(
      refusal(() => requireDeployToken(request(`Bearer ${TOKEN}`), null)),
      [403, 'deploys_disabled'],
    );
  });

  for (const [name, header, expected] of [
    ['the token', `Bearer ${TOKEN}`, [0, 'accepted']],
    ['missing header', undefined, [401, 'unauthorized']],
    ['wrong token', `Bearer ${'b'.repeat(32)}`, [401, 'unauthorized']],
    ['not Bearer', `Basic ${TOKEN}`, [401, 'unauthorized']],
    ['empty Bearer', 'Bearer ', [401, 'unauthorized']],
  ] as const) {
    test(`${name} -> ${expected.join(' ')}`, () => {
      assert.deepEqual(
        refusal(() => requireDeployToken(request(header), TOKEN)),
        expected,
      );
    });
  }
});
