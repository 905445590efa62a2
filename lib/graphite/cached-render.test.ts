import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { createRenderCache, type RenderCacheOptions, renderBody, renderCacheKey, renderSeries } from './cached-render';
import { createGraphiteClient } from './client';
import { GraphiteError } from './errors';
import { fixture, type StandInGraphite, startStandInGraphite } from './testing/stand-in-graphite';
import type { RenderQuery } from './types';

// The real client and cache against a stand-in graphite-web that counts renders
// (testing/stand-in-graphite.ts); bench/proxy.ts measures the same against the real one.

const RELATIVE: RenderQuery = { targets: ['stats.gauges.x'], from: '-1h', until: 'now' };
const PAST: RenderQuery = { targets: ['stats.gauges.x'], from: '1700000000', until: '1700003600' };

describe('cached render', () => {
  let graphite: StandInGraphite;
  let clock = 1_795_600_000_000;
  before(async () => {
    graphite = await startStandInGraphite(() => ({ body: fixture('gw-render-json.json'), delayMs: 50 }));
  });
  after(() => graphite.close());
  beforeEach(() => {
    graphite.requests.length = 0;
    graphite.respond(() => ({ body: fixture('gw-render-json.json'), delayMs: 50 }));
  });

  const cache = (overrides: Partial<RenderCacheOptions> = {}) => {
    const shared = createRenderCache({
      client: createGraphiteClient({ baseUrl: graphite.url, timeoutMs: 2_000 }),
      enabled: true,
      relativeTtlMs: 10_000,
      absoluteTtlMs: 300_000,
      maxEntries: 100,
      now: () => clock,
      ...overrides,
    });
    return {
      load: shared.load,
      render: (query: RenderQuery) => renderSeries(query, shared),
      renderBody: (query: RenderQuery) => renderBody(query, shared),
      peek: shared.peek,
      stats: shared.stats,
    };
  };

  test('500 identical concurrent renders make one upstream request and share its result', async () => {
    const renders = cache();
    const results = await Promise.all(Array.from({ length: 500 }, () => renders.render(RELATIVE)));
    assert.equal(graphite.requests.length, 1);
    assert.ok(results.every((r) => r === results[0]));
    assert.deepEqual({ ...renders.stats(), bytes: 0 }, { upstream: 1, hits: 0, coalesced: 499, entries: 1, bytes: 0 });
  });

  test('coalescing still works with the cache switched off, but nothing is kept', async () => {
    const renders = cache({ enabled: false });
    await Promise.all(Array.from({ length: 50 }, () => renders.render(RELATIVE)));
    assert.equal(graphite.requests.length, 1);
    await renders.render(RELATIVE);
    assert.equal(graphite.requests.length, 2);
    assert.equal(renders.stats().entries, 0);
  });

  test('a relative range is cached for relativeTtlMs', async () => {
    const renders = cache();
    await renders.render(RELATIVE);
    clock += 9_000;
    await renders.render(RELATIVE);
    assert.equal(graphite.requests.length, 1);
    clock += 2_000;
    await renders.render(RELATIVE);
    assert.equal(graphite.requests.length, 2);
  });

  test('a fixed range in the past is cached for absoluteTtlMs', async () => {
    const renders = cache();
    await renders.render(PAST);
    clock += 200_000;
    await renders.render(PAST);
    assert.equal(graphite.requests.length, 1);
    clock += 200_000;
    await renders.render(PAST);
    assert.equal(graphite.requests.length, 2);
  });

  test('a fixed range ending now still changes, so it gets the short TTL', async () => {
    const renders = cache();
    const untilNow = String(Math.floor(clock / 1000));
    const query = { targets: ['a'], from: '1795500000', until: untilNow };
    await renders.render(query);
    clock += 11_000;
    await renders.render(query);
    assert.equal(graphite.requests.length, 2);
  });

  test('the same render written differently shares an entry; different ones do not', async () => {
    assert.equal(
      renderCacheKey({ targets: ['a'], from: 'now-5m', until: 'now' }),
      renderCacheKey({ targets: ['a'], from: '-5min', until: 'now' }),
    );
    const renders = cache();
    await renders.render({ targets: ['a'], from: 'now-5m', until: 'now' });
    await renders.render({ targets: ['a'], from: '-5min', until: 'now' });
    await renders.render({ targets: ['a'], from: '-5min', until: 'now', maxDataPoints: 10 });
    await renders.render({ targets: ['b'], from: '-5min', until: 'now' });
    await renders.render({ targets: ['a', 'b'], from: '-5min', until: 'now' });
    assert.equal(graphite.requests.length, 4);
  });

  test('failures are shared by the callers in flight but never cached', async () => {
    graphite.respond(() => ({ status: 500, body: 'boom', delayMs: 50 }));
    const renders = cache();
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => renders.render(RELATIVE)));
    assert.ok(outcomes.every((o) => o.status === 'rejected' && o.reason instanceof GraphiteError && o.reason.kind === 'upstream'));
    assert.equal(graphite.requests.length, 1);
    graphite.respond(() => ({ body: fixture('gw-render-json.json') }));
    assert.equal((await renders.render(RELATIVE)).length, 2);
    assert.equal(graphite.requests.length, 2);
  });

  test("the JSON passed on is graphite-web's own (Infinity stays 1e9999), the same bytes for every caller", async () => {
    graphite.respond(() => ({ body: fixture('gw-render-json-infinity.json') }));
    const renders = cache();
    const [a, b] = await Promise.all([renders.renderBody(RELATIVE), renders.renderBody(RELATIVE)]);
    assert.equal(a, b);
    assert.equal(new TextDecoder().decode(a), fixture('gw-render-json-infinity.json'));
    assert.equal((await renders.render(RELATIVE))[1]?.datapoints[0]?.[0], Number.NEGATIVE_INFINITY);
  });

  test('peek answers only a finished, fresh entry, and never calls Graphite', async () => {
    const renders = cache();
    assert.equal(renders.peek(RELATIVE), undefined, 'nothing cached yet');
    const inFlight = renders.renderBody(RELATIVE);
    assert.equal(renders.peek(RELATIVE), undefined, 'still in flight');
    const body = await inFlight;
    const cached = renders.peek({ ...RELATIVE, from: 'now-1h' });
    assert.equal(cached?.body, body, 'the same render written differently');
    assert.deepEqual(new Uint8Array(gunzipSync(cached?.gzipped ?? new Uint8Array())), body);
    assert.equal(renders.stats().hits, 1);
    clock += 11_000;
    assert.equal(renders.peek(RELATIVE), undefined, 'expired');
    assert.equal(renders.stats().entries, 0, 'an expired entry is dropped when seen');
    assert.equal(graphite.requests.length, 1);
  });

  test('peek finds nothing with the cache switched off or after a failure', async () => {
    const off = cache({ enabled: false });
    await off.renderBody(RELATIVE);
    assert.equal(off.peek(RELATIVE), undefined);
    graphite.respond(() => ({ status: 500, body: 'boom' }));
    const on = cache();
    await assert.rejects(on.renderBody(RELATIVE));
    assert.equal(on.peek(RELATIVE), undefined);
  });

  test('entries are bounded, least recently used out first', async () => {
    const renders = cache({ maxEntries: 2 });
    const q = (t: string): RenderQuery => ({ targets: [t], from: '-1h', until: 'now' });
    await renders.render(q('a'));
    await renders.render(q('b'));
    await renders.render(q('a'));
    await renders.render(q('c'));
    assert.equal(renders.stats().entries, 2);
    await renders.render(q('a'));
    assert.equal(graphite.requests.length, 3);
    await renders.render(q('b'));
    assert.equal(graphite.requests.length, 4);
  });

  test('the memory an entry really holds is counted: bytes, gzip and parsed series', async () => {
    const renders = cache();
    const query: RenderQuery = { targets: ['a'], from: '-1h', until: 'now' };
    await renders.render(query);
    const cached = renders.peek(query);
    const points = (cached?.series ?? []).reduce((sum, one) => sum + one.datapoints.length, 0);
    assert.ok(cached !== undefined && points > 0);
    assert.ok(cached.size > cached.body.byteLength + cached.gzipped.byteLength + 50 * points, 'parsed points count too');
    assert.equal(renders.stats().bytes, cached.size);
  });

  test('held memory is bounded: four entries of a quarter each fit, a fifth pushes the first out', async () => {
    const probe = cache();
    await probe.render({ targets: ['a'], from: '-1h', until: 'now' });
    const one = probe.stats().bytes;
    const renders = cache({ maxBytes: Math.floor(one * 4.5) });
    for (const target of ['a', 'b', 'c', 'd']) await renders.render({ targets: [target], from: '-1h', until: 'now' });
    assert.equal(renders.stats().entries, 4);
    await renders.render({ targets: ['e'], from: '-1h', until: 'now' });
    assert.equal(renders.stats().entries, 4);
    assert.ok(renders.stats().bytes <= one * 4.5);
  });

  test('a render larger than a quarter of the cache is answered, not kept', async () => {
    const probe = cache();
    await probe.render({ targets: ['a'], from: '-1h', until: 'now' });
    const one = probe.stats().bytes;
    const renders = cache({ maxBytes: one * 2 });
    const series = await renders.render({ targets: ['a'], from: '-1h', until: 'now' });
    assert.ok(series.length > 0);
    assert.equal(renders.stats().entries, 0);
  });

  test('a render pushed out while in flight is still answered to everyone waiting for it', async () => {
    const probe = cache();
    await probe.render({ targets: ['a'], from: '-1h', until: 'now' });
    const one = probe.stats().bytes;
    // Room for four; the slow one is still in flight when four fast ones land and push it out.
    const renders = cache({ maxBytes: Math.floor(one * 4.5) });
    graphite.respond((request) => ({ body: fixture('gw-render-json.json'), delayMs: request.body.includes('slow') ? 400 : 20 }));
    const slow = [
      renders.load({ targets: ['slow'], from: '-1h', until: 'now' }),
      renders.load({ targets: ['slow'], from: '-1h', until: 'now' }),
    ];
    for (const target of ['a', 'b', 'c', 'd', 'e']) await renders.render({ targets: [target], from: '-1h', until: 'now' });
    for (const outcome of await Promise.all(slow)) assert.equal(outcome.ok, true, JSON.stringify(!outcome.ok && outcome.failure));
  });

  test('a failure crosses the shared cache as data, and each caller throws its own error', async () => {
    graphite.respond(() => ({ status: 400, body: 'Unknown function nosuch' }));
    const outcome = await cache().load({ targets: ['nosuch(a)'], from: '-1h', until: 'now' });
    assert.equal(outcome.ok, false);
    assert.ok(!outcome.ok && !(outcome.failure instanceof Error), 'plain data, no class instance');
    assert.deepEqual(!outcome.ok && { kind: outcome.failure.kind, reason: outcome.failure.reason }, {
      kind: 'bad_request',
      reason: 'Unknown function nosuch',
    });
  });
});
