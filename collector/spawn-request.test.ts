import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawnRequestUser } from './spawn-request';

test('requests that start or await a server, and whose server', () => {
  const cases: [method: string, uri: string, requester: string, user: string | null][] = [
    ['POST', '/hub/api/users/crash1/server', 'simulator', 'crash1'],
    ['POST', '/hub/api/users/alice/servers/gpu', 'alice', 'alice'],
    ['POST', '/hub/api/users/alice/servers/', 'alice', 'alice'], // empty name: the default server
    ['POST', '/jhub/hub/api/users/alice/server?x=1', 'admin', 'alice'],
    ['POST', '/hub/api/users/al%40ice/server', 'admin', 'al@ice'],
    ['GET', '/hub/spawn', 'bob', 'bob'],
    ['GET', '/hub/spawn?next=%2Fhub%2Fuser%2Fbob', 'bob', 'bob'],
    ['POST', '/hub/spawn/alice/gpu', 'admin', 'alice'],
    ['GET', '/hub/spawn-pending/carol', 'carol', 'carol'],
    ['GET', '/hub/spawn-pending/carol/gpu', 'carol', 'carol'],
    // not a start
    ['DELETE', '/hub/api/users/alice/server', 'alice', null],
    ['GET', '/hub/api/users/alice/server/progress', 'alice', null],
    ['POST', '/hub/api/users/alice/server/', 'alice', null],
    ['POST', '/hub/api/users/alice', 'admin', null],
    ['POST', '/hub/api/users/alice/tokens', 'alice', null],
    ['GET', '/hub/home', 'alice', null],
    ['GET', '/hub/user/alice/hub/spawn', 'alice', null],
    ['GET', '/user/alice/api/kernels', 'alice', null],
    ['GET', '/hub/spawn', '', null],
  ];
  for (const [method, uri, requester, user] of cases) {
    assert.equal(spawnRequestUser(method, uri, requester), user, `${method} ${uri}`);
  }
});
