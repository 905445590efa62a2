import { type FuzzCase, fuzzCase } from '../../e2e/support/fuzz-cases';
import { pool, rawClient } from '../../e2e/support/raw-http';
import { createRandom } from '../../e2e/support/seeded-random';

/**
 * The fuzz test's generated requests (the same generator and seed as e2e/api-fuzz.spec.ts) sent
 * to the benchmark's dashboard after the load runs, so its RSS is measured through both together,
 * as the memory goal asks. Figures only: the spec is what checks the answers.
 */

export type FuzzFigures = {
  cases: number;
  seconds: number;
  statuses: Record<string, number>;
  noAnswer: number;
  startedAt: number;
  endedAt: number;
};

const SEED = 20_261_201;
const CONCURRENCY = 20;
const REACH_SHARE = 0.03;

export async function runFuzz(base: string, cases: number): Promise<FuzzFigures> {
  const random = createRandom(SEED);
  const all: FuzzCase[] = Array.from({ length: cases }, () => fuzzCase(random, REACH_SHARE));
  const client = rawClient(new URL(base), CONCURRENCY);
  const statuses: Record<string, number> = {};
  let noAnswer = 0;
  const startedAt = Date.now();
  try {
    await pool(all, CONCURRENCY, async (fuzz) => {
      try {
        const answer = await client.send(fuzz, 30_000);
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      } catch {
        noAnswer++;
      }
    });
  } finally {
    client.close();
  }
  const endedAt = Date.now();
  return { cases, seconds: (endedAt - startedAt) / 1000, statuses, noAnswer, startedAt, endedAt };
}
