import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createDropTracker, isSuddenDrop, SUSPECT_MS } from './series-drop';

describe('series drop', () => {
  test('a quarter of the series and at least one', () => {
    assert.equal(isSuddenDrop(8, 6), true);
    assert.equal(isSuddenDrop(8, 7), false);
    assert.equal(isSuddenDrop(1, 0), true);
    assert.equal(isSuddenDrop(3, 4), false);
  });

  test('flags a drop against the same query only, clears on recovery or after a while', () => {
    let clock = 1_000_000_000_000;
    const drops = createDropTracker(() => clock);
    drops.note('q', 10);
    drops.note('other', 4);
    clock += 10_000;
    drops.note('q', 5);
    assert.deepEqual(drops.recent(['q']), { before: 10, after: 5, at: 1_000_000_010 });
    assert.equal(drops.recent(['other']), null);
    assert.deepEqual(drops.recent(), { before: 10, after: 5, at: 1_000_000_010 });
    // Still 5 ten seconds later: still suspect, against the count before the drop.
    clock += 10_000;
    drops.note('q', 5);
    assert.equal(drops.recent(['q'])?.before, 10);
    clock += 10_000;
    drops.note('q', 10);
    assert.equal(drops.recent(['q']), null);

    drops.note('q', 2);
    clock += SUSPECT_MS + 1;
    assert.equal(drops.recent(['q']), null, 'an old drop is forgotten');
  });
});
