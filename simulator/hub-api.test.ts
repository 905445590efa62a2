import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countPending, missingScopes, parseServerView } from './hub-api';

// GET /hub/api/users/NAME from the demo hub (JupyterHub 3.0.0) with the simulator's token
const running = JSON.stringify({
  name: 'student001',
  servers: {
    '': { name: '', ready: true, pending: null, url: '/user/student001/', state: { pid: 12086 } },
  },
});

test('a running server: ready, not pending, with the pid admin:server_state reveals', () => {
  assert.deepEqual(parseServerView(running), { ready: true, pending: null, pid: 12086 });
});

test('a pending spawn, a server without state, no server', () => {
  const pending = JSON.stringify({ servers: { '': { ready: false, pending: 'spawn', state: {} } } });
  assert.deepEqual(parseServerView(pending), { ready: false, pending: 'spawn', pid: null });
  const readOnly = JSON.stringify({ servers: { '': { ready: true, pending: null } } });
  assert.deepEqual(parseServerView(readOnly), { ready: true, pending: null, pid: null });
  assert.equal(parseServerView(JSON.stringify({ name: 'a', servers: {} })), null);
  assert.equal(parseServerView('not json'), null);
});

test('missingScopes reads the whoami model', () => {
  const whoami = JSON.stringify({ kind: 'service', scopes: ['admin:servers', 'admin:users', 'list:users'] });
  assert.deepEqual(missingScopes(whoami, ['admin:users', 'admin:servers']), []);
  assert.deepEqual(missingScopes(JSON.stringify({ scopes: ['read:metrics'] }), ['admin:users']), ['admin:users']);
  assert.deepEqual(missingScopes('{}', ['admin:users']), ['admin:users']);
});

test('countPending counts pending starts and stops across users', () => {
  const users = JSON.stringify([
    { name: 'a', servers: { '': { pending: 'spawn', ready: false } } },
    { name: 'b', servers: { '': { pending: null, ready: true } } },
    { name: 'c', servers: { '': { pending: 'stop', ready: true } } },
    { name: 'd', servers: {} },
  ]);
  assert.equal(countPending(users), 2);
  assert.equal(countPending('[]'), 0);
  assert.equal(countPending('{"status": 403}'), -1);
});
