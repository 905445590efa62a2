import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { requestUrl } from './node-route';
import { createPageCache } from './page-cache';

// A real node:http server: the cache in front of a "Next" that counts its renders and writes
// its answer as Next does (headers set and passed to writeHead, the body in several writes).

let renders = 0;
let status = 200;
let server: Server;
let base = '';
const cache = createPageCache({ ttlMs: 2_000, maxEntries: 10, maxBytes: 1_000_000 });

before(async () => {
  server = createServer((request, response) => {
    if (cache.serve(request, response, requestUrl(request).pathname)) return;
    renders++;
    const body = `<html>render ${renders} ${'x'.repeat(2000)}</html>`;
    response.setHeader('content-security-policy', `script-src 'nonce-n${renders}'`);
    const gzip = /gzip/.test(String(request.headers['accept-encoding']));
    const bytes = gzip ? gzipSync(body) : Buffer.from(body);
    response.writeHead(status, { 'content-type': 'text/html', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    response.write(bytes.subarray(0, 10));
    response.end(bytes.subarray(10));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

const get = (path: string, encoding = 'identity') =>
  fetch(`${base}${path}`, { headers: { 'accept-encoding': encoding }, signal: AbortSignal.timeout(5_000) });

test('the status page is rendered once and served to the next viewers with the same bytes and headers', async () => {
  renders = 0;
  const first = await get('/?hub=a');
  const firstBody = await first.text();
  const second = await get('/?hub=a');
  assert.equal(await second.text(), firstBody);
  assert.equal(second.headers.get('x-hubwatch-cache'), 'hit');
  assert.equal(
    second.headers.get('content-security-policy'),
    first.headers.get('content-security-policy'),
    'the nonce in the page and the header agree',
  );
  assert.equal(renders, 1);
  await get('/?hub=b');
  assert.equal(renders, 2, 'another URL is another page');
  const zipped = await get('/?hub=a', 'gzip');
  assert.equal(await zipped.text(), firstBody.replace('render 1', `render ${renders}`), 'gzip and identity are kept apart');
  assert.equal(renders, 3);
});

test('other paths, other methods and failed answers are never cached', async () => {
  renders = 0;
  await get('/errors');
  await get('/errors');
  assert.equal(renders, 2);
  status = 500;
  await get('/?hub=failing');
  await get('/?hub=failing');
  assert.equal(renders, 4);
  status = 200;
});

test('/api/status is kept like the page: the numbers are the same for everyone for those seconds', async () => {
  renders = 0;
  await get('/api/status?hub=a');
  await get('/api/status?hub=a');
  assert.equal(renders, 1);
});
