import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DeploymentMark, deploymentMarkSeries, marksInRange, marksNear, marksTooltipHtml } from './deployment-marks';
import { LIGHT_PALETTE } from './palette';

const mark = (id: number, when: number, extra: Partial<DeploymentMark> = {}): DeploymentMark => ({
  id,
  when,
  what: `deploy ${id}`,
  version: null,
  link: null,
  kind: 'deploy',
  ...extra,
});

test('only deployments inside the drawn range are marked, oldest first', () => {
  const marks = [mark(3, 300), mark(1, 100), mark(2, 200), mark(4, 999)];
  assert.deepEqual(
    marksInRange(marks, { from: 150, until: 300 }).map((m) => m.id),
    [2, 3],
  );
});

test('a line per deployment at its time; a restart is dotted and fainter', () => {
  const option = deploymentMarkSeries([mark(1, 100), mark(2, 200, { kind: 'restart' })], LIGHT_PALETTE);
  const data = option.markLine?.data as Array<{ xAxis: number; lineStyle: { type: string; opacity: number } }>;
  assert.deepEqual(
    data.map((d) => [d.xAxis, d.lineStyle.type]),
    [
      [100_000, 'dashed'],
      [200_000, 'dotted'],
    ],
  );
  assert.ok((data[1]?.lineStyle.opacity ?? 1) < (data[0]?.lineStyle.opacity ?? 0));
  assert.deepEqual(option.data, [], 'no points of its own: it only draws the lines');
});

test('the tooltip names nearby deployments with title, version and link, escaped', () => {
  const marks = [mark(1, 1000, { what: '<img src=x onerror=alert(1)>', version: 'v"2"', link: 'https://x/?a=1&b=2' }), mark(2, 5000)];
  const near = marksNear(marks, 1_010_000, 30_000);
  assert.deepEqual(
    near.map((m) => m.id),
    [1],
  );
  const html = marksTooltipHtml(near, 'UTC');
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(!html.includes('<img'));
  assert.ok(html.includes('(v&quot;2&quot;)'));
  assert.ok(html.includes('https://x/?a=1&amp;b=2'));
});
