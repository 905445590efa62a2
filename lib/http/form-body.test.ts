import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formParams, MAX_FORM_BYTES } from './form-body';
import { renderPostRoute } from './render-route';

const post = (body: string, type = 'application/x-www-form-urlencoded; charset=utf-8', url = 'http://x/api/graphite/render') =>
  new Request(url, { method: 'POST', body, headers: { 'content-type': type } });

async function errorOf(response: Response): Promise<unknown> {
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

describe('form body', () => {
  test('the query string and the body, in that order, repeatable keys kept', async () => {
    const params = await formParams(post('target=b&target=c&from=-1h', undefined, 'http://x/r?target=a'));
    assert.deepEqual(params.getAll('target'), ['a', 'b', 'c']);
    assert.equal(params.get('from'), '-1h');
  });

  test('another content type is a 415, an oversized body a 413', async () => {
    assert.deepEqual(await errorOf(await renderPostRoute(post('{"target":"a"}', 'application/json'))), {
      status: 415,
      type: 'application/json',
      body: {
        error: {
          code: 'unsupported_media_type',
          message: 'content-type: expected application/x-www-form-urlencoded, got "application/json"',
        },
      },
    });
    assert.deepEqual(await errorOf(await renderPostRoute(post(`target=${'a'.repeat(MAX_FORM_BYTES)}`))), {
      status: 413,
      type: 'application/json',
      body: { error: { code: 'body_too_large', message: `body: larger than the limit of ${MAX_FORM_BYTES} bytes` } },
    });
  });

  test('POST render validates like GET (before anything is sent to Graphite)', async () => {
    const targets = Array.from({ length: 51 }, (_, i) => `target=m${i}`).join('&');
    assert.deepEqual(await errorOf(await renderPostRoute(post(`${targets}&from=x`))), {
      status: 400,
      type: 'application/json',
      body: { error: { code: 'bad_request', message: 'target: more than the limit of 50 targets; from: not a Graphite time' } },
    });
    assert.deepEqual(await errorOf(await renderPostRoute(post('target=sum(a'))), {
      status: 400,
      type: 'application/json',
      body: { error: { code: 'bad_request', message: 'target[0]: unclosed "(" at character 4' } },
    });
  });
});
