import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { GraphiteEvent } from '@/lib/graphite/types';
import { deletedId, fromEvent, refOf, tombstoneFor, toNewEvent } from './event-mapping';
import { deploymentInputSchema } from './input';

const input = deploymentInputSchema(() => 1_800_000_000).parse({
  hub: 'demo',
  what: 'New image <script>alert(1)</script>, "quoted"',
  version: '2026.11',
  link: 'https://example.org/pr/1',
});

/** What graphite-web 1.1.8's get_data answers for an event posted with `event` (tags as a list). */
const stored = (id: number, event: ReturnType<typeof toNewEvent>): GraphiteEvent => ({ id, ...event, tags: [...event.tags] });

describe('Deployment <-> graphite-web event', () => {
  test('round trip: tags are the kind and hub:<name>, text stored as given, data is JSON', () => {
    const event = toNewEvent(input, 1_795_604_530, 'ref-1');
    assert.deepEqual(event.tags, ['deploy', 'hub:demo']);
    assert.equal(event.what, input.what);
    assert.deepEqual(JSON.parse(event.data), {
      version: '2026.11',
      commit: null,
      author: null,
      link: 'https://example.org/pr/1',
      source: 'api',
      ref: 'ref-1',
    });
    assert.deepEqual(fromEvent(stored(7, event)), {
      id: 7,
      when: 1_795_604_530,
      hub: 'demo',
      what: input.what,
      version: '2026.11',
      commit: null,
      author: null,
      link: 'https://example.org/pr/1',
      source: 'api',
      kind: 'deploy',
    });
    assert.equal(refOf(stored(7, event)), 'ref-1');
  });

  test('a restart keeps its kind', () => {
    const restart = toNewEvent({ ...input, kind: 'restart', source: 'auto' }, 1, 'r');
    assert.deepEqual(restart.tags, ['restart', 'hub:demo']);
    assert.equal(fromEvent(stored(1, restart))?.kind, 'restart');
  });

  test('events hubwatch did not write are not deployments', () => {
    const base: GraphiteEvent = { id: 1, when: 1, what: 'w', data: 'deployed jupyterhub 3.0.0', tags: ['deploy', 'hub:demo'] };
    assert.equal(fromEvent(base), undefined, 'data is not JSON');
    assert.equal(fromEvent({ ...base, data: '{"source":"api"}', tags: ['deploy'] }), undefined, 'no hub tag');
    assert.equal(fromEvent({ ...base, data: '{"source":"api"}', tags: ['hub:demo'] }), undefined, 'no kind tag');
    assert.equal(fromEvent({ ...base, data: '{"source":"api"}', tags: ['deploy', 'restart', 'hub:demo'] }), undefined);
    assert.equal(fromEvent({ ...base, data: '{"source":"api"}' })?.source, 'api');
  });

  test('a tombstone sits at the deployment time and names its id', () => {
    const deployment = fromEvent(stored(7, toNewEvent(input, 1_795_604_530, 'ref-1')));
    assert.ok(deployment !== undefined);
    const tombstone = tombstoneFor(deployment);
    assert.equal(tombstone.when, 1_795_604_530);
    assert.deepEqual(tombstone.tags, ['deploy-deleted', 'hub:demo']);
    assert.equal(deletedId(stored(8, tombstone)), 7);
    assert.equal(fromEvent(stored(8, tombstone)), undefined);
    assert.equal(deletedId(stored(9, toNewEvent(input, 1, 'x'))), undefined);
  });
});
