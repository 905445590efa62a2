import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createNodeMonitor, PROBE_REUSE_MS } from './node-probe';
import { fixture, refusedUrl, type StandInGraphite, startStandInGraphite } from './testing/stand-in-graphite';

// Real HTTP: a stand-in graphite-web that answers, then hangs, and a port where nothing listens.
describe('node monitor', () => {
  let node: StandInGraphite;
  let gone: string;
  before(async () => {
    node = await startStandInGraphite(() => ({ body: fixture('gw-find-completer.json') }));
    gone = await refusedUrl();
  });
  after(() => node.close());

  test('up, unreachable since the first failed probe, recovering for the retry delay, then up', async () => {
    let clock = 1_000_000_000_000;
    const monitor = createNodeMonitor({ nodes: [node.url, gone], retryDelayMs: 60_000, probeTimeoutMs: 500 }, undefined, () => clock);
    const first = await monitor.check();
    assert.deepEqual(
      first.map((n) => [n.state, n.since]),
      [
        ['up', null],
        ['unreachable', 1_000_000_000],
      ],
    );
    assert.equal(first[1]?.error?.code, 'graphite_unreachable');

    // Reused within the reuse period: no second probe.
    const seen = node.requests.length;
    clock += PROBE_REUSE_MS - 1;
    await monitor.check();
    assert.equal(node.requests.length, seen);

    // The node hangs: unreachable by timeout, since this probe.
    node.respond(() => 'hang');
    clock += 10_000;
    const hung = await monitor.check();
    assert.equal(hung[0]?.state, 'unreachable');
    assert.equal(hung[0]?.error?.code, 'graphite_timeout');
    const downAt = hung[0]?.since;

    node.respond(() => ({ body: fixture('gw-find-completer.json') }));
    clock += 30_000;
    const back = await monitor.check();
    assert.equal(back[0]?.state, 'recovering');
    assert.notEqual(back[0]?.since, downAt);
    assert.equal(back[1]?.since, 1_000_000_000, 'the dead one keeps its first "since"');

    clock += 59_000;
    assert.equal((await monitor.check())[0]?.state, 'recovering');
    clock += PROBE_REUSE_MS + 1;
    assert.deepEqual(
      (await monitor.check()).map((n) => n.state),
      ['up', 'unreachable'],
    );
  });

  test('no nodes configured: nothing is probed', async () => {
    const monitor = createNodeMonitor({ nodes: [], retryDelayMs: 60_000, probeTimeoutMs: 500 });
    assert.deepEqual(await monitor.check(), []);
  });

  test('latest: the last round as it was, without probing', async () => {
    const monitor = createNodeMonitor({ nodes: [node.url, gone], retryDelayMs: 60_000, probeTimeoutMs: 500 });
    assert.deepEqual(monitor.latest(), []);
    const round = await monitor.check();
    const seen = node.requests.length;
    assert.deepEqual(monitor.latest(), round);
    assert.equal(node.requests.length, seen);
  });
});
