import { expect, test } from '@playwright/test';
import { type Dashboard, killHard, RECORDS_PORT_BASE, runDashboard, startDashboard, stopDashboard } from './support/dashboard-process';
import { createPgDatabase, sqliteTarget, sqliteUrl } from './support/records-db';

// hubwatch's records with real processes: dashboards of this build started here on their own
// stores (a fresh SQLite file, a fresh database on the stack's PostgreSQL), killed with -9 and
// restarted; two instances on one PostgreSQL. Writes deployments only for throw-away hubs to
// graphite-web (8080) through the mirror; stops nothing of the shared stack.
test.describe.configure({ mode: 'serial' });

const TOKEN = 'records-e2e-token-7d1c9a';
const auth = { authorization: `Bearer ${TOKEN}` };
const PORT_A = RECORDS_PORT_BASE;
const PORT_B = RECORDS_PORT_BASE + 1;
const hubName = (what: string) => `records-${what}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

type Deployment = { id: number; when: number; hub: string; what: string; kind: string; version: string | null };

async function post(dashboard: Dashboard, body: Record<string, unknown>): Promise<Deployment> {
  const response = await fetch(`${dashboard.url}/api/deployments`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Deployment;
}

async function get(dashboard: Dashboard, path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${dashboard.url}${path}`, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: await response.json() };
}

const listOf = async (dashboard: Dashboard, hub: string) =>
  ((await get(dashboard, `/api/deployments?hub=${hub}&from=-1d`)).body as { deployments: Deployment[] }).deployments;

const stores = [
  { name: 'SQLite', make: async () => ({ url: sqliteUrl(sqliteTarget()), drop: async () => undefined }) },
  { name: 'PostgreSQL', make: createPgDatabase },
];

for (const store of stores) {
  test(`${store.name}: deployments acknowledged with 201 survive kill -9 of the dashboard right after`, async () => {
    test.setTimeout(240_000);
    const { url, drop } = await store.make();
    const env = { HUBWATCH_DATABASE_URL: url, HUBWATCH_DEPLOY_TOKEN: TOKEN, HUBWATCH_EVENTS_MIRROR: 'off' };
    let dashboard: Dashboard | undefined = await runDashboard(PORT_A, env);
    try {
      const hub = hubName('durable');
      // Twenty writes in flight at once; the kill follows the last 201 with no pause.
      const acknowledged = await Promise.all(
        Array.from({ length: 20 }, (_, i) => post(dashboard as Dashboard, { hub, what: `durable ${i}`, version: `v${i}` })),
      );
      await killHard(dashboard);
      expect(dashboard.child.process.signalCode).toBe('SIGKILL');
      dashboard = await runDashboard(PORT_A, env);
      const listed = await listOf(dashboard, hub);
      expect(listed.map((d) => d.id).sort((a, b) => a - b)).toEqual(acknowledged.map((d) => d.id).sort((a, b) => a - b));
      for (const one of acknowledged.slice(0, 3)) expect((await get(dashboard, `/api/deployments/${one.id}`)).body).toEqual(one);
    } finally {
      await stopDashboard(dashboard);
      await drop();
    }
  });
}

