import assert from 'node:assert/strict';
import { createServer, get as httpGet, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createRenderCache, type RenderCache, renderBody } from '@/lib/graphite/cached-render';
import { createGraphiteClient } from '@/lib/graphite/client';
import { fixture, type StandInGraphite, startStandInGraphite } from '@/lib/graphite/testing/stand-in-graphite';
import { acceptsGzip, answerCachedRender } from './render-fast-path';

// A real node:http server with the fast path in front of a "next" that only says it was asked,
// and a real cache over a stand-in graphite-web that counts renders.

describe('render fast path', () => {
  let graphite: StandInGraphite;
  let cache: RenderCache;
  let server: Server;
  let base = '';
  before(async () => {
    graphite = await startStandInGraphite(() => ({ body: fixture('gw-render-json.json') }));
    cache = createRenderCache({
      client: createGraphiteClient({ baseUrl: graphite.url, timeoutMs: 2_000 }),
      enabled: true,
      relativeTtlMs: 60_000,
      absoluteTtlMs: 60_000,
      maxEntries: 10,
    });
    server = createServer((request, response) => {
      if (answerCachedRender(request, response, cache)) return;
      response.writeHead(299).end('next');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.close();
    return graphite.close();
  });

  const get = (path: string, init?: RequestInit) => fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(5_000) });

  test('a miss goes to Next; once cached, the same render (written any way) is answered with the same bytes', async () => {
    const path = '/api/graphite/render?target=stats.gauges.x&from=-1h&maxDataPoints=100';
    assert.equal((await get(path)).status, 299);
    const body = await renderBody({ targets: ['stats.gauges.x'], from: '-1h', until: 'now', maxDataPoints: 100 }, cache);

    for (const same of [path, '/api/graphite/render?from=now-1h&maxDataPoints=100&until=now&target=stats.gauges.x']) {
      // fetch asks for gzip and decodes it, as a browser does
      const response = await get(same);
      assert.equal(response.status, 200, same);
      assert.equal(response.headers.get('x-hubwatch-cache'), 'hit');
      assert.equal(response.headers.get('content-encoding'), 'gzip');
      assert.equal(response.headers.get('vary'), 'accept-encoding');
      assert.equal(response.headers.get('content-type'), 'application/json');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.deepEqual(new Uint8Array(await response.arrayBuffer()), body);
    }
    const plain = await get(path, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(plain.headers.get('content-length'), String(body.byteLength));
    assert.deepEqual(new Uint8Array(await plain.arrayBuffer()), body);
    assert.equal(graphite.requests.length, 1);
  });

  // What a raw client can send (fetch would drop the fragment): status as answered.
  const rawStatus = (path: string) =>
    new Promise<number | undefined>((resolve, reject) => {
      httpGet(`${base}${path}`, (response) => {
        response.resume();
        resolve(response.statusCode);
      }).on('error', reject);
    });

  test('the query is read as the route handler reads it: `??` and `#` do not turn into a hit', async () => {
    await renderBody({ targets: ['x'], from: '-1h', until: 'now' }, cache);
    assert.equal(await rawStatus('/api/graphite/render?target=x&from=-1h'), 200);
    // The handler sees a key named `?target` (a 400) and, after `#`, no `from` (-24h): not this entry.
    assert.equal(await rawStatus('/api/graphite/render??target=x&from=-1h'), 299);
    assert.equal(await rawStatus('/api/graphite/render?target=x#y&from=-1h'), 299);
    assert.equal(await rawStatus('/api/graphite/render?target=x&&from=-1h'), 200, 'an empty pair is ignored by both');
    assert.equal(await rawStatus('/api/graphite/render?target=%78&from=%2D1h'), 200, 'escapes decode the same');
  });

  test('anything but a plain hit is left to Next: other renders, bad input, other paths and methods', async () => {
    await renderBody({ targets: ['a'], from: '-1h', until: 'now' }, cache);
    const leftToNext = [
      '/api/graphite/render?target=a&from=-2h',
      '/api/graphite/render?target=a&from=-1h&maxDataPoints=0',
      '/api/graphite/render?target=a&from=-1h&until=-2h',
      '/api/graphite/render?target=a&target=&from=-1h',
      '/api/graphite/render/?target=a&from=-1h',
      '/api/graphite/renderx?target=a&from=-1h',
      '/api/graphite/find?query=a',
    ];
    for (const path of leftToNext) assert.equal((await get(path)).status, 299, path);
    assert.equal((await get('/api/graphite/render?target=a&from=-1h', { method: 'POST', body: '' })).status, 299);
    assert.equal((await get('/api/graphite/render?target=a&from=-1h')).status, 200);
  });
});

test('acceptsGzip reads Accept-Encoding as browsers and proxies write it', () => {
  for (const header of ['gzip', 'gzip, deflate, br', 'br;q=1.0, gzip;q=0.8', '*', 'GZIP']) assert.equal(acceptsGzip(header), true, header);
  for (const header of [undefined, '', 'identity', 'br', 'gzip;q=0', 'x-gzip2', 'deflate, *;q=0', 'gzip;q=0, *'])
    assert.equal(acceptsGzip(header), false, String(header));
});
