import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ComparisonKind, MeasureVerdict } from '@/lib/api/impact';
import { deploymentVerdict } from './deployment-verdict';
import { WITHOUT_LAST_WEEK } from './judge';
import { MEASURE_IDS, type MeasureId } from './measures';

function judged(
  comparison: ComparisonKind,
  verdicts: Partial<Record<MeasureId, { verdict: MeasureVerdict; reason: string; comparison?: ComparisonKind }>>,
) {
  return Object.fromEntries(
    MEASURE_IDS.map((id) => {
      const m = verdicts[id];
      return [
        id,
        {
          verdict: m?.verdict ?? 'no_change',
          reason: m?.reason ?? `${id}: no significant change`,
          comparison: m?.comparison ?? comparison,
          seasonal: false,
          samples: { before: 200, after: 200 },
          needed: null,
        },
      ];
    }),
  ) as Parameters<typeof deploymentVerdict>[0];
}

const times = (text: string, phrase: RegExp) => text.match(new RegExp(phrase.source, 'gi'))?.length ?? 0;

test('without last week the paragraph says so once, however many measures it names', () => {
  const { verdict, reason } = deploymentVerdict(
    judged('before_only', {
      spawnWaitP50: { verdict: 'worse', reason: `Typical wait worse: 24.4 s after vs 4.0 s before (p = 0.001), ${WITHOUT_LAST_WEEK}` },
      spawnWaitP95: { verdict: 'worse', reason: `Slow starts worse: 40 s after vs 9 s before (p = 0.001), ${WITHOUT_LAST_WEEK}` },
    }),
    false,
    false,
  );
  assert.equal(verdict, 'worse');
  assert.equal(times(reason, /last week has no data/), 1, reason);
  assert.match(reason, /24\.4 s after vs 4\.0 s before/);
  assert.match(reason, /40 s after vs 9 s before/);
});

test('with last week for some measures, the one without it is named once', () => {
  const { reason } = deploymentVerdict(
    judged('before_and_last_week', {
      spawnWaitP50: {
        verdict: 'worse',
        reason: `Typical wait worse: 24.4 s after vs 4.0 s before (p = 0.001), ${WITHOUT_LAST_WEEK}`,
        comparison: 'before_only',
      },
    }),
    false,
    false,
  );
  assert.equal(times(reason, /last week has no data/), 1, reason);
  assert.match(reason, /same windows one week earlier \(last week has no data for .+: before\/after alone\)\./);
});
