import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { AGGREGATION_RULES, aggregationFor, SlotAggregate } from './rollup';

// The backfill writes old points straight into coarse archives, so its rules must be carbon's:
// the stack's storage-aggregation.conf, section by section, in order.
const CONF = readFileSync(join(import.meta.dirname, '..', '..', 'stack', 'carbon', 'storage-aggregation.conf'), 'utf8');

function sections(text: string): Array<{ pattern: string; method: string }> {
  const out: Array<{ pattern: string; method: string }> = [];
  for (const block of text.split(/^\[[^\]]+\]$/m).slice(1)) {
    const pattern = /^pattern\s*=\s*(.+)$/m.exec(block)?.[1]?.trim();
    const method = /^aggregationMethod\s*=\s*(\w+)$/m.exec(block)?.[1];
    if (pattern !== undefined && method !== undefined) out.push({ pattern, method });
  }
  return out;
}

it("has carbon's aggregation rules, in carbon's order", () => {
  assert.deepEqual(
    AGGREGATION_RULES.map((r) => ({ pattern: r.pattern.source, method: r.method })),
    sections(CONF),
  );
});

it('picks the rule carbon picks for the series the backfill writes', () => {
  const cases: Array<[string, string]> = [
    ['stats.counters.jupyterhub.h.spawns.success.count', 'sum'],
    ['stats.counters.jupyterhub.h.spawns.success.rate', 'average'],
    ['stats.timers.jupyterhub.h.spawns.duration.histogram.bin_7500', 'sum'],
    ['stats.timers.jupyterhub.h.spawns.duration.upper_90', 'max'],
    ['stats.timers.jupyterhub.h.spawns.duration.lower', 'min'],
    ['stats.timers.jupyterhub.h.spawns.duration.sum_squares_99', 'sum'],
    ['stats.timers.jupyterhub.h.spawns.duration.median', 'average'],
    ['stats.gauges.jupyterhub.h.servers.running', 'last'],
    ['stats.gauges.jupyterhub.h.history.imported', 'last'],
  ];
  assert.deepEqual(
    cases.map(([m]) => [m, aggregationFor(m)]),
    cases,
  );
});

it('aggregates a slot as whisper does (known values only)', () => {
  const of = (
    method: Parameters<typeof aggregationFor>[0] extends string ? ConstructorParameters<typeof SlotAggregate>[0] : never,
    values: number[],
  ) => {
    const agg = new SlotAggregate(method);
    for (const v of values) agg.add(v);
    return agg.result();
  };
  assert.equal(of('sum', [1, 2, 3]), 6);
  assert.equal(of('average', [1, 2, 6]), 3);
  assert.equal(of('min', [4, 2, 9]), 2);
  assert.equal(of('max', [4, 2, 9]), 9);
  assert.equal(of('last', [4, 2, 9]), 9);
});
