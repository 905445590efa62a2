import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type APIRequestContext, expect, type TestInfo, test } from '@playwright/test';
import { type ImpactResponse, impactResponseSchema } from '../lib/api/impact';
import { parseLedger, summarise } from '../simulator/ledger';
import { APP_URL } from './support/app-ports';
import { restartHub } from './support/demo-hub-config';
import { E2E_DEPLOY_TOKEN } from './support/deploy-token';
import { forgetHub } from './support/forget-hub';
import { defaultHubVersion, expectedHubVersion } from './support/hub-version';
import { withDemoHub } from './support/simulated-class';
import { CLUSTER } from './support/stack-mode';
import { type Child, startTsx, stopChild } from './support/tsx-child';

// Deployment impact, the four cases against the real demo hub, driven by the classroom simulator, on one
// timeline of a fresh hub name (each window is 10 minutes, the smallest; every after-window is
// read while still running, `partial: true`, before the next phase reaches it):
//   A  one class                 -> plain restart (the collector records kind `restart`)
//   B  one class                 -> "a second section joins": recorded through the API, no hub change
//   C  the class doubled         -> spawner 1.0 -> 1.1 with a 5 s start delay (recorded by the collector)
//   D  the class doubled, slow
// The doubled class comes before the slow deployment so that its window before holds one hub
// configuration only. The hub runs with limits that fit the doubled class (a hub sized for its
// students), so twice the students is twice the traffic, not a different hub; the default
// configuration is restored at the end whatever happens.

const repo = process.cwd();
const dataDir = process.env.HUBWATCH_DATA_DIR ?? join(repo, '.data');
const hubLog = join(dataDir, 'logs', 'hub.log');
const collectorTokenFile = join(dataDir, 'etc', 'jupyterhub_api_token');
const simulatorTokenFile = join(dataDir, 'etc', 'jupyterhub_simulator_token');
const runId = Date.now().toString(36);
const hubName = `e2e${runId}`;
const WINDOW = '10min';
/** Students per section; a phase of one section gives 20+ timed starts, a `no_change` needs 20 per window. */
const SECTION = 6;
/**
 * Room for two sections at once: neither throttling nor the active-server limit depends on class
 * size. The students' servers are light_server.py (JH_LIGHT_SERVERS=1), not notebook servers: a
 * notebook server takes 1-2 s of CPU to start, so twelve at once made the 2-core machine, not the
 * hub, the bottleneck of the doubled class, and its waits tripled with whatever else ran (seen both
 * on 6.1.1 and on 3.0). The hub, its spawner and its proxy are the real ones.
 */
const SIZED = { JH_LIGHT_SERVERS: '1', JH_SPAWN_LIMIT: '12', JH_ACTIVE_LIMIT: '30' };
const SLOW = { ...SIZED, JH_SPAWNER_VERSION: '1.1', JH_SPAWN_DELAY_S: '5' };
const auth = { authorization: `Bearer ${E2E_DEPLOY_TOKEN}` };

type Listed = { deployments: { id: number; when: number; what: string; source: string; kind: string }[] };
type PhaseResult = { starts: number; attempts: number; seconds: number; users: string[] };

let workDir = '';
const since = Math.floor(Date.now() / 1000) - 60;

async function deployments(request: APIRequestContext): Promise<Listed['deployments']> {
  const response = await request.get(`/api/deployments?hub=${hubName}&from=${since}&until=now`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as Listed).deployments;
}

/** Waits until the collector has recorded a new event matching `wanted`, and returns it. */
async function recorded(request: APIRequestContext, wanted: (d: Listed['deployments'][number]) => boolean, output: () => string) {
  for (let i = 0; i < 45; i++) {
    const found = (await deployments(request)).find(wanted);
    if (found) return found;
    await sleep(2_000);
  }
  throw new Error(`the collector recorded no such event:\n${output().slice(-3000)}`);
}

/** Successful starts the ledgers hold so far (a line being written is not counted yet). */
function successesSoFar(ledgers: string[]): number {
  let n = 0;
  for (const ledger of ledgers) {
    if (!existsSync(ledger)) continue;
    for (const line of readFileSync(ledger, 'utf8').split('\n')) {
      if (line.includes('"kind":"spawn"') && line.includes('"outcome":"success"')) n++;
    }
  }
  return n;
}

/**
 * One phase: `sections` classroom simulators in loop mode (short lectures and breaks, so a minute
 * holds many starts), each its own section of SECTION students, until their ledgers hold
 * `minStarts` successful starts (at most `maxSeconds`); then SIGTERM, on which each finishes its
 * step and stops its servers. Ending on the count, not on a fixed time, gives every window the
 * starts it is judged on and no more waiting. Seeds are fixed so reruns replay the choices.
 */
