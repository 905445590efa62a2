import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { exploreHref, exportHref } from './explore-link';
import { DEFAULT_DISPLAY, parseExploreState, renderTarget, withoutConsolidateBy, writeExploreState } from './explore-state';

describe('explore URL state', () => {
  test('round trip: lines with alias, hidden and right axis, and the display', () => {
    const state = {
      lines: [
        { target: 'a.b', alias: '', hidden: false, axis: 'left' as const },
        { target: 'sumSeries(c.*)', alias: 'all c', hidden: true, axis: 'right' as const },
      ],
      display: {
        kind: 'stacked-area' as const,
        unit: 'ms' as const,
        rightUnit: 'bytes' as const,
        nulls: 'zero' as const,
        consolidateBy: 'max' as const,
      },
    };
    const qs = writeExploreState('from=-6h&hub=physics&target=old', state);
    assert.equal(
      qs,
      'from=-6h&hub=physics&target=a.b&target=sumSeries%28c.*%29&alias=&alias=all+c&hide=2&right=2&kind=stacked-area&unit=ms&unit2=bytes&nulls=zero&consolidateBy=max',
    );
    assert.deepEqual(parseExploreState(qs), state);
  });

  test('defaults are left out of the link, and bad values fall back to them', () => {
    const qs = writeExploreState('', { lines: [{ target: 'x', alias: '', hidden: false, axis: 'left' }], display: DEFAULT_DISPLAY });
    assert.equal(qs, 'target=x');
    const parsed = parseExploreState('target=x&kind=pie&unit=parsecs&nulls=maybe&consolidateBy=median&hide=0&hide=x&right=-1');
    assert.deepEqual(parsed.display, DEFAULT_DISPLAY);
    assert.deepEqual(parsed.lines, [{ target: 'x', alias: '', hidden: false, axis: 'left' }]);
  });

  test('at most 20 lines are read', () => {
    const qs = Array.from({ length: 25 }, (_, i) => `target=t${i}`).join('&');
    assert.equal(parseExploreState(qs).lines.length, 20);
  });
});

describe('what is sent to Graphite', () => {
  test('consolidateBy wraps the target, alias names it, quotes never break the string', () => {
    assert.equal(renderTarget({ target: ' a.b ', alias: '' }, null), 'a.b');
    assert.equal(renderTarget({ target: 'a.b', alias: '' }, 'avg'), "consolidateBy(a.b, 'average')");
    assert.equal(renderTarget({ target: 'a.b', alias: 'p95' }, 'max'), "alias(consolidateBy(a.b, 'max'), 'p95')");
    assert.equal(renderTarget({ target: 'a.b', alias: "it's" }, null), `alias(a.b, "it's")`);
    assert.equal(renderTarget({ target: 'a.b', alias: `it's "x"` }, null), `alias(a.b, "it's x")`);
  });

  test("graphite-web's consolidateBy name is shown as the target that was written", () => {
    assert.equal(withoutConsolidateBy('consolidateBy(a.b,"sum")', 'sum'), 'a.b');
    assert.equal(withoutConsolidateBy('consolidateBy(a.b,"sum")', null), 'consolidateBy(a.b,"sum")');
    assert.equal(withoutConsolidateBy('other', 'sum'), 'other');
  });
});

describe('links from a chart', () => {
  test('Open in explore carries targets, names as aliases, range, kind, unit and hub', () => {
    const href = exploreHref({
      targets: ['stats.gauges.jupyterhub.h.hub.up'],
      names: ['hub up'],
      from: '-6h',
      until: 'now',
      kind: 'area',
      unit: 'bool',
      hub: 'h',
    });
    assert.equal(href, '/explore?from=-6h&until=now&hub=h&target=stats.gauges.jupyterhub.h.hub.up&alias=hub+up&kind=area&unit=bool');
    const state = parseExploreState(href.slice('/explore?'.length));
    assert.equal(state.lines[0]?.alias, 'hub up');
  });

  test('names that do not map one to one onto targets are not turned into aliases', () => {
    const href = exploreHref({ targets: ['a.*'], names: ['p50', 'p95'], from: '1', until: '2' });
    assert.equal(href, '/explore?from=1&until=2&target=a.*');
  });

  test('export link: the same targets and range, every stored point', () => {
    assert.equal(
      exportHref({ targets: ['a', 'b(c)'], from: '-1h', until: 'now' }, 'csv'),
      '/api/export?target=a&target=b%28c%29&from=-1h&until=now&format=csv',
    );
  });
});
