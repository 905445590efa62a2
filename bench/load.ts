/**
 * npm run bench:load — the first minute of a lecture: a class on the status page at
 * once, measured on this machine against the real stack with a real `npm start` (bench/run.sh
 * starts the stack if needed and builds when sources are newer). Prints figures; never fails on them.
 *
 * 1. autocannon, 500 connections for 20 s on `/` and then on `/api/status` (a live range, the
 *    hub the dashboard discovers itself, or BENCH_LOAD_HUB): req/s, latency p50/p97.5/p99
 *    (autocannon's), errors, timeouts, non-2xx. Goals: >= 1,000 req/s, p97.5 <= 250 ms, 0 errors.
 * 2. What graphite-web received during each run: the lines its access log gained, by path, and
 *    requests per distinct query per 10 s (goal <= 1). The access log is the whole shared stack's
 *    and shows no POST body, so the distinct queries are counted by a pass-through in front of
 *    graphite-web that only this benchmark's dashboard uses (BENCH_LOAD_RECORDER=off: straight).
 * 3. Freshness: chromium on `/` for a live range of a test hub; a failed start sent to StatsD;
 *    seconds until the open page shows it (goal: within 20 s), median and max of a few tries.
 * 2b. The fuzz test's generated requests (e2e/support/fuzz-cases.ts, its seed, 10,000) on the same
 *    dashboard, so the RSS goal covers the load and the fuzz run together.
 * 2c. The burst of e2e/api-burst.spec.ts (8 clients of long-range /api/status, render and export
 *    requests over 12 hubs holding a year of data, written to carbon first and removed at the end).
 * 4. The dashboard's RSS (the node process running server.ts under `npm start`, VmRSS sampled
 *    every 500 ms, with its anonymous and file-backed parts): before, peak, after (goal <= 350 MB).
 * All of it BENCH_LOAD_STARTS times (3), each on a freshly started dashboard (the freshness tries
 * on the first only): the first minute after a start is what the memory goal must hold.
 *
 * Options (env): BENCH_LOAD_DURATION (20 s), BENCH_LOAD_CONNECTIONS (500), BENCH_LOAD_TRIES (4),
 * BENCH_LOAD_FUZZ_CASES (10,000; 0 skips the fuzz run), BENCH_LOAD_BURST_S (30; 0 skips the burst),
 * BENCH_LOAD_STARTS (3 fresh dashboards in a row),
 * BENCH_LOAD_ACCESS_LOG (the single graphite-web's access log under HUBWATCH_DATA_DIR),
 * BENCH_LOAD_HUB (unset: no `?hub=`, so hub discovery is part of the load), BENCH_LOAD_PORT (3210),
 * BENCH_LOAD_CPU_PROF=<dir>: the dashboard's command runs as `node --cpu-prof` into <dir> (written
 * when it stops; not through npm, since NODE_OPTIONS refuses --cpu-prof) for a diagnosis; the figures of such a run go to load-cpu-prof.json,
 * since the profiler costs time. BENCH_LOAD_TRIES=0 skips the freshness tries.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { benchEnv, graphiteBase, intInRange, onOff, optionalText, text } from './bench-env';
import { countSince, type LogCount, logSize } from './load/access-log';
import { type LoadFigures, runLoad } from './load/autocannon-run';
import { type BurstFigures, type BurstHubs, forgetBurstHubs, runBurst, writeBurstHubs } from './load/burst-run';
import { type Dashboard, freePort, serverPid, startDashboard, stopDashboard } from './load/dashboard';
import { type FreshnessFigures, measureFreshness } from './load/freshness';
import { runFuzz } from './load/fuzz-run';
import { countQueries, type GraphiteRecorder, type QueryCount, startRecorder } from './load/graphite-recorder';
import { rssMb, rssParts, sampleRss } from './load/rss';

const ROOT = join(__dirname, '..');
const ENV = benchEnv({
  GRAPHITE_URL: graphiteBase('http://127.0.0.1:8080'),
  HUBWATCH_DATA_DIR: text(join(ROOT, '.data')),
  BENCH_LOAD_ACCESS_LOG: optionalText,
  BENCH_LOAD_DURATION: intInRange(1, 3600, 20),
  BENCH_LOAD_CONNECTIONS: intInRange(1, 10_000, 500),
  BENCH_LOAD_TRIES: intInRange(1, 100, 4),
  BENCH_LOAD_HUB: optionalText,
  BENCH_LOAD_PORT: intInRange(1, 65_535, 3210),
  BENCH_LOAD_RECORDER: onOff('on'),
  BENCH_LOAD_FUZZ_CASES: intInRange(0, 1_000_000, 10_000),
  BENCH_LOAD_CPU_PROF: optionalText,
  BENCH_LOAD_BURST_S: intInRange(0, 3600, 30),
  BENCH_LOAD_STARTS: intInRange(1, 10, 3),
});
const GRAPHITE = ENV.GRAPHITE_URL;
const DATA_DIR = ENV.HUBWATCH_DATA_DIR;
// With the cluster stack, :8080 is the federating front: point this at graphite-front-access.log.
const ACCESS_LOG = ENV.BENCH_LOAD_ACCESS_LOG ?? join(DATA_DIR, 'logs', 'graphite-web-access.log');
const DURATION_S = ENV.BENCH_LOAD_DURATION;
const CONNECTIONS = ENV.BENCH_LOAD_CONNECTIONS;
const TRIES = ENV.BENCH_LOAD_TRIES;
const HUB = ENV.BENCH_LOAD_HUB;
const FIRST_PORT = ENV.BENCH_LOAD_PORT;
const RECORDER = ENV.BENCH_LOAD_RECORDER === 'on';
const FUZZ_CASES = ENV.BENCH_LOAD_FUZZ_CASES;
const CPU_PROF_DIR = ENV.BENCH_LOAD_CPU_PROF;
const BURST_S = ENV.BENCH_LOAD_BURST_S;
const STARTS = ENV.BENCH_LOAD_STARTS;
const SETTLE_MS = 5_000;

const GOALS = { reqPerSec: 1_000, p97_5Ms: 250, perQueryPer10s: 1, freshnessS: 20, rssMb: 350 };

type RunReport = { path: string; load: LoadFigures; log: LogCount; queries: QueryCount | null; rssPeakMb: number | null };

const fmt = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined || !Number.isFinite(n)
    ? 'n/a'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

async function firstVisitor(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  const body = await response.text();
  return `${response.status}, ${(body.length / 1024).toFixed(0)} KB`;
}

async function resolvedHub(base: string, query: string): Promise<string> {
  try {
    const response = await fetch(`${base}/api/status${query}`, { signal: AbortSignal.timeout(60_000) });
    const body: unknown = await response.json();
    const hub = typeof body === 'object' && body !== null && 'hub' in body ? body.hub : null;
    return typeof hub === 'object' && hub !== null && 'name' in hub && typeof hub.name === 'string'
      ? hub.name
      : `? (HTTP ${response.status})`;
  } catch (error) {
    return `? (${error instanceof Error ? error.message : String(error)})`;
  }
}

async function loadRun(
  dashboard: Dashboard,
  path: string,
  recorder: GraphiteRecorder | null,
  rss: ReturnType<typeof sampleRss>,
): Promise<RunReport> {
  const url = `${dashboard.base}${path}`;
  console.log(`   ${path}: first visitor ${await firstVisitor(url)}; ${CONNECTIONS} connections for ${DURATION_S} s …`);
  const offset = logSize(ACCESS_LOG);
  const load = await runLoad(url, CONNECTIONS, DURATION_S);
  const log = countSince(ACCESS_LOG, offset);
  const queries = recorder === null ? null : countQueries(recorder.records, load.startedAt, load.endedAt);
  const report = { path, load, log, queries, rssPeakMb: rss.peak(load.startedAt, load.endedAt) };
  await sleep(SETTLE_MS); // let answers still queued drain before the next run counts anything
  return report;
}

function printRuns(runs: RunReport[]): void {
  const row = (label: string, cell: (r: RunReport) => string, goal = '') =>
    console.log(`   ${label.padEnd(40)}${runs.map((r) => cell(r).padStart(22)).join('')}   ${goal}`);
  row('', (r) => r.path);
  row('req/s', (r) => fmt(r.load.reqPerSec), `goal >= ${fmt(GOALS.reqPerSec)}`);
  row('requests in the run', (r) => fmt(r.load.total));
  row(
    'latency p50 / p97.5 / p99 ms',
    (r) => `${fmt(r.load.p50Ms)} / ${fmt(r.load.p97_5Ms)} / ${fmt(r.load.p99Ms)}`,
    `goal p97.5 <= ${GOALS.p97_5Ms}`,
  );
  row('latency max ms', (r) => fmt(r.load.maxMs));
  row('errors (incl. timeouts) / timeouts', (r) => `${fmt(r.load.errors)} / ${fmt(r.load.timeouts)}`, 'goal 0');
  row('non-2xx', (r) => fmt(r.load.non2xx), 'goal 0');
  row(
    'status codes',
    (r) =>
      Object.entries(r.load.statusCodes)
        .map(([c, n]) => `${c}:${n}`)
        .join(' ') || '-',
  );
  row('goals (req/s, p97.5, errors)', (r) =>
    [r.load.reqPerSec >= GOALS.reqPerSec, r.load.p97_5Ms <= GOALS.p97_5Ms, r.load.errors + r.load.non2xx === 0].map(mark).join(' '),
  );
  console.log(`   graphite-web, from its access log ${ACCESS_LOG} (whole shared stack: may include others' requests)`);
  row('lines added', (r) => fmt(r.log.lines));
  row('render / find / metrics / events / other', (r) =>
    [r.log.byKind.render, r.log.byKind.find, r.log.byKind.metrics, r.log.byKind.events, r.log.byKind.other].join(' / '),
  );
  row('of which from a hubwatch dashboard', (r) => fmt(r.log.fromDashboards));
  row('distinct request lines (POST unseen)', (r) => fmt(r.log.distinctRequestLines));
  if (runs.some((r) => r.queries !== null)) {
    console.log("   graphite-web requests from this benchmark's dashboard only (pass-through, bodies included)");
    row('requests', (r) => fmt(r.queries?.requests));
    row('render / find / metrics / events / other', (r) =>
      r.queries === null
        ? 'n/a'
        : [r.queries.byKind.render, r.queries.byKind.find, r.queries.byKind.metrics, r.queries.byKind.events, r.queries.byKind.other].join(
            ' / ',
          ),
    );
    row('distinct queries', (r) => fmt(r.queries?.distinctQueries));
    row('requests per distinct query per 10 s', (r) => fmt(r.queries?.perQueryPer10s, 2), `goal <= ${GOALS.perQueryPer10s}`);
    row('  the most asked query, per 10 s', (r) => fmt(r.queries?.worstPerQueryPer10s, 2));
  }
  row('dashboard RSS peak during the run (MB)', (r) => fmt(r.rssPeakMb), `goal <= ${GOALS.rssMb}`);
  for (const r of runs) if (r.queries?.worstQuery) console.log(`   most asked during ${r.path}: ${r.queries.worstQuery}`);
}

function printFreshness(f: FreshnessFigures): { medianS: number | null; maxS: number | null } {
  const medianS = median(f.seconds);
  const maxS = f.seconds.length === 0 ? null : Math.max(...f.seconds);
  console.log(`   ${f.url} (test hub ${f.hub}, removed afterwards)`);
  console.log(`   first count (also creates the series): ${fmt(f.firstCountSeconds, 1)} s`);
  console.log(`   tries: ${f.seconds.map((s) => fmt(s, 1)).join(', ')} s${f.missed > 0 ? `; ${f.missed} not shown within 90 s` : ''}`);
  const ok = maxS !== null && maxS <= GOALS.freshnessS && f.missed === 0;
  console.log(`   median ${fmt(medianS, 1)} s, max ${fmt(maxS, 1)} s (goal: within ${GOALS.freshnessS} s: ${mark(ok)})`);
  return { medianS, maxS };
}

/** Waits until graphite-web serves the year of the last burst hub (carbon writes a file's points as it gets to them). */
async function waitForBurstData(data: BurstHubs): Promise<void> {
  const last = data.hubs.at(-1) ?? '';
  const target = `stats.counters.jupyterhub.${last}.spawns.success.count`;
  for (let i = 0; i < 90; i++) {
    const body = new URLSearchParams({ target, from: '-365d', until: 'now', format: 'json', maxDataPoints: '12' });
    try {
      const answer = await fetch(`${GRAPHITE}/render`, { method: 'POST', body, signal: AbortSignal.timeout(10_000) });
      const series = (await answer.json()) as { datapoints: [number | null, number][] }[];
      if ((series[0]?.datapoints.filter(([v]) => v !== null).length ?? 0) >= 11) return;
    } catch {
      // graphite-web busy or carbon still writing: ask again
    }
    await sleep(2_000);
  }
  console.log('   (the burst hubs were not all readable after 3 minutes; the burst runs on what is there)');
}