async function phase(label: string, sections: number, minStarts: number, maxSeconds: number): Promise<PhaseResult> {
  const started = Date.now();
  const sims: { child: Child; ledger: string }[] = [];
  for (let s = 1; s <= sections; s++) {
    const ledger = join(workDir, `${label}-${s}.jsonl`);
    const args = [
      '--students',
      String(SECTION),
      '--tag',
      `${runId.slice(-6)}${label}${s}`,
      '--seed',
      String(100 * s + label.charCodeAt(0)),
    ];
    // No deliberate crashes: with lectures this short, a crash either reaches the hub's 5 s poll or
    // is stopped with the rest first, so the crash counts of two phases varied 2 to 6 and decided
    // the doubled class's verdict once (crashRate `worse`). The crash rate is unit-tested.
    const pace = ['--lecture-seconds', '2-4', '--break-seconds', '2-5', '--crash-chance', '0', '--ledger', ledger];
    sims.push({ child: startTsx(['simulator/cli.ts', ...args, ...pace], { HUBWATCH_DATA_DIR: dataDir }), ledger });
  }
  const deadline = started + maxSeconds * 1000;
  while (Date.now() < deadline && successesSoFar(sims.map((sim) => sim.ledger)) < minStarts) await sleep(1_000);
  for (const { child } of sims) child.process.kill('SIGTERM');
  // Cleanup waits out pending starts (up to the hub's timeouts), so give it more than stopChild's 10 s.
  const codes = await Promise.all(sims.map(({ child }) => Promise.race([child.exited, sleep(90_000).then(() => 'hung')])));
  expect(codes, sims.map(({ child }) => child.output().slice(-1500)).join('\n')).toEqual(sims.map(() => 0));
  let starts = 0;
  let attempts = 0;
  const users = new Set<string>();
  for (const { ledger } of sims) {
    const entries = parseLedger(readFileSync(ledger, 'utf8'));
    const { counts, unknown } = summarise(entries);
    expect(unknown, `${label}: outcomes the simulator could not establish`).toBe(0);
    starts += counts['spawns.success'];
    attempts += Object.entries(counts).reduce((sum, [key, n]) => sum + (key.startsWith('spawns.') ? n : 0), 0);
    for (const e of entries) if (e.kind !== 'run' && e.kind !== 'hub') users.add(e.user);
  }
  const result = { starts, attempts, seconds: (Date.now() - started) / 1000, users: [...users] };
  process.stdout.write(
    `phase ${label}: ${sections} section(s), ${starts} starts, ${attempts} attempts in ${result.seconds.toFixed(0)} s\n`,
  );
  return result;
}

/**
 * The impact once the after-window holds all of the phase's timed starts (collector, StatsD's
 * 10 s flush, carbon); the after-window is still running, so it is judged as partial.
 */
async function impactAfter(request: APIRequestContext, id: number, starts: number): Promise<ImpactResponse> {
  let impact: ImpactResponse | null = null;
  for (let i = 0; i < 30 && (impact?.measures.spawnWaitP50.samples.after ?? -1) < starts; i++) {
    if (impact !== null) await sleep(2_000);
    const response = await request.get(`/api/deployments/${id}/impact?window=${WINDOW}`);
    expect(response.status(), await response.text()).toBe(200);
    impact = impactResponseSchema.parse(await response.json());
  }
  if (impact === null) throw new Error('no impact answer');
  const timed = impact.measures.spawnWaitP50.samples.after;
  // Every timed start of the phase, give or take one. The phase's traffic begins only once the
  // deployment's own 10 s bucket is behind it (pastDeploymentBucket), so none of its starts is
  // stamped into the window before; that was one cause of a start short. Another remains: on
  // 2026-12-08 a restart's after-window held 23 timed starts where the ledgers had 24, a minute
  // after the phase, none of them before the deployment. Not found yet (a success the simulator
  // records without the hub's timing line, or a line the collector misses); the exact
  // collector-equals-ledger check is pipeline-hub.spec.ts's, here the count only says the window is
  // complete enough to judge.
  if (timed !== starts) process.stdout.write(`note: ${timed} timed starts in the after-window, the ledgers have ${starts}\n`);
  expect(Math.abs(timed - starts), await whereTheStartsAre(request, impact)).toBeLessThanOrEqual(1);
  return impact;
}

