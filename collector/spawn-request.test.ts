import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSpawnHandler, isSpawnRequest } from './spawn-request';

test('server starts, by method and URI as the hub logs them', () => {
  const starts: [string, string][] = [
    ['POST', '/hub/api/users/crash1/server'],
    ['POST', '/hub/api/users/alice/servers/gpu'],
    ['POST', '/jhub/hub/api/users/alice/server'],
    ['GET', '/hub/spawn'],
    ['GET', '/hub/spawn/alice'],
    ['POST', '/hub/spawn/alice/gpu?next=%2Fhub%2Fuser%2Falice'],
  ];
  for (const [method, uri] of starts) assert.equal(isSpawnRequest(method, uri), true, `${method} ${uri}`);
  const others: [string, string][] = [
    ['DELETE', '/hub/api/users/alice/server'],
    ['GET', '/hub/api/users/alice/server/progress'],
    ['POST', '/hub/api/users/alice'],
    ['POST', '/hub/api/users/alice/tokens'],
    ['GET', '/hub/spawn-pending/alice'],
    ['GET', '/hub/home'],
    ['POST', '/hub/login'],
  ];
  for (const [method, uri] of others) assert.equal(isSpawnRequest(method, uri), false, `${method} ${uri}`);
});

test("server starts, by the metrics' handler label", () => {
  assert.equal(isSpawnHandler('POST', 'jupyterhub.apihandlers.users.UserServerAPIHandler'), true);
  assert.equal(isSpawnHandler('DELETE', 'jupyterhub.apihandlers.users.UserServerAPIHandler'), false);
  assert.equal(isSpawnHandler('GET', 'jupyterhub.handlers.pages.SpawnHandler'), true);
  assert.equal(isSpawnHandler('GET', 'jupyterhub.handlers.pages.SpawnPendingHandler'), false);
  assert.equal(isSpawnHandler('POST', 'jupyterhub.apihandlers.users.UserAPIHandler'), false);
});
