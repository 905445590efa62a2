import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deploymentInputSchema } from '@/lib/deployments/input';
import { formatIssues } from '@/lib/http/route';

const NOW = 1_800_000_000;
const schema = deploymentInputSchema(() => NOW);

function problem(body: unknown): string {
  const parsed = schema.safeParse(body);
  return parsed.success ? 'accepted' : formatIssues(parsed.error.issues);
}

describe('POST /api/deployments body', () => {
  test('defaults: source api, kind deploy; text kept exactly as given', () => {
    const what = '  <b>New</b> image 2026.11 & "more"  ';
    assert.deepEqual(schema.parse({ hub: 'demo', what }), { hub: 'demo', what, source: 'api', kind: 'deploy' });
  });

  const ok = { hub: 'demo', what: 'x' };
  for (const [body, expected] of [
    [{ ...ok, when: NOW + 3_600 }, 'accepted'],
    [{ ...ok, version: null }, 'accepted'],
    [{ ...ok, when: NOW + 3_601 }, 'when: must be epoch seconds between 946684800 (2000-01-01) and one hour from now'],
    [{ ...ok, when: NOW * 1000 }, 'when: must be epoch seconds between 946684800 (2000-01-01) and one hour from now'],
    [{ ...ok, when: 1.5 }, 'when: must be whole epoch seconds'],
    [{ ...ok, link: 'javascript:alert(1)' }, 'link: must be an http:// or https:// URL'],
    [{ ...ok, what: 'a\nb' }, 'what: must be one line without control characters'],
    [{ ...ok, what: 'x'.repeat(256) }, 'what: longer than the limit of 255 characters'],
    [{ ...ok, hub: 'a b' }, 'hub: must be a hub name: letters, digits, _ and - only'],
    [{ ...ok, hub: 'x'.repeat(47) }, 'hub: longer than the limit of 46 characters'],
    [{ ...ok, verison: '1', extra: 2 }, 'unknown fields: verison, extra'],
    [{ ...ok, source: 'ci' }, 'source: must be one of api, cli, auto'],
    [[], 'body: must be a JSON object'],
    [{}, 'hub: required; what: required'],
    [{ hub: 1, what: 'x' }, 'hub: must be a string'],
  ] as const) {
    test(`${JSON.stringify(body).slice(0, 70)} -> ${expected}`, () => {
      assert.equal(problem(body), expected);
    });
  }
});
