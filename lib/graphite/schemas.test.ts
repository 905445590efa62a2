import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventsResponseSchema, findResponseSchema, renderResponseSchema } from './schemas';
import { fixture } from './testing/stand-in-graphite';

const json = (name: string): unknown => JSON.parse(fixture(name));

describe('render schema', () => {
  test('parses graphite-web render JSON with nulls and tags', () => {
    const series = renderResponseSchema.parse(json('gw-render-json.json'));
    assert.equal(series.length, 2);
    assert.equal(series[0]?.target, 'probe.cmp.host1.cpu');
    assert.deepEqual(series[0]?.tags, { name: 'probe.cmp.host1.cpu' });
    assert.deepEqual(series[0]?.datapoints[0], [null, 1_795_605_430]);
    assert.deepEqual(series[1]?.datapoints[0], [3, 1_795_605_430]);
  });

  test('accepts 1e9999 / -1e9999, which JSON.parse turns into ±Infinity', () => {
    const series = renderResponseSchema.parse(json('gw-render-json-infinity.json'));
    assert.equal(series[0]?.datapoints[0]?.[0], Number.POSITIVE_INFINITY);
    assert.equal(series[1]?.datapoints[0]?.[0], Number.NEGATIVE_INFINITY);
    assert.equal(series[0]?.tags.scale, 'inf');
  });

  test('empty result and consolidated result', () => {
    assert.deepEqual(renderResponseSchema.parse(json('gw-render-json-empty-target.json')), []);
    assert.equal(renderResponseSchema.parse(json('gw-render-json-maxDataPoints.json'))[0]?.datapoints.length, 10);
  });

  test('missing tags (graphite-web < 1.1) default to the name; non-string tag values become strings', () => {
    const [series] = renderResponseSchema.parse([
      { target: 'a.b', datapoints: [] },
      { target: 'x', tags: { name: 'x', n: 5, ok: true, gone: null }, datapoints: [] },
    ]);
    assert.deepEqual(series?.tags, { name: 'a.b' });
    assert.deepEqual(renderResponseSchema.parse([{ target: 'x', tags: { n: 5, ok: true, gone: null }, datapoints: [] }])[0]?.tags, {
      n: '5',
      ok: 'true',
    });
  });

  const badShapes: [string, unknown][] = [
    ['not an array', { target: 'a' }],
    ['point is not a pair', [{ target: 'a', tags: {}, datapoints: [[1]] }]],
    ['value is a string', [{ target: 'a', tags: {}, datapoints: [['1', 10]] }]],
    ['timestamp is null', [{ target: 'a', tags: {}, datapoints: [[1, null]] }]],
    ['timestamp is infinite', [{ target: 'a', tags: {}, datapoints: [[1, Number.POSITIVE_INFINITY]] }]],
    ['value is NaN', [{ target: 'a', tags: {}, datapoints: [[Number.NaN, 10]] }]],
    ['no target', [{ tags: {}, datapoints: [] }]],
  ];
  for (const [name, body] of badShapes) {
    test(`rejects: ${name}`, () => assert.equal(renderResponseSchema.safeParse(body).success, false));
  }
});

describe('find schema', () => {
  test('graphite-web completer: is_leaf is a string, branch paths end with a dot', () => {
    const nodes = findResponseSchema.parse(json('gw-find-completer.json'));
    assert.deepEqual(nodes[0], { path: 'stats.counters', name: 'counters', leaf: false });
  });
  test('VictoriaMetrics completer: is_leaf is a number', () => {
    assert.deepEqual(findResponseSchema.parse(json('vm-find-completer.json')), [
      { path: 'probe.cmp.host1.cpu', name: 'cpu', leaf: true },
      { path: 'probe.cmp', name: 'cmp', leaf: false },
    ]);
  });
  test('graphite-web treejson (branches and leaves)', () => {
    assert.deepEqual(findResponseSchema.parse(json('gw-find-treejson.json'))[1], {
      path: 'stats.gauges',
      name: 'gauges',
      leaf: false,
    });
    assert.deepEqual(findResponseSchema.parse(json('gw-find-treejson-leaf.json'))[0], {
      path: 'stats.gauges.jupyterhub.users.active',
      name: 'active',
      leaf: true,
    });
  });
  test('VictoriaMetrics treejson: branch id ends with a dot', () => {
    assert.deepEqual(findResponseSchema.parse(json('vm-find-treejson.json')), [{ path: 'probe', name: 'probe', leaf: false }]);
  });
  test('rejects other shapes', () => {
    assert.equal(findResponseSchema.safeParse({ nodes: ['a'] }).success, false);
    assert.equal(findResponseSchema.safeParse([{ text: 'a', id: 'a', leaf: 2 }]).success, false);
  });
});

describe('events schema', () => {
  test('parses get_data', () => {
    const events = eventsResponseSchema.parse(json('gw-events-get_data-deploy.json'));
    assert.equal(events.length, 4);
    assert.deepEqual(events[1], {
      id: 1,
      when: 1_795_604_530,
      what: 'Deploy hub v1',
      data: 'deployed jupyterhub 3.0.0',
      tags: ['deploy', 'hub'],
    });
  });
  test('tags as a space-separated string and missing data are tolerated', () => {
    assert.deepEqual(eventsResponseSchema.parse([{ id: 9, when: 1, what: 'w', tags: 'a b' }])[0], {
      id: 9,
      when: 1,
      what: 'w',
      data: '',
      tags: ['a', 'b'],
    });
  });
  test('the event detail shape (ISO `when`) is not get_data', () => {
    assert.equal(eventsResponseSchema.safeParse([json('gw-event-detail-1.json')]).success, false);
  });
});
