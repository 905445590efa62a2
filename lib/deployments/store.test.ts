import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openRecords, type Records } from '@/lib/records/records';
import { deploymentInputSchema } from './input';
import { createDeployment, deleteDeployment, getDeployment, listBetween, listDeployments } from './store';

// The store on a real SQLite file (no services needed); the mirror is off so nothing reaches Graphite.
process.env.HUBWATCH_EVENTS_MIRROR = 'off';

const NOW = 1_800_000_000;
const input = (body: Record<string, unknown>) => deploymentInputSchema(() => NOW).parse(body);

describe('deployments in the records store (SQLite)', () => {
  let records: Records;
  before(async () => {
    records = await openRecords({ dialect: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'hw-store-')), 'r.sqlite') });
  });
  after(() => records.db.destroy());

  test('written, read back by id and listed newest first per hub and range', async () => {
    const a = await createDeployment(input({ hub: 'h1', what: 'first <b>', when: NOW - 600, version: '1' }), records, NOW);
    const b = await createDeployment(input({ hub: 'h1', what: 'restart', when: NOW - 300, kind: 'restart', source: 'auto' }), records, NOW);
    const other = await createDeployment(input({ hub: 'h2', what: 'elsewhere', when: NOW - 300 }), records, NOW);
    assert.deepEqual(a, {
      id: a.id,
      when: NOW - 600,
      hub: 'h1',
      what: 'first <b>',
      version: '1',
      commit: null,
      author: null,
      link: null,
      source: 'api',
      kind: 'deploy',
    });
    assert.deepEqual(await getDeployment(a.id, records), a);
    assert.deepEqual(await listBetween('h1', NOW - 3600, NOW, records), [b, a]);
    assert.deepEqual(await listBetween('h1', NOW - 400, NOW, records), [b]);
    assert.deepEqual(
      (await listBetween(undefined, NOW - 3600, NOW, records)).map((d) => d.id),
      [other.id, b.id, a.id],
    );
    // Graphite times resolve against the real clock.
    const real = Math.floor(Date.now() / 1000);
    const recent = await createDeployment(deploymentInputSchema().parse({ hub: 'h4', what: 'recent', when: real - 120 }), records, real);
    assert.deepEqual(await listDeployments({ hub: 'h4', from: '-1h', until: 'now' }, records), [recent]);
    assert.deepEqual(await listDeployments({ hub: 'h4', from: '-1min', until: 'now' }, records), []);
  });

  test('a deleted deployment stays gone everywhere and its id is never given again', async () => {
    const d = await createDeployment(input({ hub: 'h3', what: 'to delete', when: NOW - 60 }), records, NOW);
    assert.equal(await deleteDeployment(d.id, records, NOW), true);
    assert.equal(await deleteDeployment(d.id, records, NOW), false, 'a second delete finds nothing');
    assert.equal(await getDeployment(d.id, records), undefined);
    assert.deepEqual(await listBetween('h3', NOW - 3600, NOW, records), []);
    const next = await createDeployment(input({ hub: 'h3', what: 'next', when: NOW - 30 }), records, NOW);
    assert.ok(next.id > d.id);
  });

  test('an unknown id is undefined, not an error', async () => {
    assert.equal(await getDeployment(2_147_483_647, records), undefined);
    assert.equal(await deleteDeployment(2_147_483_647, records), false);
  });
});
