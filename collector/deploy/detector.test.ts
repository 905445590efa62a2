import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { SAMPLES_DIR } from '../fixtures/samples-dir';
import { type Checkpoint, loadCheckpoint, loadHubInfo, saveCheckpoint, saveHubInfo } from '../follow/checkpoint';
import { type HubInfo, hubInfoSchema } from '../hub-info';
import { silentLogger } from '../logger';
import { DeploymentDetector } from './detector';
import type { DeploymentBody } from './post-deployment';

const captured = hubInfoSchema.parse(JSON.parse(readFileSync(join(SAMPLES_DIR, 'api-info.json'), 'utf8')));
const v1: HubInfo = { ...captured, spawner: { class: 'fault_spawner.FaultSpawner', version: '1.0' } };
const v11: HubInfo = { ...captured, spawner: { class: 'fault_spawner.FaultSpawner', version: '1.1' } };
const dir = mkdtempSync(join(tmpdir(), 'hubwatch-detector-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The detector on a real checkpoint file; the hub's answers and the dashboard are given per step. */
function world(name: string) {
  const path = join(dir, `${name}.json`);
  const hub = { info: v1, startedAt: 1_000 as number | null };
  const posted: DeploymentBody[] = [];
  let dashboardUp = true;
  const make = () =>
    new DeploymentDetector({
      hub: 'demo',
      readInfo: async () => hub.info,
      startedAt: () => hub.startedAt,
      post: async (body) => {
        if (!dashboardUp) throw new Error('dashboard unreachable');
        posted.push(body);
      },
      load: () => loadHubInfo(path),
      save: (state) => saveHubInfo(path, state),
      log: silentLogger,
      nowSeconds: () => 5_000,
    });
  return {
    path,
    hub,
    posted,
    make,
    setDashboard: (up: boolean) => {
      dashboardUp = up;
    },
  };
}

describe('deployment detector', () => {
  test('first check is a baseline; the collector restarting records nothing', async () => {
    const w = world('baseline');
    await w.make().check();
    await w.make().check(); // a new collector process, same checkpoint
    assert.deepEqual(w.posted, []);
    assert.deepEqual(loadHubInfo(w.path), { info: v1, startedAt: 1_000 });
  });

  test('a changed spawner version with a new hub process: one deploy naming it, at the start time', async () => {
    const w = world('deploy');
    const detector = w.make();
    await detector.check();
    w.hub.info = v11;
    w.hub.startedAt = 2_000.42;
    await detector.check();
    await detector.check();
    assert.deepEqual(w.posted, [
      { kind: 'deploy', what: 'spawner fault_spawner 1.0 -> 1.1', when: 2_000, hub: 'demo', version: '3.0.0', source: 'auto' },
    ]);
  });

  test('a new hub process with nothing changed: a restart', async () => {
    const w = world('restart');
    await w.make().check();
    w.hub.startedAt = 3_000;
    await w.make().check(); // also across a collector restart: the checkpoint knew 1000
    assert.deepEqual(w.posted, [
      { kind: 'restart', what: 'JupyterHub 3.0.0 restarted', when: 3_000, hub: 'demo', version: '3.0.0', source: 'auto' },
    ]);
  });

  test('without metrics (no start time) the start-up line is the restart', async () => {
    const w = world('line');
    w.hub.startedAt = null;
    const detector = w.make();
    await detector.check();
    detector.sawStartupLine({ version: '3.0.0', at: 4_000 });
    await detector.check();
    await detector.check();
    assert.deepEqual(
      w.posted.map((b) => [b.kind, b.when]),
      [['restart', 4_000]],
    );
  });

  test('dashboard down: nothing is forgotten, the deployment is recorded on a later check', async () => {
    const w = world('retry');
    const detector = w.make();
    await detector.check();
    w.hub.info = v11;
    w.setDashboard(false);
    await detector.check();
    assert.deepEqual(loadHubInfo(w.path)?.info, v1);
    w.setDashboard(true);
    await detector.check();
    assert.deepEqual(
      w.posted.map((b) => b.what),
      ['spawner fault_spawner 1.0 -> 1.1'],
    );
  });

  test('a change seen before the scrape showed the new process is not recorded a second time as a restart', async () => {
    const w = world('stale-start');
    const detector = w.make();
    await detector.check();
    w.hub.info = v11; // the metrics scrape still had the old process
    await detector.check();
    w.hub.startedAt = 2_500;
    await detector.check();
    await detector.check();
    assert.deepEqual(
      w.posted.map((b) => [b.kind, b.when]),
      [['deploy', 5_000]],
    );
  });
});

describe('checkpoint with the hub info', () => {
  const position: Checkpoint = {
    version: 1,
    path: '/var/log/hub.log',
    dev: '1',
    ino: '2',
    offset: 10,
    tail: '',
    attempts: [],
    savedAt: '2026-12-01T00:00:00.000Z',
  };

  test('hub info alone is not a read position; the follower keeps the hub info when it saves', () => {
    const path = join(dir, 'shared.json');
    saveHubInfo(path, { info: v1, startedAt: 1 });
    assert.deepEqual(loadCheckpoint(path), { kind: 'none' });
    saveCheckpoint(path, position);
    const loaded = loadCheckpoint(path);
    assert.equal(loaded.kind, 'ok');
    assert.deepEqual(loadHubInfo(path), { info: v1, startedAt: 1 });
    saveHubInfo(path, { info: v11, startedAt: 2 });
    assert.equal(loadCheckpoint(path).kind, 'ok');
    assert.deepEqual(loadHubInfo(path), { info: v11, startedAt: 2 });
  });

  test('a checkpoint of the previous version (no hub info) still loads', () => {
    const path = join(dir, 'old.json');
    saveCheckpoint(path, position);
    assert.equal(loadCheckpoint(path).kind, 'ok');
    assert.equal(loadHubInfo(path), null);
  });
});
