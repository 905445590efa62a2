import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { writeHistory } from '../simulator/history/course-history';
import { demoPlan } from '../simulator/history/demo-plan';

/**
 * npm run bench:backfill: a generated year of a 1,000-student course hub's log (the simulator's
 * history generator), imported by `hubwatch-collector backfill` end to end into the shared
 * stack's carbon under a throw-away hub name, against a bare read-and-regex pass over the same
 * file in the same run. Prints lines/s of both, their ratio (goal >= 0.8), and what carbon's
 * ingest limits cost (the time the backfill waited for carbon to read). The hub's whisper files
 * are deleted afterwards. BENCH_DAYS / BENCH_STUDENTS make it smaller; BENCH_GENERATE_ONLY=1 only
 * writes the log (bench/out/), so the import can then run under flock -x without the generation.
 */
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1000);
const dataDir = process.env.HUBWATCH_DATA_DIR ?? join(process.cwd(), '.data');
const hub = `e2ebench${Date.now().toString(36)}`;

async function bare(file: string): Promise<{ lines: number; seconds: number }> {
  const prefix = /^\[([A-Z]) (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) (\S+) ([^\]]*)\] (.*)$/;
  const t0 = process.hrtime.bigint();
  let lines = 0;
  let matched = 0;
  const rl = createInterface({ input: createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of rl) {
    lines++;
    if (prefix.test(line)) matched++;
  }
  if (matched === 0) throw new Error('the regex matched nothing');
  return { lines, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

function backfill(file: string): Promise<{ seconds: number; summary: string; code: number | null }> {
  const t0 = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'collector/cli.ts', 'backfill', '--hub-name', hub, '--tz', 'UTC', '--force', file],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let summary = '';
  child.stdout.on('data', (c: Buffer) => {
    summary += c.toString();
  });
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code, summary: summary.trim(), seconds: Number(process.hrtime.bigint() - t0) / 1e9 })),
  );
}

async function main(): Promise<void> {
  const dir = join(import.meta.dirname, 'out');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `history-${DAYS}d-${STUDENTS}.log`);
  if (!existsSync(file)) {
    const t0 = Date.now();
    const now = Date.now();
    const plan = { ...demoPlan(now, { students: STUDENTS, seed: 2026 }), fromMs: now - DAYS * 86_400_000 + 3_600_000 };
    const out = createWriteStream(file);
    const counts = await writeHistory(plan, out);
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    console.log(`generated ${counts.lines} lines (${counts.starts} starts) in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${file}`);
  }
  // Generating takes minutes: done once, outside the exclusive lock the import itself needs.
  if (process.env.BENCH_GENERATE_ONLY === '1') return;
  const bytes = statSync(file).size;
  console.log(`log: ${(bytes / 1e9).toFixed(2)} GB, ${DAYS} days of ${STUDENTS} students`);
  await bare(file); // warm the page cache, so both passes read from memory
  const plain = await bare(file);
  try {
    const run = await backfill(file);
    if (run.code !== 0) console.log(`backfill exited ${run.code}`);
    console.log(run.summary);
    const rate = plain.lines / run.seconds;
    const bareRate = plain.lines / plain.seconds;
    const points = Number(/ (\d+) points/.exec(run.summary)?.[1] ?? 0);
    const waited = Number(/carbon slowed it ([\d.]+) s/.exec(run.summary)?.[1] ?? 0);
    console.log(`bare read+regex: ${Math.round(bareRate)} lines/s (${plain.seconds.toFixed(1)} s)`);
    console.log(
      `backfill end to end into carbon: ${Math.round(rate)} lines/s (${run.seconds.toFixed(1)} s), ratio ${(rate / bareRate).toFixed(2)}x (goal >= 0.8x)`,
    );
    const conf = existsSync(join(dataDir, 'etc', 'carbon.conf')) ? readFileSync(join(dataDir, 'etc', 'carbon.conf'), 'utf8') : '';
    const setting = (name: string) => new RegExp(`^${name}\\s*=\\s*(\\S+)`, 'm').exec(conf)?.[1] ?? 'unknown';
    console.log(
      `carbon: ${points} points, ${Math.round(points / run.seconds)} points/s overall; the backfill waited ${waited.toFixed(1)} s (${((100 * waited) / run.seconds).toFixed(0)} % of the run) for carbon to read: the ingest limit carbon set (MAX_UPDATES_PER_SECOND ${setting('MAX_UPDATES_PER_SECOND')}, MAX_CREATES_PER_MINUTE ${setting('MAX_CREATES_PER_MINUTE')}, its cache and disk)`,
    );
  } finally {
    for (const kind of ['counters', 'gauges', 'timers'])
      rmSync(join(dataDir, 'whisper', 'stats', kind, 'jupyterhub', hub), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
