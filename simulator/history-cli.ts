import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { capturedVersions } from '../collector/fixtures/captures';
import { type HistoryPlan, writeHistory } from './history/course-history';
import { DEMO_DAYS, demoPlan } from './history/demo-plan';

/**
 * `npm run simulator:history -- [--out FILE] [--days N] [--students N] [--seed N] [--version V]`:
 * a course-shaped hub's past log up to now, for `hubwatch-collector backfill`. Without --days it
 * is the demo's fortnight with its three deployments.
 */
const USAGE = `usage: node --import tsx simulator/history-cli.ts [--out FILE] [--days N] [--students N] [--seed N] [--version V]
  --out FILE      write the log there (default stdout)
  --days N        how far back (default ${DEMO_DAYS}, the demo's fortnight with its three deployments)
  --students N    the class (default 120)
  --seed N        the seed (default 18)
  --version V     the JupyterHub version whose lines are written (default 6.1.1; captured: ${capturedVersions().join(', ')})
  --until MS      the end of the history in epoch ms (default now)`;

async function main(): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      options: {
        out: { type: 'string' },
        days: { type: 'string' },
        students: { type: 'string' },
        seed: { type: 'string' },
        version: { type: 'string' },
        until: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const number = (name: string, fallback: number) => {
    const raw = values[name];
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`--${name}: "${raw}" is not a whole number of at least 1`);
    return n;
  };
  let plan: HistoryPlan;
  try {
    const version = values.version ?? '6.1.1';
    if (!capturedVersions().includes(version))
      throw new RangeError(`--version: no capture of JupyterHub ${version} (captured: ${capturedVersions().join(', ')})`);
    const now = number('until', Date.now());
    const base = demoPlan(now, { seed: number('seed', 18), version, students: number('students', 120) });
    plan = values.days === undefined ? base : { ...base, fromMs: now - number('days', DEMO_DAYS) * 86_400_000 };
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const out = values.out === undefined ? process.stdout : createWriteStream(values.out);
  const counts = await writeHistory(plan, out);
  if (out !== process.stdout)
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  process.stderr.write(
    `history: ${counts.lines} lines, ${counts.sessions} sessions, ${counts.starts} starts, failures ${JSON.stringify(counts.failures)}, ${plan.deployments.length} deployments\n`,
  );
  return 0;
}

main().then((code) => {
  process.exitCode = code;
});
