import assert from 'node:assert/strict';
import { test } from 'node:test';
import { faultyName, isValidTag, studentName, tagFromTime } from './names';
import { createRandom } from './random';

test('the same seed replays the same choices; another seed does not', () => {
  const draw = (seed: number): number[] => {
    const random = createRandom(seed);
    return Array.from({ length: 20 }, () => random.int(0, 1000));
  };
  assert.deepEqual(draw(42), draw(42));
  assert.notDeepEqual(draw(42), draw(43));
});

test('int stays in its bounds and pick only returns members', () => {
  const random = createRandom(1);
  for (let i = 0; i < 1000; i += 1) {
    const value = random.int(3, 5);
    assert.ok(value >= 3 && value <= 5);
  }
  assert.ok(['a', 'b'].includes(random.pick(['a', 'b'])));
  assert.throws(() => random.pick([]), RangeError);
});

test('names carry the run tag; fault names start with the prefix the spawner reacts to', () => {
  assert.equal(studentName(7, 'm3k9x2'), 'student007-m3k9x2');
  assert.equal(faultyName('mute', 1, 'm3k9x2'), 'mute1-m3k9x2');
  assert.ok(isValidTag(tagFromTime(1_795_605_053_231)));
  assert.ok(!isValidTag('Bad-Tag'));
});
