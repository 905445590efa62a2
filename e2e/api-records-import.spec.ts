import { expect, test } from '@playwright/test';
import { tombstoneFor, toNewEvent } from '@/lib/deployments/event-mapping';
import { deploymentInputSchema } from '@/lib/deployments/input';
import type { NewEvent } from '@/lib/graphite/types';
import { type Dashboard, RECORDS_PORT_BASE, runDashboard, stopDashboard } from './support/dashboard-process';
import { createPgDatabase, sqliteTarget, sqliteUrl } from './support/records-db';

// The move from graphite-web events to the records database, against the real graphite-web (8080):
// events written as hubwatch 0.1 wrote them, for a throw-away hub, are imported once by a dashboard
// of this build on a fresh store, keep their ids, stay deleted when tombstoned; a second start
// imports nothing; new deployments are mirrored back as events with the same tags (unless
// HUBWATCH_EVENTS_MIRROR=off). Adds events to graphite-web; stops nothing.
test.describe.configure({ mode: 'serial' });

const GRAPHITE = 'http://127.0.0.1:8080';
const TOKEN = 'records-e2e-token-7d1c9a';
const PORT = RECORDS_PORT_BASE + 2;

type GraphiteEvent = { id: number; when: number; what: string; tags: string[]; data: string };
type Deployment = { id: number; when: number; hub: string; what: string; kind: string };

async function writeEvent(event: NewEvent): Promise<void> {
  const response = await fetch(`${GRAPHITE}/events/`, { method: 'POST', body: JSON.stringify(event), signal: AbortSignal.timeout(10_000) });
  expect(response.status).toBe(200);
}

async function eventsOf(hub: string): Promise<GraphiteEvent[]> {
  const params = new URLSearchParams({ tags: `hub:${hub}`, from: '946684800', until: '+1d' });
  const response = await fetch(`${GRAPHITE}/events/get_data?${params}`, { signal: AbortSignal.timeout(10_000) });
  return (await response.json()) as GraphiteEvent[];
}

const input = (hub: string, what: string, kind: 'deploy' | 'restart' = 'deploy') =>
  deploymentInputSchema().parse({ hub, what, kind, source: kind === 'restart' ? 'auto' : 'api', version: '0.1' });

/** Three old deployments of a new hub as graphite-web events, the third deleted by a tombstone. */
async function oldEvents(hub: string): Promise<{ kept: GraphiteEvent[]; deleted: GraphiteEvent }> {
  const when = Math.floor(Date.now() / 1000) - 3_600;
  await writeEvent(toNewEvent(input(hub, 'old deploy'), when, 'ref-a'));
  await writeEvent(toNewEvent(input(hub, 'old restart', 'restart'), when + 60, 'ref-b'));
  await writeEvent(toNewEvent(input(hub, 'old deleted'), when + 120, 'ref-c'));
  const written = await eventsOf(hub);
  const deleted = written.find((e) => e.what === 'old deleted');
  if (deleted === undefined) throw new Error('graphite-web lost an event');
  await writeEvent(
    tombstoneFor({
      id: deleted.id,
      when: deleted.when,
      hub,
      what: deleted.what,
      version: null,
      commit: null,
      author: null,
      link: null,
      source: 'api',
      kind: 'deploy',
    }),
  );
  return { kept: written.filter((e) => e !== deleted), deleted };
}

async function get(dashboard: Dashboard, path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${dashboard.url}${path}`, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: await response.json() };
}

async function post(dashboard: Dashboard, body: Record<string, unknown>): Promise<Deployment> {
  const response = await fetch(`${dashboard.url}/api/deployments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Deployment;
}

const stores = [
  { name: 'SQLite', make: async () => ({ url: sqliteUrl(sqliteTarget()), drop: async () => undefined }) },
  { name: 'PostgreSQL', make: createPgDatabase },
];

for (const store of stores) {
  test(`${store.name}: old events imported once with their ids, deletions kept, new ones mirrored`, async () => {
    test.setTimeout(240_000);
    const hub = `records-move-${Date.now().toString(36)}`;
    const { kept, deleted } = await oldEvents(hub);
    const { url, drop } = await store.make();
    const env = { HUBWATCH_DATABASE_URL: url, HUBWATCH_DEPLOY_TOKEN: TOKEN };
    let dashboard: Dashboard | undefined = await runDashboard(PORT, env);
    try {
      expect(dashboard.child.output()).toMatch(
        /hubwatch: records: imported \d+ deployments from graphite-web events \(\d+ of them deleted\)/,
      );
      expect(dashboard.child.output()).toMatch(/Graphite http:\/\/127\.0\.0\.1:8080\/ offers render, find, functions, events/);
      const listed = ((await get(dashboard, `/api/deployments?hub=${hub}&from=-1d`)).body as { deployments: Deployment[] }).deployments;
      expect(listed.map((d) => [d.id, d.what, d.kind])).toEqual(
        [...kept].reverse().map((e) => [e.id, e.what, e.tags.includes('restart') ? 'restart' : 'deploy']),
      );
      // An old share link opens the same deployment; the deleted one stays gone.
      const first = kept[0] as GraphiteEvent;
      expect((await get(dashboard, `/api/deployments/${first.id}`)).body).toMatchObject({
        id: first.id,
        when: first.when,
        hub,
        what: 'old deploy',
      });
      expect((await get(dashboard, `/api/deployments/${deleted.id}`)).status).toBe(404);

      // New: an id after every imported one (PostgreSQL's identity moved past them), and a mirror event.
      const fresh = await post(dashboard, { hub, what: 'new after the move', version: '0.2' });
      expect(fresh.id).toBeGreaterThan(deleted.id);
      await expect
        .poll(async () => (await eventsOf(hub)).filter((e) => e.what === 'new after the move').map((e) => e.tags), { timeout: 20_000 })
        .toEqual([['deploy', `hub:${hub}`]]);

      // An event written to graphite-web after the move is not imported by a second start.
      await writeEvent(toNewEvent(input(hub, 'written to graphite-web later'), Math.floor(Date.now() / 1000) - 60, 'ref-d'));
      await stopDashboard(dashboard);
      dashboard = await runDashboard(PORT, env);
      expect(dashboard.child.output()).not.toMatch(/imported \d+ deployments/);
      const after = ((await get(dashboard, `/api/deployments?hub=${hub}&from=-1d`)).body as { deployments: Deployment[] }).deployments;
      expect(after.map((d) => d.what)).toEqual(['new after the move', 'old restart', 'old deploy']);
    } finally {
      await stopDashboard(dashboard);
      await drop();
    }
  });
}

test('HUBWATCH_EVENTS_MIRROR=off: the deployment is stored, and graphite-web gets no event', async () => {
  test.setTimeout(120_000);
  const hub = `records-nomirror-${Date.now().toString(36)}`;
  const dashboard = await runDashboard(PORT, {
    HUBWATCH_DATABASE_URL: sqliteUrl(sqliteTarget()),
    HUBWATCH_DEPLOY_TOKEN: TOKEN,
    HUBWATCH_EVENTS_MIRROR: 'off',
  });
  try {
    const stored = await post(dashboard, { hub, what: 'not mirrored' });
    expect((await get(dashboard, `/api/deployments/${stored.id}`)).status).toBe(200);
    // The mirror (when on) lands within a second here (the test above polls for it); give it five.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(await eventsOf(hub)).toEqual([]);
  } finally {
    await stopDashboard(dashboard);
  }
});
