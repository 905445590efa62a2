/**
 * npm run bench:records — hubwatch's records store against today's graphite-web events, in one run.
 * Prints figures; never fails on them.
 *
 * A throw-away hub with 10,000 deployments over 30 days, stored three ways: in a fresh SQLite file,
 * in a fresh database on the stack's PostgreSQL (stack.sh start postgres), and as graphite-web
 * events on the shared graphite-web (8080: posted through its API, and removed from its database
 * afterwards: graphite-web cannot delete events over HTTP). Then, for each, the two reads a view
 * makes: the list of the hub's deployments (30 days: all 10,000; /deployments and every chart's
 * markers), and the impact page's read of one deployment by id. The events side reads exactly as
 * hubwatch did before the records store (lib/deployments/event-mapping.ts over the Graphite client).
 * bench/run.sh holds the e2e lock exclusively around this: the events go into shared graphite-web.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createPgDatabase, sqliteTarget } from '../e2e/support/records-db';
import { deletedId, fromEvent, toNewEvent } from '../lib/deployments/event-mapping';
import { deploymentInputSchema } from '../lib/deployments/input';
import { getDeployment, listBetween } from '../lib/deployments/store';
import { createGraphiteClient } from '../lib/graphite/client';
import type { GraphiteEvent } from '../lib/graphite/types';
import { openRecords, type Records } from '../lib/records/records';

const COUNT = Number(process.env.BENCH_RECORDS_COUNT ?? 10_000);
const RUNS = Number(process.env.BENCH_RECORDS_RUNS ?? 15);
const GRAPHITE = process.env.GRAPHITE_URL ?? 'http://127.0.0.1:8080/';
const GRAPHITE_DB = join(process.env.HUBWATCH_DATA_DIR ?? join(__dirname, '..', '.data'), 'graphite-web', 'graphite.db');
const HUB = `bench-records-${Date.now().toString(36)}`;
const NOW = Math.floor(Date.now() / 1000);
const SPAN = 30 * 86_400;
const whenOf = (i: number) => NOW - 60 - Math.floor((i * SPAN) / COUNT);

const client = createGraphiteClient({ baseUrl: GRAPHITE, timeoutMs: 60_000 });
const input = (i: number) =>
  deploymentInputSchema().parse({
    hub: HUB,
    what: `bench deployment ${i}`,
    when: whenOf(i),
    version: `v${i}`,
    link: 'https://example.org/ci/1',
  });

async function fill(records: Records): Promise<number> {
  const rows = Array.from({ length: COUNT }, (_, i) => ({
    hub: HUB,
    kind: 'deploy',
    at: whenOf(i),
    what: `bench deployment ${i}`,
    version: `v${i}`,
    commit_id: null,
    author: null,
    link: 'https://example.org/ci/1',
    source: 'api',
    origin: 'api',
    created_at: NOW,
    deleted_at: null,
    event_id: null,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await records.db
      .insertInto('deployments')
      .values(rows.slice(i, i + 500))
      .execute();
  const middle = await records.db
    .selectFrom('deployments')
    .select('id')
    .where('at', '=', whenOf(COUNT / 2))
    .executeTakeFirstOrThrow();
  return middle.id;
}

async function writeEvents(): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < COUNT) {
      const i = next++;
      await client.createEvent(toNewEvent(input(i), whenOf(i), `bench-${i}`));
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

/** The list and the detail as hubwatch read them from graphite-web before (lib/deployments/store.ts then). */
async function eventsList(): Promise<number> {
  const events = await client.events({ tags: [`hub:${HUB}`], from: String(NOW - SPAN - 3600), until: 'now' });
  const deleted = new Set(events.map(deletedId).filter((id) => id !== undefined));
  return events.map(fromEvent).filter((d) => d !== undefined && !deleted.has(d.id)).length;
}

async function eventsDetail(id: number): Promise<boolean> {
  const event = await client.event(id);
  const deployment = event === undefined ? undefined : fromEvent(event);
  if (deployment === undefined) return false;
  const nearby = await client.events({ tags: [`hub:${HUB}`], from: String(deployment.when), until: String(deployment.when) });
  return !nearby.some((e: GraphiteEvent) => deletedId(e) === id);
}