/** For a failure message: the deployment's windows and where Graphite has the timed starts. */
async function whereTheStartsAre(request: APIRequestContext, impact: ImpactResponse): Promise<string> {
  const { before, after } = impact.window;
  const params = new URLSearchParams({ from: String(before.from - 1), until: String(after.until + 60) });
  params.append('target', `sumSeries(stats.timers.jupyterhub.${hubName}.spawns.duration.histogram.bin_*)`);
  const response = await request.get(`/api/graphite/render?${params}`);
  const series = response.ok() ? ((await response.json()) as { datapoints: [number | null, number][] }[]) : [];
  const points = (series[0]?.datapoints ?? []).filter(([v]) => v !== null && v > 0);
  return `timed starts in the after-window; deployment ${JSON.stringify(impact.deployment)}, window ${JSON.stringify(impact.window)}, starts in Graphite ${JSON.stringify(points)}\n${summary(impact)}`;
}

/** What the report shows of an impact (attached, and on stdout for CI logs): enough to see why a verdict came out as it did. */
function summary(impact: ImpactResponse): string {
  const rows = Object.entries(impact.measures).map(
    ([id, m]) => `  ${id}: ${m.verdict} before=${m.before} after=${m.after} n=${m.samples.before}/${m.samples.after} p=${m.pValue}`,
  );
  return [
    `${impact.deployment.kind} "${impact.deployment.what}": ${impact.verdict} (partial ${impact.partial})`,
    impact.reason,
    ...rows,
  ].join('\n');
}

async function report(testInfo: TestInfo, name: string, impact: ImpactResponse): Promise<void> {
  process.stdout.write(`${name}:\n${summary(impact)}\n`);
  await testInfo.attach(name, { body: summary(impact) });
}

/** A phase's last counts reach Graphite before the hub restarts, so none lands after the restart's time. */
const settle = () => sleep(12_000);

/**
 * Waits until traffic started now can only land after the deployment at `when` (epoch seconds).
 * StatsD stamps a flush's counts with the flush time, and carbon files them under the start of
 * its 10 s bucket: a start a few seconds after `when` that is flushed before the next boundary
 * is stored under a time before `when`, in the window before. (This was the "one timed start
 * short" of earlier runs: not lost, counted on the other side.) Two flushes after `when`, every
 * count is stamped at or after it.
 */
const pastDeploymentBucket = async (when: number) => {
  const wait = (when + 20) * 1000 - Date.now();
  if (wait > 0) await sleep(wait);
};

// The judge does not depend on the hub's version, and this spec is the pipeline project's longest
// (about 8 minutes): it runs on the default JupyterHub only, not again in npm test's pass on the
// oldest one (which re-checks the collector's parsing with pipeline-hub.spec.ts).
test.skip(expectedHubVersion() !== defaultHubVersion(), 'deployment impact is checked on the default JupyterHub only');
// Nor on the storage behind Graphite's HTTP API: the cluster pass (HUBWATCH_STACK=cluster) proves
// the views on the cluster with the API and status specs, and would only add these 8 minutes.
test.skip(CLUSTER, 'deployment impact does not depend on the storage: checked on the single node only');

test.beforeAll(() => {
  for (const file of [hubLog, collectorTokenFile, simulatorTokenFile]) {
    if (!existsSync(file)) throw new Error(`${file} missing: start the demo hub first (bash stack/stack.sh start hub)`);
  }
  workDir = mkdtempSync(join(tmpdir(), 'hubwatch-impact-'));
});

test.afterAll(() => {
  if (workDir !== '') rmSync(workDir, { recursive: true, force: true });
});