test('two dashboard instances on one PostgreSQL: written through one, read (and deleted) through the other', async () => {
  test.setTimeout(240_000);
  const { url, drop } = await createPgDatabase();
  const env = { HUBWATCH_DATABASE_URL: url, HUBWATCH_DEPLOY_TOKEN: TOKEN, HUBWATCH_EVENTS_MIRROR: 'off' };
  // Started together: both migrate and import at once, and take turns on the migration lock.
  const [a, b] = await Promise.all([runDashboard(PORT_A, env), runDashboard(PORT_B, env)]);
  try {
    const hub = hubName('shared');
    const written = await post(a, { hub, what: 'through A', version: '1' });
    expect(await listOf(b, hub)).toEqual([written]);
    expect((await get(b, `/api/deployments/${written.id}`)).body).toEqual(written);
    const second = await post(b, { hub, what: 'through B', when: written.when - 1 });
    expect(second.id).toBeGreaterThan(written.id);
    expect((await listOf(a, hub)).map((d) => d.what)).toEqual(['through A', 'through B']);
    // The status page's read (no cache in front of it) sees the other instance's write too.
    const deleted = await fetch(`${b.url}/api/deployments/${written.id}`, { method: 'DELETE', headers: auth });
    expect(deleted.status).toBe(204);
    expect(await get(a, `/api/deployments/${written.id}`)).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: `id: no deployment ${written.id}` } },
    });
    const health = (await get(a, '/api/health')).body as { records: Record<string, unknown> };
    expect(health.records).toMatchObject({ store: 'postgres', schemaVersion: 3, reachable: true });
    expect(String(health.records.location)).not.toContain(':hubwatch@');
  } finally {
    await Promise.all([stopDashboard(a), stopDashboard(b)]);
    await drop();
  }
});

test('a PostgreSQL database that goes away under a running dashboard: 503 records_unavailable, health degraded', async () => {
  test.setTimeout(180_000);
  const { url, drop } = await createPgDatabase();
  const dashboard = await runDashboard(PORT_A, { HUBWATCH_DATABASE_URL: url, HUBWATCH_DEPLOY_TOKEN: TOKEN, HUBWATCH_EVENTS_MIRROR: 'off' });
  try {
    expect((await get(dashboard, '/api/deployments?hub=gone')).status).toBe(200);
    // A real failure of the store, not a mock: its database is dropped (connections forced out).
    await drop();
    const unavailable = {
      error: { code: 'records_unavailable', message: "hubwatch's records database is not answering; see /api/health" },
    };
    expect(await get(dashboard, '/api/deployments?hub=gone')).toEqual({ status: 503, body: unavailable });
    expect(await get(dashboard, '/api/deployments/1')).toEqual({ status: 503, body: unavailable });
    const health = (await get(dashboard, '/api/health')).body as { status: string; records: { reachable: boolean } };
    expect(health.status).toBe('degraded');
    expect(health.records.reachable).toBe(false);
    // The dashboard itself is still up: the status page answers (its deployments are only context).
    expect(dashboard.child.process.exitCode).toBeNull();
  } finally {
    await stopDashboard(dashboard);
  }
});

const failures: [string, Record<string, string>, RegExp][] = [
  [
    'a SQLite path that cannot be a file',
    { HUBWATCH_DATABASE_URL: 'sqlite:/proc/self/records.sqlite' },
    /^hubwatch: records: cannot open SQLite file \/proc\/self\/records\.sqlite: .+/m,
  ],
  [
    'a PostgreSQL that does not answer',
    { HUBWATCH_DATABASE_URL: 'postgres://hubwatch:not-shown@127.0.0.1:1/hubwatch' },
    /^hubwatch: records: cannot open or migrate PostgreSQL postgres:\/\/hubwatch:\*\*\*@127\.0\.0\.1:1\/hubwatch: .*ECONNREFUSED/m,
  ],
  [
    'a URL of another database',
    { HUBWATCH_DATABASE_URL: 'mysql://h/db' },
    /^hubwatch: invalid configuration: HUBWATCH_DATABASE_URL: must be postgres:\/\/.+/m,
  ],
  ['a mirror switch that is neither on nor off', { HUBWATCH_EVENTS_MIRROR: 'no' }, /HUBWATCH_EVENTS_MIRROR: must be "on" or "off"/],
];

for (const [name, env, message] of failures) {
  test(`start-up stops on ${name}, saying why`, async () => {
    const child = startDashboard(PORT_A, env);
    expect(await child.exited).toBe(1);
    expect(child.output()).toMatch(message);
    expect(child.output()).not.toContain('not-shown');
  });
}
