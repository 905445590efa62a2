import assert from 'node:assert/strict';
import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { CookieJar, failureReason, findXsrfInput, navigate, request } from './http';

test('the jar keeps the last value per name and drops cleared cookies', () => {
  const jar = new CookieJar();
  jar.store([
    'jupyterhub-hub-login="2|1:0|10:1795605053|20:jupyterhub-hub-login|44:abc=|def"; HttpOnly; Path=/hub/',
    'jupyterhub-session-id=0123abcd; HttpOnly; Path=/',
    '_xsrf=2|aa|bb|1795605053; Path=/hub/',
  ]);
  assert.equal(jar.get('jupyterhub-session-id'), '0123abcd');
  assert.equal(jar.get('_xsrf'), '2|aa|bb|1795605053');
  jar.store(['jupyterhub-session-id=; expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/', '_xsrf=new; Max-Age=60']);
  assert.equal(jar.get('jupyterhub-session-id'), undefined);
  assert.equal(jar.header(), 'jupyterhub-hub-login="2|1:0|10:1795605053|20:jupyterhub-hub-login|44:abc=|def"; _xsrf=new');
  jar.store(['_xsrf=gone; Max-Age=0']);
  assert.equal(jar.get('_xsrf'), undefined);
});

test('malformed Set-Cookie headers are ignored', () => {
  const jar = new CookieJar();
  jar.store(['', 'novalue', '=x']);
  assert.equal(jar.header(), '');
});

test('the _xsrf hidden input of a JupyterHub 4+ login form', () => {
  const form = '<form method="post"><input type="hidden" name="_xsrf" value="2|7e|c4|1795605053"/><input name="username"></form>';
  assert.equal(findXsrfInput(form), '2|7e|c4|1795605053');
  assert.equal(findXsrfInput('<form><input name="username"></form>'), undefined); // JupyterHub 3.0
});

test('a refused connection names the address, not just "fetch failed"', async () => {
  // a port that was free a moment ago: listen, note it, close
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await assert.rejects(
    request(`http://127.0.0.1:${port}/hub/api/user`, { timeoutMs: 5000 }),
    new RegExp(`^HttpError: GET http://127\\.0\\.0\\.1:${port}/hub/api/user failed \\(connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\)$`),
  );
  assert.equal(failureReason(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), 'timed out');
  assert.equal(failureReason('x'), 'x');
});

test("a student's page request says what a browser says (navigate), and reads every Set-Cookie of a redirect", async () => {
  // a plain node:http server that records the request: what JupyterHub 6.1.1 reads to decide on its xsrf cookie
  let seen: { method?: string; headers: IncomingHttpHeaders; body: string } = { headers: {}, body: '' };
  const server = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      seen = { method: req.method, headers: req.headers, body };
      if (req.url === '/stall') return; // never answers
      res.writeHead(302, { Location: '/hub/spawn', 'Set-Cookie': ['a=1; Path=/hub/', 'b=2; Path=/'] });
      res.end('moved');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  try {
    const answer = await navigate(`${base}/hub/login`, { method: 'POST', body: 'username=x&password=y', timeoutMs: 5000 });
    assert.equal(answer.status, 302);
    assert.equal(answer.headers.get('location'), '/hub/spawn');
    assert.deepEqual(answer.headers.getSetCookie(), ['a=1; Path=/hub/', 'b=2; Path=/']);
    assert.equal(await answer.text(), 'moved');
    assert.equal(seen.method, 'POST');
    assert.equal(seen.body, 'username=x&password=y');
    assert.equal(seen.headers['sec-fetch-mode'], 'navigate');
    assert.equal(seen.headers['sec-fetch-site'], 'same-origin');
    await assert.rejects(
      navigate(`${base}/stall`, { timeoutMs: 200 }),
      /^HttpError: GET http:\/\/127\.0\.0\.1:\d+\/stall failed \(timed out\)$/,
    );
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
