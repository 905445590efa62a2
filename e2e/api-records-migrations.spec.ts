import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { StoreTarget } from '@/lib/config/store-target';
import { LATEST_VERSION, migrate, schemaVersion } from '@/lib/records/migrate';
import { openDatabase } from '@/lib/records/open-database';
import { openRecords, StoreError } from '@/lib/records/records';
import { createPgDatabase, pgTarget, sql, sqliteTarget } from './support/records-db';

// The records store's migrations on both real stores: a fresh SQLite file, and a fresh database on
// the stack's PostgreSQL (stack.sh start postgres). From an empty database and from each earlier
// version, with the rows written at that version still there afterwards. Touches no shared data.

type Store = { name: string; make: () => Promise<{ target: StoreTarget; drop: () => Promise<void> }> };

const STORES: Store[] = [
  { name: 'sqlite', make: async () => ({ target: sqliteTarget(), drop: async () => undefined }) },
  {
    name: 'postgres',
    make: async () => {
      const { url, drop } = await createPgDatabase();
      return { target: pgTarget(url), drop };
    },
  },
];

const deployment = (id: number) => ({
  id,
  hub: 'mig',
  kind: 'deploy',
  at: 1_795_000_000 + id,
  what: `deployment ${id}`,
  version: 'v1',
  commit_id: null,
  author: null,
  link: null,
  source: 'api',
  origin: 'api',
  created_at: 1_795_000_000,
  deleted_at: id === 2 ? 1_795_000_100 : null,
});

for (const store of STORES) {
  test.describe(`records migrations on ${store.name}`, () => {
    test('an empty database is migrated to the latest version at open', async () => {
      const { target, drop } = await store.make();
      try {
        const records = await openRecords(target);
        expect(records.schemaVersion).toBe(LATEST_VERSION);
        expect(await schemaVersion(records.db, target.dialect)).toBe(LATEST_VERSION);
        await records.db.destroy();
        // A second open finds nothing to do and keeps the version.
        const again = await openRecords(target);
        expect(again.schemaVersion).toBe(LATEST_VERSION);
        await again.db.destroy();
      } finally {
        await drop();
      }
    });

    for (let from = 1; from < LATEST_VERSION; from++) {
      test(`from version ${from} to ${LATEST_VERSION}, keeping the rows`, async () => {
        const { target, drop } = await store.make();
        const { db, sqlite } = openDatabase(target);
        try {
          expect(await migrate(db, target.dialect, sqlite, from)).toBe(from);
          await db
            .insertInto('deployments')
            .values([deployment(1), deployment(2)])
            .execute();
          if (from >= 2) {
            await db
              .insertInto('record_imports')
              .values({ source: 'graphite-web-events', imported_at: 1, imported: 2, note: 'n' })
              .execute();
          }
          expect(await migrate(db, target.dialect, sqlite)).toBe(LATEST_VERSION);
          const rows = await db.selectFrom('deployments').select(['id', 'what', 'deleted_at', 'event_id']).orderBy('id').execute();
          expect(rows).toEqual([
            { id: 1, what: 'deployment 1', deleted_at: null, event_id: null },
            { id: 2, what: 'deployment 2', deleted_at: 1_795_000_100, event_id: null },
          ]);
          expect(await db.selectFrom('record_imports').select('source').execute()).toEqual(
            from >= 2 ? [{ source: 'graphite-web-events' }] : [],
          );
          // New rows after explicit ids get the next id (PostgreSQL's identity would start at 1 without
          // the import's setval, so this only holds for SQLite here; the import spec checks PostgreSQL).
          const incident = await db
            .insertInto('incidents')
            .values({ hub: 'mig', verdict: 'Down', reason: 'r', started_at: 1, changed_at: 1, resolved_at: null, deployment_id: 1 })
            .returning('id')
            .executeTakeFirstOrThrow();
          const delivery = {
            dedupe_key: `ops:incident_started:${incident.id}`,
            channel: 'ops',
            kind: 'incident_started',
            incident_id: incident.id,
            deployment_id: null,
            payload: '{}',
            status: 'pending',
            next_attempt_at: 1,
            last_error: null,
            created_at: 1,
            sent_at: null,
          };
          await db.insertInto('deliveries').values(delivery).execute();
          // One message per transition: a second instance's insert of the same key is refused.
          await expect(db.insertInto('deliveries').values(delivery).execute()).rejects.toThrow(/unique|UNIQUE/);
        } finally {
          await db.destroy();
          await drop();
        }
      });
    }

    test('a database from a newer hubwatch stops the open, naming the store and the problem', async () => {
      const { target, drop } = await store.make();
      try {
        const first = await openRecords(target);
        await sql`insert into hubwatch_migrations (name, timestamp) values (${'9999-from-the-future'}, ${new Date().toISOString()})`.execute(
          first.db,
        );
        await first.db.destroy();
        const where = target.dialect === 'sqlite' ? target.path : target.display;
        const error = await openRecords(target).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(StoreError);
        expect((error as StoreError).message).toContain(where);
        expect((error as StoreError).message).toMatch(/9999-from-the-future/);
      } finally {
        await drop();
      }
    });
  });
}

test('a SQLite path that cannot be a file stops the open, naming it', async () => {
  const dir = sqliteTarget().path;
  mkdirSync(dir, { recursive: true });
  const error = await openRecords({ dialect: 'sqlite', path: dir }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).message).toMatch(
    new RegExp(`^records: cannot open SQLite file ${dir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `),
  );
  const nested = join('/proc/self', 'records.sqlite');
  await expect(openRecords({ dialect: 'sqlite', path: nested })).rejects.toThrow(`SQLite file ${nested}`);
});

test('an unreachable PostgreSQL stops the open, naming the URL without its password', async () => {
  const url = 'postgres://hubwatch:secret-password@127.0.0.1:1/hubwatch';
  const error = await openRecords({ dialect: 'postgres', url, display: 'postgres://hubwatch:***@127.0.0.1:1/hubwatch' }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).message).toContain('PostgreSQL postgres://hubwatch:***@127.0.0.1:1/hubwatch');
  expect((error as StoreError).message).toMatch(/ECONNREFUSED/);
  expect((error as StoreError).message).not.toContain('secret-password');
});