type StartReport = {
  start: number;
  rss: { beforeMb: number | null; peakMb: number | null; afterMb: number | null; peakAnonMb: number | null; fileMbAtPeak: number | null };
  phases: Record<string, number | null>;
  burst: BurstFigures | null;
};

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, '.next', 'BUILD_ID'))) throw new Error('no production build: run `npx next build` first');
  const recorder = RECORDER ? await startRecorder(GRAPHITE, await freePort(FIRST_PORT + 80)) : null;
  let burstData: BurstHubs | null = null;
  try {
    if (BURST_S > 0) {
      burstData = await writeBurstHubs();
      console.log(
        `burst data: a year for ${burstData.hubs.length} hubs (${burstData.lines.toLocaleString('en-US')} points through carbon's line protocol) …`,
      );
      await waitForBurstData(burstData);
    }
    const reports: StartReport[] = [];
    for (let start = 1; start <= STARTS; start++) {
      console.log(`\n===== start ${start} of ${STARTS}: a freshly started dashboard =====`);
      reports.push(await measure(await freePort(FIRST_PORT), recorder, start, burstData));
      // The stopped dashboard lets requests finish for up to 5 s: the next start gets the cores to itself.
      await sleep(6_000);
    }
    console.log(`\nDashboard RSS on ${STARTS} fresh starts in a row (goal <= ${GOALS.rssMb} MB through load, fuzz and burst)`);
    for (const r of reports) {
      const phases = Object.entries(r.phases)
        .map(([phase, mb]) => `${phase} ${fmt(mb)}`)
        .join(', ');
      console.log(
        `   start ${r.start}: before ${fmt(r.rss.beforeMb)}, peak ${fmt(r.rss.peakMb)} MB (${mark((r.rss.peakMb ?? 0) <= GOALS.rssMb)}; anonymous ${fmt(r.rss.peakAnonMb)}, file-backed ${fmt(r.rss.fileMbAtPeak)}), after ${fmt(r.rss.afterMb)}; peaks by phase: ${phases}`,
      );
    }
    writeFileSync(join(ROOT, 'bench', 'out', 'load-starts.json'), `${JSON.stringify(reports, null, 2)}\n`);
  } finally {
    await recorder?.close();
    if (burstData !== null)
      await forgetBurstHubs(burstData).catch((error: unknown) => console.error(`burst hubs not removed: ${String(error)}`));
  }
}

