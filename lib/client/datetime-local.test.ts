import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromDatetimeLocal, toDatetimeLocal } from './datetime-local';

test('datetime-local round-trips to the minute in the local zone', () => {
  const t = 1_795_604_400; // a whole minute
  assert.equal(fromDatetimeLocal(toDatetimeLocal(t)), t);
  assert.match(toDatetimeLocal(t), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
});

test('empty or malformed values are rejected', () => {
  assert.equal(fromDatetimeLocal(''), null);
  assert.equal(fromDatetimeLocal('2026-13-45T99:99'), null);
  assert.equal(fromDatetimeLocal('yesterday'), null);
});
