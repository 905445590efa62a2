import { type BurstKind, burstRequest } from '../../e2e/support/burst-requests';
import { forgetManyHubs, manyHubNames } from '../../e2e/support/many-hubs';
import { rawClient } from '../../e2e/support/raw-http';
import { createRandom } from '../../e2e/support/seeded-random';
import { writeYearOfHubs } from '../../e2e/support/year-of-hubs';

/**
 * The burst of e2e/api-burst.spec.ts on the benchmark's dashboard: 8 clients of long-range
 * /api/status, render and export requests over hubs holding a year of data, every range drawn
 * anew, for a fixed time; the RSS goal covers it. Figures only: the spec checks the answers.
 */

const CLIENTS = 8;
const SEED = 20_261_208;

export type BurstHubs = { hubs: string[]; prefix: string; lines: number };
export type BurstFigures = {
  seconds: number;
  answers: number;
  byKind: Record<string, number>;
  noAnswer: number;
  startedAt: number;
  endedAt: number;
};

export async function writeBurstHubs(): Promise<BurstHubs> {
  const run = `bld${Date.now().toString(36).slice(-5)}`;
  const hubs = manyHubNames(run, 12);
  const lines = await writeYearOfHubs(hubs, Math.floor(Date.now() / 1000));
  return { hubs, prefix: `e2e${run}h`, lines };
}

export const forgetBurstHubs = (data: BurstHubs) => forgetManyHubs(data.hubs);

export async function runBurst(base: string, data: BurstHubs, seconds: number): Promise<BurstFigures> {
  const client = rawClient(new URL(base), CLIENTS);
  const random = createRandom(SEED);
  const byKind: Record<string, number> = {};
  let noAnswer = 0;
  const startedAt = Date.now();
  const ends = startedAt + seconds * 1000;
  const one = async () => {
    while (Date.now() < ends) {
      const request = burstRequest(random, data.hubs, data.prefix);
      try {
        const answer = await client.send(request, 120_000);
        const key = `${request.kind as BurstKind} ${answer.status}`;
        byKind[key] = (byKind[key] ?? 0) + 1;
      } catch {
        noAnswer++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: CLIENTS }, one));
  } finally {
    client.close();
  }
  const endedAt = Date.now();
  const answers = Object.values(byKind).reduce((sum, n) => sum + n, 0);
  return { seconds: (endedAt - startedAt) / 1000, answers, byKind, noAnswer, startedAt, endedAt };
}
