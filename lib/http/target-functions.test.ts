import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError } from './route';
import { checkFunctionNames } from './target-functions';

const knowing = (names: string[] | null) => ({ get: async () => (names === null ? null : new Set(names)) });

describe('checkFunctionNames', () => {
  test('an unknown function is a 400 naming the target', async () => {
    await assert.rejects(
      checkFunctionNames(['sumSeries(a)', 'alias(nosuch(b), "x")'], knowing(['sumSeries', 'alias'])),
      (error) =>
        error instanceof ApiError && error.status === 400 && error.message === 'target[1]: unknown function nosuch',
    );
  });

  test("known functions and the grammar's template pass", async () => {
    await checkFunctionNames(['sumSeries(a)', 'template(alias(a.$x, "y"), x="b")'], knowing(['sumSeries', 'alias']));
  });

  test('without the list nothing is refused', async () => {
    await checkFunctionNames(['nosuch(a)'], knowing(null));
  });
});