function removeEvents(): number {
  // graphite-web 1.1 has no delete over HTTP: its own database, the throw-away hub's rows only.
  const db = new Database(GRAPHITE_DB, { timeout: 10_000 });
  try {
    const like = `%hub:${HUB}%`;
    return db.transaction(() => {
      db.prepare(
        `DELETE FROM tagging_taggeditem WHERE object_id IN (SELECT id FROM events_event WHERE tags LIKE ?)
           AND content_type_id = (SELECT id FROM django_content_type WHERE app_label = 'events' AND model = 'event')`,
      ).run(like);
      const removed = db.prepare('DELETE FROM events_event WHERE tags LIKE ?').run(like).changes;
      db.prepare('DELETE FROM tagging_tag WHERE name = ? AND id NOT IN (SELECT tag_id FROM tagging_taggeditem)').run(`hub:${HUB}`);
      return removed;
    })();
  } finally {
    db.close();
  }
}

type Figure = { median: number; p95: number };

async function measure(run: () => Promise<unknown>): Promise<Figure> {
  await run(); // warm: connections, statement caches
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95) };
}

const ms = (f: Figure) => `${f.median.toFixed(2)} ms (p95 ${f.p95.toFixed(2)})`;

async function main(): Promise<void> {
  process.env.HUBWATCH_EVENTS_MIRROR = 'off';
  console.log(`bench:records — hub ${HUB}, ${COUNT} deployments over 30 days, ${RUNS} runs per figure`);
  const sqlite = await openRecords(sqliteTarget());
  const pgDb = await createPgDatabase();
  const postgres = await openRecords({ dialect: 'postgres', url: pgDb.url, display: pgDb.url });
  const figures: Record<string, { list: Figure; detail: Figure; listed: number }> = {};
  try {
    for (const [name, records] of [
      ['SQLite', sqlite],
      ['PostgreSQL', postgres],
    ] as const) {
      const started = performance.now();
      const id = await fill(records);
      console.log(`  ${name}: ${COUNT} rows written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const listed = (await listBetween(HUB, NOW - SPAN - 3600, NOW, records)).length;
      figures[name] = {
        listed,
        list: await measure(() => listBetween(HUB, NOW - SPAN - 3600, NOW, records)),
        detail: await measure(() => getDeployment(id, records)),
      };
    }
    const started = performance.now();
    await writeEvents();
    console.log(`  graphite-web events: ${COUNT} posted in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const events = await client.events({ tags: [`hub:${HUB}`], from: String(whenOf(COUNT / 2)), until: String(whenOf(COUNT / 2)) });
    const eventId = events[0]?.id;
    if (eventId === undefined) throw new Error('graphite-web does not list the events just posted');
    figures['graphite-web events'] = {
      listed: await eventsList(),
      list: await measure(eventsList),
      detail: await measure(() => eventsDetail(eventId)),
    };
  } finally {
    console.log(`  removed ${removeEvents()} bench events from graphite-web's database`);
    await sqlite.db.destroy();
    await postgres.db.destroy();
    await pgDb.drop();
  }
  const base = figures['graphite-web events'];
  console.log('\n| read | store | deployments | median (p95) | vs graphite-web events |');
  console.log('|---|---|---|---|---|');
  for (const [name, f] of Object.entries(figures)) {
    const ratio = (a: Figure, b: Figure | undefined) => (b === undefined ? '' : `${(b.median / a.median).toFixed(1)}× faster`);
    const self = name === 'graphite-web events';
    console.log(`| list, 30 days of a hub | ${name} | ${f.listed} | ${ms(f.list)} | ${self ? '1×' : ratio(f.list, base?.list)} |`);
    console.log(`| impact page's deployment by id | ${name} | 1 | ${ms(f.detail)} | ${self ? '1×' : ratio(f.detail, base?.detail)} |`);
  }
}

main().catch((error: unknown) => {
  console.error('bench:records failed:', error);
  process.exit(1);
});
