import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError } from './route';
import { checkFunctionNames } from './target-functions';

const knowing = (names: string[] | null) => ({ get: async () => (names === null ? null : new Set(names)) });

describe('checkFunctionNames', () => {
  test('an unknown function is a 400 naming the target', async () => {
    await assert.rejects(
      checkFunctionNames(['sumSeries(a)', 'alias(nosuch(b), "x")'], knowing(['sumSeries', 'alias'])),
      (error) => error instanceof ApiError && error.status === 400 && error.message === 'target[1]: unknown function nosuch',
    );
  });

  test("known functions and the grammar's template pass; drop one name from the list and the same targets fail", async () => {
    const targets = ['sumSeries(a)', 'template(alias(a.$x, "y"), x="b")'];
    await assert.doesNotReject(checkFunctionNames(targets, knowing(['sumSeries', 'alias'])));
    await assert.rejects(checkFunctionNames(targets, knowing(['sumSeries'])), {
      message: 'target[1]: unknown function alias',
    });
    // Only `template` itself is the grammar's: a name that merely starts like it is checked.
    await assert.rejects(checkFunctionNames(['templates(a)'], knowing(['sumSeries'])), {
      message: 'target[0]: unknown function templates',
    });
  });

  test('every target with an unknown function is named, in order, in one 400', async () => {
    await assert.rejects(checkFunctionNames(['foo(a)', 'sumSeries(b)', 'alias(bar(c), "x")'], knowing(['sumSeries', 'alias'])), {
      status: 400,
      message: 'target[0]: unknown function foo; target[2]: unknown function bar',
    });
  });

  test('without the list (graphite-web did not give it) nothing is refused; an empty list refuses every call', async () => {
    let asked = 0;
    const unavailable = {
      get: async () => {
        asked += 1;
        return null;
      },
    };
    await assert.doesNotReject(checkFunctionNames(['nosuch(a)'], unavailable));
    assert.equal(asked, 1);
    await assert.rejects(checkFunctionNames(['nosuch(a)'], knowing([])), { message: 'target[0]: unknown function nosuch' });
    // A plain path calls no function, so even an empty list lets it through.
    await assert.doesNotReject(checkFunctionNames(['stats.gauges.jupyterhub.a.hub.up'], knowing([])));
  });
});
