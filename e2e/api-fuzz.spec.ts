import { expect, test } from '@playwright/test';
import { API_ROUTES } from '../lib/http/api-routes';
import { APP_URL } from './support/app-ports';
import { type FuzzCase, fuzzCase } from './support/fuzz-cases';
import { answerProblem } from './support/fuzz-check';
import { pool, rawClient } from './support/raw-http';
import { createRandom } from './support/seeded-random';

// Generated requests over every /api route, method and parameter against `npm start` and the
// real graphite-web: no 5xx but the documented upstream failures, the one error shape on every
// error, a field named in every 4xx (support/fuzz-check.ts). Seeded, so a failure replays:
// HUBWATCH_FUZZ_SEED=<seed> HUBWATCH_FUZZ_CASES=<n> npx playwright test e2e/api-fuzz.spec.ts

const SEED = Number(process.env.HUBWATCH_FUZZ_SEED ?? 20_261_201);
const CASES = Number(process.env.HUBWATCH_FUZZ_CASES ?? 10_000);
const CONCURRENCY = 20;
/** Share of cases valid throughout, which may reach Graphite (the rest are refused before it). */
const REACH_SHARE = 0.03;

test('generated requests: no undocumented 5xx, the error shape on every error', async ({ baseURL }) => {
  test.setTimeout(300_000);
  const random = createRandom(SEED);
  const cases = Array.from({ length: CASES }, () => fuzzCase(random, REACH_SHARE));
  const client = rawClient(new URL(baseURL ?? APP_URL), CONCURRENCY);
  const started = Date.now();
  const problems: string[] = [];
  const statuses = new Map<number, number>();
  const upstream: string[] = [];
  await pool(cases, CONCURRENCY, async (fuzz: FuzzCase) => {
    try {
      const answer = await client.send(fuzz);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      // Graphite failing on a target it was sent: allowed, but worth reading when it is common.
      if (answer.status === 502 && upstream.length < 10) upstream.push(`${fuzz.path.slice(0, 120)} ${fuzz.body?.slice(0, 120) ?? ''}`);
      const problem = answerProblem(fuzz, answer);
      if (problem !== null) problems.push(`${fuzz.method} ${fuzz.path.slice(0, 160)} -> ${problem}`);
    } catch (error) {
      problems.push(`${fuzz.method} ${fuzz.path.slice(0, 160)} -> no answer: ${String(error)}`);
    }
  });
  client.close();
  const seconds = (Date.now() - started) / 1000;
  const reached = cases.filter((c) => c.reachesGraphite).length;
  console.log(
    `fuzz seed ${SEED}: ${cases.length} cases in ${seconds.toFixed(1)} s (${Math.round(cases.length / seconds)} req/s), ` +
      `${reached} valid throughout; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
  );

  if (upstream.length > 0) console.log(`502 examples:\n${upstream.join('\n')}`);
  const sent = new Set(cases.map((c) => `${c.method} ${API_ROUTES.find((r) => r.pattern.test(c.path.split('?')[0] ?? ''))?.path}`));
  const unsent = API_ROUTES.flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)).filter((key) => !sent.has(key));
  expect(unsent).toEqual([]);
  expect(cases.length).toBeGreaterThanOrEqual(10_000);
  expect(problems.slice(0, 25), `${problems.length} problems`).toEqual([]);
});
