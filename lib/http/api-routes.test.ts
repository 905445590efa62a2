import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { API_ROUTES, matchApiRoute } from './api-routes';

const API_DIR = join(__dirname, '..', '..', 'app', 'api');

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === 'route.ts' ? [path] : [];
  });
}

test('the table lists exactly the route files under app/api and the methods each exports', () => {
  const found = routeFiles(API_DIR)
    .map((file) => {
      const path = `/api/${relative(API_DIR, file).replace(/\/?route\.ts$/, '')}`;
      const methods = [
        ...readFileSync(file, 'utf8').matchAll(/^export (?:const|async function|function|\{[^}]*\bas) ?(GET|POST|PUT|PATCH|DELETE)\b/gm),
      ].map((m) => m[1]);
      return { path, methods: methods.sort() };
    })
    // The catch-all that answers unknown paths is not a route of its own.
    .filter((route) => !route.path.includes('[...'))
    .sort((a, b) => a.path.localeCompare(b.path));
  const table = API_ROUTES.map((r) => ({ path: r.path, methods: [...r.methods].sort() })).sort((a, b) => a.path.localeCompare(b.path));
  assert.deepEqual(table, found);
});

test('unknown methods, unknown paths and pages are told apart', () => {
  assert.deepEqual(matchApiRoute('GET', '/api/status'), { kind: 'ok' });
  assert.deepEqual(matchApiRoute('HEAD', '/api/status'), { kind: 'ok' });
  assert.deepEqual(matchApiRoute('POST', '/api/status'), { kind: 'bad_method', allow: 'GET, HEAD, OPTIONS' });
  assert.deepEqual(matchApiRoute('TRACE', '/api/graphite/render'), { kind: 'bad_method', allow: 'GET, POST, HEAD, OPTIONS' });
  assert.deepEqual(matchApiRoute('DELETE', '/api/deployments/12'), { kind: 'ok' });
  assert.deepEqual(matchApiRoute('GET', '/api/deployments/12/impact'), { kind: 'ok' });
  assert.deepEqual(matchApiRoute('GET', '/api/nope'), { kind: 'unknown_path' });
  assert.deepEqual(matchApiRoute('GET', '/api'), { kind: 'unknown_path' });
  assert.deepEqual(matchApiRoute('GET', '/apix'), { kind: 'not_api' });
  assert.deepEqual(matchApiRoute('GET', '/errors'), { kind: 'not_api' });
});
