import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { APP_PORT } from './support/app-ports';

// Every answer of /api/* is the documented JSON error shape, whatever the method or path, and
// every answer carries the security headers. Against `npm start` (the server hooks answer these
// before Next, which would send an empty 405, an HTML 404 or a text/plain 500).

const JSON_ERRORS: [method: string, path: string, status: number, code: string, message: string, allow?: string][] = [
  [
    'POST',
    '/api/status',
    405,
    'method_not_allowed',
    'method: POST is not allowed on /api/status; allowed: GET, HEAD, OPTIONS',
    'GET, HEAD, OPTIONS',
  ],
  [
    'PUT',
    '/api/graphite/render',
    405,
    'method_not_allowed',
    'method: PUT is not allowed on /api/graphite/render; allowed: GET, POST, HEAD, OPTIONS',
    'GET, POST, HEAD, OPTIONS',
  ],
  [
    'DELETE',
    '/api/health',
    405,
    'method_not_allowed',
    'method: DELETE is not allowed on /api/health; allowed: GET, HEAD, OPTIONS',
    'GET, HEAD, OPTIONS',
  ],
  [
    'PATCH',
    '/api/deployments',
    405,
    'method_not_allowed',
    'method: PATCH is not allowed on /api/deployments; allowed: GET, POST, HEAD, OPTIONS',
    'GET, POST, HEAD, OPTIONS',
  ],
  ['TRACE', '/api/status', 405, 'method_not_allowed', 'method: TRACE is not supported', 'GET, HEAD, POST, DELETE, OPTIONS'],
  ['TRACE', '/', 405, 'method_not_allowed', 'method: TRACE is not supported', 'GET, HEAD, POST, DELETE, OPTIONS'],
  ['GET', '/api/nope', 404, 'not_found', 'path: /api/nope is not an API route'],
  ['POST', '/api/graphite/nope/deeper', 404, 'not_found', 'path: /api/graphite/nope/deeper is not an API route'],
  ['GET', '/api', 404, 'not_found', 'path: /api is not an API route'],
];

for (const [method, path, status, code, message, allow] of JSON_ERRORS) {
  test(`${method} ${path} -> ${status} ${code}, JSON`, async ({ request }) => {
    const response = await request.fetch(path, { method });
    expect(response.status()).toBe(status);
    expect(response.headers()['content-type']).toBe('application/json');
    expect(response.headers().allow).toBe(allow);
    expect(await response.json()).toEqual({ error: { code, message } });
  });
}

/** A raw request line, for what no HTTP client sends (`OPTIONS *`). */
function rawRequest(line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(APP_PORT, '127.0.0.1', () => socket.write(`${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
    socket.on('data', (chunk) => {
      text += chunk.toString();
    });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

test('OPTIONS * answers what the server allows, without a body', async () => {
  const answer = await rawRequest('OPTIONS * HTTP/1.1');
  expect(answer).toMatch(/^HTTP\/1\.1 204 /);
  expect(answer.toLowerCase()).toContain('allow: get, head, post, delete, options');
});

test('pages carry a nonce CSP; only the status page may be framed by other origins', async ({ request }) => {
  for (const path of ['/', '/errors', '/system', '/deployments']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    const policy = headers['content-security-policy'] ?? '';
    const nonce = /script-src 'nonce-([^']+)' 'strict-dynamic'/.exec(policy)?.[1];
    expect(nonce, `${path}: ${policy}`).toBeTruthy();
    const html = await response.text();
    // Every script Next rendered carries this response's nonce, so the page runs under the policy.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    if (path === '/') {
      expect(policy).toMatch(/frame-ancestors 'self' https:\/\/lms\.example\.edu$/);
      expect(headers['x-frame-options']).toBeUndefined();
    } else {
      expect(policy).toMatch(/frame-ancestors 'self'$/);
      expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  }
});

test('API answers may not run or embed anything', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
});
