import assert from 'node:assert/strict';
import { test } from 'node:test';
import { familyKey, promKey } from '../lib/catalog';
import { MemoryEmitter, type MetricEmitter } from './metric-emitter';

// Type-level: `npx tsc --noEmit` fails if a line marked @ts-expect-error compiles, i.e. if the
// emitter ever accepted a key the catalog does not define again.
function misspelled(out: MetricEmitter): void {
  // @ts-expect-error: not a catalog counter ('spawn' for 'spawns')
  out.count('spawn.success', 1);
  // @ts-expect-error: not a counter family
  out.count('requests.statuses.200', 1);
  // @ts-expect-error: a gauge is not a timer
  out.timing('hub.up', 1);
  // @ts-expect-error: a counter is not a gauge
  out.gauge('logins.success', 1);
  // @ts-expect-error: /hub/metrics keys start with `prom.`
  out.gauge('jupyterhub_total_users', 1);
}

test('the emitter takes catalog keys, family members and prom.* keys', () => {
  const out = new MemoryEmitter();
  out.count('spawns.success', 1);
  out.count(familyKey('requests.status', 503), 2);
  out.count(promKey('jupyterhub_server_spawn_duration_seconds', [['status', 'success']], undefined, 'count'), 3);
  out.timing('spawns.duration', 2959);
  out.gauge('hub.up', 1);
  assert.equal(out.counter('spawns.success'), 1);
  assert.equal(out.counter('requests.status.503'), 2);
  assert.equal(out.counter('prom.jupyterhub_server_spawn_duration_seconds.success.count'), 3);
  assert.equal(typeof misspelled, 'function');
});
