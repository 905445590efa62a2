import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyProgressEnd, classifySpawnAnswer, toProgressEvent } from './outcome';

// Answers captured from the demo hub (JupyterHub 3.0.0) during a simulator --once run.
const cases: [string, number, string, string | null, string][] = [
  ['REST spawn ready within slow_spawn_timeout', 201, '', null, 'success'],
  ['REST spawn still pending', 202, '', null, 'pending'],
  ['browser spawn redirected to the pending page', 302, '', 'http://127.0.0.1:8000/hub/spawn-pending/student001-x', 'pending'],
  ['browser spawn of a server already running (nothing started)', 302, '', '/user/student001-x/', 'rejected'],
  ['redirect elsewhere', 302, '', '/hub/login', 'unknown'],
  [
    'concurrent_spawn_limit (REST JSON)',
    429,
    '{"status": 429, "message": "Too many users trying to log in right now. Try again in 40 seconds."}',
    null,
    'throttled',
  ],
  [
    'concurrent_spawn_limit (HTML page)',
    429,
    '<p>Too many users trying to log in right now. Try again in 30 seconds.</p>',
    null,
    'throttled',
  ],
  ['active_server_limit', 429, '<p>Active user limit exceeded. Try again in a few minutes.</p>', null, 'limited'],
  ['some other 429', 429, 'slow down', null, 'unknown'],
  ['missing binary', 500, '{"status": 500, "message": "error"}', null, 'error'],
  [
    'process exited before slow_spawn_timeout',
    500,
    '{"status": 500, "message": "Spawner failed to start [status=3]. The logs for crash1-x may contain details."}',
    null,
    'exited',
  ],
  ['already running', 400, '{"status": 400, "message": "student001-x is already running"}', null, 'rejected'],
  ['no access', 404, '{"status": 404, "message": "No access to resources or resources not found"}', null, 'unknown'],
];

for (const [name, status, body, location, expected] of cases) {
  test(`spawn answer: ${name} -> ${expected}`, () => {
    assert.equal(classifySpawnAnswer(status, body, location), expected);
  });
}

test('progress end: ready, start timeout, http timeout, other failure', () => {
  assert.equal(classifyProgressEnd({ progress: 100, ready: true, message: 'Server ready at /user/a/' }), 'success');
  assert.equal(classifyProgressEnd({ progress: 100, failed: true, message: 'Spawn failed: Timeout' }), 'timeout');
  // JupyterHub 5.x/6.x: asyncio's TimeoutError has no message (6.1.1 capture)
  assert.equal(classifyProgressEnd({ progress: 100, failed: true, message: 'Spawn failed: ' }), 'timeout');
  assert.equal(
    classifyProgressEnd({
      progress: 100,
      failed: true,
      message: "Spawn failed: Server at http://127.0.0.1:49799/user/mute1-x/ didn't respond in 15 seconds",
    }),
    'http_timeout',
  );
  assert.equal(classifyProgressEnd({ failed: true, message: 'Spawn failed: [Errno 2] No such file' }), 'error');
  assert.equal(classifyProgressEnd({ progress: 50, message: 'still going' }), 'unknown');
});

test('toProgressEvent keeps only well-typed fields', () => {
  assert.deepEqual(toProgressEvent({ progress: 100, failed: true, message: 'm', extra: 1 }), { progress: 100, failed: true, message: 'm' });
  assert.deepEqual(toProgressEvent({ ready: 'yes', progress: '1' }), {});
  assert.equal(toProgressEvent(null), null);
  assert.equal(toProgressEvent('text'), null);
});
