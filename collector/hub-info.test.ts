import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { SAMPLES_DIR } from './fixtures/samples-dir';
import { describeChanges, type HubInfo, hubInfoSchema } from './hub-info';

// api-info.json: GET /hub/api/info of the running demo hub (JupyterHub 3.0.0, Debian), captured
// with the collector's token before the spawner reported a version.
const read = (name: string) => hubInfoSchema.parse(JSON.parse(readFileSync(join(SAMPLES_DIR, name), 'utf8')));
const captured = read('api-info.json');
// The same hub restarted with the JH_SPAWNER_VERSION knob (default 1.0), captured by the e2e run.
const knob = read('api-info-spawner-1.0.json');

describe('/hub/api/info', () => {
  test('the captured answer: JupyterHub, spawner and authenticator class and version', () => {
    assert.deepEqual(captured, {
      version: '3.0.0',
      spawner: { class: 'fault_spawner.FaultSpawner', version: 'unknown' },
      authenticator: { class: 'jupyterhub.auth.DummyAuthenticator', version: '3.0.0' },
    });
  });

  test('the captured pair: only the spawner version changed', () => {
    assert.deepEqual(describeChanges(captured, knob), ['spawner fault_spawner unknown -> 1.0']);
  });

  const spawner = (version: string, cls = 'fault_spawner.FaultSpawner'): HubInfo => ({
    ...captured,
    spawner: { class: cls, version },
  });
  for (const [name, before, after, expected] of [
    ['nothing', captured, captured, []],
    ['JupyterHub', captured, { ...captured, version: '3.1.1' }, ['JupyterHub 3.0.0 -> 3.1.1']],
    ['spawner version', spawner('1.0'), spawner('1.1'), ['spawner fault_spawner 1.0 -> 1.1']],
    [
      'spawner class',
      spawner('1.0'),
      spawner('3.0.0', 'jupyterhub.spawner.SimpleLocalProcessSpawner'),
      ['spawner fault_spawner.FaultSpawner 1.0 -> jupyterhub.spawner.SimpleLocalProcessSpawner 3.0.0'],
    ],
    [
      'JupyterHub and authenticator together',
      captured,
      { ...captured, version: '3.1.1', authenticator: { class: 'jupyterhub.auth.DummyAuthenticator', version: '3.1.1' } },
      ['JupyterHub 3.0.0 -> 3.1.1', 'authenticator jupyterhub 3.0.0 -> 3.1.1'],
    ],
  ] as const) {
    test(`changed: ${name}`, () => {
      assert.deepEqual(describeChanges(before, after), expected);
    });
  }
});