async function measure(port: number, recorder: GraphiteRecorder | null, start: number, burstData: BurstHubs | null): Promise<StartReport> {
  const profile = CPU_PROF_DIR === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`];
  const dashboard = await startDashboard(ROOT, port, { GRAPHITE_URL: recorder?.url ?? GRAPHITE }, profile);
  const stop = () => stopDashboard(dashboard);
  process.on('exit', stop);
  process.on('SIGINT', () => process.exit(130));
  const pid = serverPid(dashboard);
  const rss = sampleRss(pid);
  let peakAnonMb = 0;
  let fileMbAtPeak: number | null = null;
  const parts = setInterval(() => {
    const now = rssParts(pid);
    if (now !== null && now.anonMb > peakAnonMb) {
      peakAnonMb = now.anonMb;
      fileMbAtPeak = now.fileMb;
    }
  }, 500);
  parts.unref();
  try {
    const rssBeforeMb = rssMb(pid);
    const query = HUB === undefined ? '' : `?hub=${encodeURIComponent(HUB)}`;
    console.log(
      `bench:load — npm start on ${dashboard.base} (server.ts pid ${pid}), graphite-web ${GRAPHITE}${recorder ? ` via ${recorder.url}` : ''}`,
    );
    console.log(
      `   hub: ${HUB === undefined ? 'none given, the dashboard discovers it:' : 'given:'} ${await resolvedHub(dashboard.base, query)}; live range, the default (-1h .. now)`,
    );
    console.log(
      `   load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} on ${cpus().length} CPUs (shared machine)\n`,
    );

    console.log('1-2. autocannon, side by side, and what graphite-web received meanwhile');
    const runs = [await loadRun(dashboard, `/${query}`, recorder, rss), await loadRun(dashboard, `/api/status${query}`, recorder, rss)];
    printRuns(runs);

    console.log(
      `\n2b. The fuzz test's ${FUZZ_CASES.toLocaleString('en-US')} generated requests (seeded, 20 at a time), on the same dashboard`,
    );
    const fuzz = FUZZ_CASES > 0 ? await runFuzz(dashboard.base, FUZZ_CASES) : null;
    const fuzzRssMb = fuzz === null ? null : rss.peak(fuzz.startedAt, fuzz.endedAt);
    if (fuzz === null) console.log('   skipped (BENCH_LOAD_FUZZ_CASES=0)');
    else {
      const codes = Object.entries(fuzz.statuses)
        .map(([code, n]) => `${code}:${n}`)
        .join(' ');
      console.log(
        `   ${fmt(fuzz.cases)} in ${fmt(fuzz.seconds, 1)} s, statuses ${codes}, no answer ${fuzz.noAnswer}; RSS peak ${fmt(fuzzRssMb)} MB`,
      );
    }

    console.log(`\n2c. The burst: 8 clients of long-range /api/status, render and export for ${BURST_S} s`);
    const burst = burstData === null ? null : await runBurst(dashboard.base, burstData, BURST_S);
    const burstRssMb = burst === null ? null : rss.peak(burst.startedAt, burst.endedAt);
    if (burst === null) console.log('   skipped (BENCH_LOAD_BURST_S=0)');
    else {
      const kinds = Object.entries(burst.byKind)
        .sort()
        .map(([k, n]) => `${k}:${n}`)
        .join(' ');
      console.log(
        `   ${fmt(burst.answers)} answers in ${fmt(burst.seconds, 1)} s (${kinds}), no answer ${burst.noAnswer}; RSS peak ${fmt(burstRssMb)} MB`,
      );
    }

    const tries = start === 1 ? TRIES : 0;
    console.log(`\n3. Freshness: a failed start sent to StatsD until an open page shows it (${tries} tries)`);
    const freshnessStarted = Date.now();
    const freshness = tries > 0 ? await measureFreshness(dashboard.base, GRAPHITE, tries) : null;
    const freshSummary = freshness === null ? null : printFreshness(freshness);
    if (freshness === null) console.log(start === 1 ? '   skipped (BENCH_LOAD_TRIES=0)' : '   on the first start only');
    const freshnessRssMb = freshness === null ? null : rss.peak(freshnessStarted);

    await sleep(SETTLE_MS);
    rss.stop();
    const rssAfterMb = rssMb(pid);
    const rssPeakMb = rss.peak();
    console.log(`\n4. Dashboard RSS (VmRSS of the server.ts node process, ${rss.count()} samples every 500 ms)`);
    console.log(
      `   before ${fmt(rssBeforeMb)} MB, peak ${fmt(rssPeakMb)} MB, after ${fmt(rssAfterMb)} MB (goal <= ${GOALS.rssMb} MB: ${mark((rssPeakMb ?? 0) <= GOALS.rssMb)})`,
    );
    console.log(
      `   peaks: during / ${fmt(runs[0]?.rssPeakMb)} MB, during /api/status ${fmt(runs[1]?.rssPeakMb)} MB, during the fuzz run ${fmt(fuzzRssMb)} MB, during the burst ${fmt(burstRssMb)} MB, during the freshness tries ${fmt(freshnessRssMb)} MB`,
    );
    console.log(`   anonymous memory (heaps, buffers) peaked at ${fmt(peakAnonMb)} MB, file-backed (code) then ${fmt(fileMbAtPeak)} MB`);
    const [load1, load5] = loadavg();
    console.log(`   load average ${fmt(load1, 2)} (1 min), ${fmt(load5, 2)} (5 min) at the end`);

    const out = join(ROOT, 'bench', 'out');
    mkdirSync(out, { recursive: true });
    const report = {
      at: new Date().toISOString(),
      cpus: cpus().length,
      loadAverageAtEnd: loadavg(),
      goals: GOALS,
      graphite: GRAPHITE,
      recorder: recorder !== null,
      runs,
      cpuProfileDir: CPU_PROF_DIR ?? null,
      fuzz,
      freshness: freshness === null ? null : { ...freshness, ...freshSummary },
      burst,
      rss: {
        beforeMb: rssBeforeMb,
        peakMb: rssPeakMb,
        afterMb: rssAfterMb,
        fuzzPeakMb: fuzzRssMb,
        burstPeakMb: burstRssMb,
        freshnessPeakMb: freshnessRssMb,
        peakAnonMb,
      },
    };
    const file = CPU_PROF_DIR === undefined ? `load-${start}.json` : `load-cpu-prof-${start}.json`;
    writeFileSync(join(out, file), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\n(figures also in bench/out/${file})`);
    return {
      start,
      rss: { beforeMb: rssBeforeMb, peakMb: rssPeakMb, afterMb: rssAfterMb, peakAnonMb, fileMbAtPeak },
      phases: {
        '/': runs[0]?.rssPeakMb ?? null,
        '/api/status': runs[1]?.rssPeakMb ?? null,
        fuzz: fuzzRssMb,
        burst: burstRssMb,
        freshness: freshnessRssMb,
      },
      burst,
    };
  } finally {
    clearInterval(parts);
    rss.stop();
    stop();
  }
}

main()
  .catch((error: unknown) => {
    console.error(`bench:load failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  // Run under the shared lock: a socket or timer left open by a failure must not keep it held.
  .finally(() => process.exit());
