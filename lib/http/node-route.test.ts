import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { type RouteHandler, runRouteHandler } from './node-route';

let handler: RouteHandler = async () => new Response('unset');
let server: Server;
let base = '';
before(async () => {
  server = createServer((request, response) => void runRouteHandler(handler, request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

test("the handler sees the request's URL and its response goes out as it is: status, headers, bytes", async () => {
  let seen = '';
  handler = async (request) => {
    seen = request.url;
    return new Response('{"error":{"code":"bad_request","message":"x"}}', {
      status: 400,
      headers: { 'content-type': 'application/json', 'x-a': 'b' },
    });
  };
  const response = await fetch(`${base}/api/graphite/render?target=a&target=b`);
  assert.equal(response.headers.get('x-hubwatch-cache'), null, 'no extra headers unless given');
  assert.equal(new URL(seen).search, '?target=a&target=b');
  assert.equal(response.status, 400);
  assert.equal(response.headers.get('x-a'), 'b');
  assert.equal(response.headers.get('content-type'), 'application/json');
  assert.deepEqual(await response.json(), { error: { code: 'bad_request', message: 'x' } });
});

test("extra headers are added to the handler's", async () => {
  handler = async () => Response.json([], { headers: { 'cache-control': 'no-store' } });
  const server2 = createServer((request, response) => void runRouteHandler(handler, request, response, { 'x-hubwatch-cache': 'miss' }));
  await new Promise<void>((resolve) => server2.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server2.address() as AddressInfo).port}/`);
    assert.equal(response.headers.get('x-hubwatch-cache'), 'miss');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await response.json(), []);
  } finally {
    server2.close();
  }
});

test('a handler that throws (a bug) still gets the usual 500 error body', async (t) => {
  t.mock.method(console, 'error', () => undefined);
  handler = async () => {
    throw new Error('bug');
  };
  const response = await fetch(`${base}/x`);
  assert.equal(response.status, 500);
  assert.deepEqual(await response.json(), { error: { code: 'internal_error', message: 'internal error' } });
});