test('deployment impact on the real hub: restart, doubled class, slowed spawns', async ({ request }, testInfo) => {
  test.setTimeout(900_000);
  const users = new Set<string>();
  let b: PhaseResult = { starts: 0, attempts: 0, seconds: 1, users: [] };
  let collector: Child | undefined;
  const output = () => collector?.output() ?? '';
  await withDemoHub(async () => {
    try {
      // The hub sized for two sections, before the collector watches: this restart is not the test's.
      await restartHub(SIZED);
      collector = startTsx(
        [
          'collector/cli.ts',
          ...['--hub-log', hubLog, '--hub-url', 'http://127.0.0.1:8000', '--hub-name', hubName, '--interval', '2'],
          ...['--dashboard-url', APP_URL, '--checkpoint', join(workDir, 'checkpoint.json')],
        ],
        { HUBWATCH_HUB_TOKEN: readFileSync(collectorTokenFile, 'utf8').trim(), HUBWATCH_DEPLOY_TOKEN: E2E_DEPLOY_TOKEN },
      );
      await expect.poll(output, { timeout: 30_000 }).toMatch(/\(baseline\)/);
      await expect.poll(output, { timeout: 30_000 }).toMatch(/from its end/);

      const a = await phase('a', 1, 24, 150);
      for (const u of a.users) users.add(u);
      await settle();

      await test.step('a restart with nothing changed is a restart, not judged, never worse', async () => {
        await restartHub(SIZED);
        const restart = await recorded(request, (d) => d.kind === 'restart', output);
        expect(restart).toMatchObject({ kind: 'restart', source: 'auto', what: expect.stringMatching(/^JupyterHub \S+ restarted$/) });
        await pastDeploymentBucket(restart.when);
        b = await phase('b', 1, 24, 150);
        for (const u of b.users) users.add(u);
        const impact = await impactAfter(request, restart.id, b.starts);
        await report(testInfo, 'restart impact', impact);
        expect(impact.judged).toBe(false);
        expect(impact.partial).toBe(true);
        expect(impact.measures.spawnWaitP50.samples.before, summary(impact)).toBeGreaterThanOrEqual(20);
        // Never worse, on enough starts to say so. Not pinned to no_change: waits vary from lecture
        // to lecture with the shared machine's load, and the judge takes each start as independent,
        // so a quiet window after a busy one can come out `better` (seen once, on 6.1.1).
        expect(['no_change', 'better'], summary(impact)).toContain(impact.verdict);
      });

      await test.step('the same hub while the class doubles, same failure share: not worse', async () => {
        await settle();
        const posted = await request.post('/api/deployments', {
          headers: auth,
          data: { hub: hubName, what: 'Second section joins the course (no change to the hub)', version: 'sections-2' },
        });
        expect(posted.status(), await posted.text()).toBe(201);
        const doubled = (await posted.json()) as { id: number; when: number };
        await pastDeploymentBucket(doubled.when);
        const c = await phase('c', 2, 44, 120);
        for (const u of c.users) users.add(u);
        const impact = await impactAfter(request, doubled.id, c.starts);
        await report(testInfo, 'doubled class impact', impact);
        // the traffic really doubled: start attempts a second against phase B's (the simulators' ledgers)
        expect(c.attempts / c.seconds, summary(impact)).toBeGreaterThan(1.5 * (b.attempts / b.seconds));
        expect(impact.judged).toBe(true);
        const failures = impact.measures.spawnFailureRate;
        // judged on enough starts in both windows, not excused by a lack of data
        expect(failures.samples.before, summary(impact)).toBeGreaterThanOrEqual(failures.minSamples);
        expect(failures.samples.after, summary(impact)).toBeGreaterThanOrEqual(failures.minSamples);
        expect(failures.verdict, summary(impact)).not.toBe('worse');
        expect(impact.verdict, summary(impact)).not.toBe('worse');
      });

      await test.step('a new spawner version that delays starts by 5 s: recorded by the collector, wait worse by about 5 s', async () => {
        await settle();
        await restartHub(SLOW);
        const deploy = await recorded(request, (d) => d.kind === 'deploy' && d.source === 'auto', output);
        expect(deploy.what).toBe('spawner fault_spawner 1.0 -> 1.1');
        await pastDeploymentBucket(deploy.when);
        const d = await phase('d', 2, 24, 120);
        for (const u of d.users) users.add(u);
        const impact = await impactAfter(request, deploy.id, d.starts);
        await report(testInfo, 'slow spawner impact', impact);
        const wait = impact.measures.spawnWaitP50;
        expect(wait.verdict, summary(impact)).toBe('worse');
        expect(wait.change, summary(impact)).toBeGreaterThan(3000);
        expect(wait.change, summary(impact)).toBeLessThan(8000);
        expect(impact.verdict).toBe('worse');
        expect(impact.reason).toContain('median wait to start worse');
      });
    } finally {
      await stopChild(collector);
      // The demo hub back on its default configuration, whatever happened above.
      await restartHub({});
      for (const d of await deployments(request)) await request.delete(`/api/deployments/${d.id}`, { headers: auth });
      await deleteUsers([...users]);
      await forgetHub(hubName, { removeWhisper: true });
    }
  });
});

/** Loop-mode runs keep their users; the hub's user list should not grow with every CI run. */
async function deleteUsers(names: string[]): Promise<void> {
  const token = readFileSync(simulatorTokenFile, 'utf8').trim();
  for (const name of names) {
    await fetch(`http://127.0.0.1:8000/hub/api/users/${encodeURIComponent(name)}`, {
      method: 'DELETE',
      headers: { authorization: `token ${token}` },
      signal: AbortSignal.timeout(10_000),
    }).catch(() => undefined);
  }
}
