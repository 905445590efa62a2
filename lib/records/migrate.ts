import type Database from 'better-sqlite3';
import { type Kysely, type MigrationResultSet, Migrator, NO_MIGRATIONS } from 'kysely';
import type { Dialect } from '@/lib/config/store-target';
import { MIGRATION_NAMES, migrations } from './migrations';
import type { RecordsDatabase } from './tables';

/** The schema version a store has after `migrate`: the number of migrations applied. */
export const LATEST_VERSION = MIGRATION_NAMES.length;

export type MigrationTarget = { version: number };

function migrator(db: Kysely<RecordsDatabase>, dialect: Dialect): Migrator {
  const all = migrations(dialect);
  return new Migrator({
    db,
    provider: { getMigrations: async () => all },
    migrationTableName: 'hubwatch_migrations',
    migrationLockTableName: 'hubwatch_migrations_lock',
  });
}

function check(result: MigrationResultSet): void {
  if (result.error === undefined) return;
  const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
  const cause = result.error instanceof Error ? result.error.message : String(result.error);
  throw new Error(failed === undefined ? cause : `migration ${failed} failed: ${cause}`, { cause: result.error });
}

/**
 * Applies the migrations up to `version` (default: all) and answers the version the store is at.
 * PostgreSQL: Kysely's migrator locks its lock table, so instances starting together take turns.
 * SQLite: Kysely takes no lock there, so the whole run holds SQLite's write lock (BEGIN IMMEDIATE on
 * the one connection): a second process waits, then finds nothing left to do; a failing migration
 * leaves the file as it was.
 */
export async function migrate(
  db: Kysely<RecordsDatabase>,
  dialect: Dialect,
  sqlite: Database.Database | undefined,
  version: number = LATEST_VERSION,
): Promise<number> {
  const m = migrator(db, dialect);
  const name = version === 0 ? NO_MIGRATIONS : MIGRATION_NAMES[version - 1];
  if (name === undefined) throw new RangeError(`no schema version ${version} (latest ${LATEST_VERSION})`);
  if (sqlite === undefined) {
    check(await m.migrateTo(name));
  } else {
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      check(await m.migrateTo(name));
      sqlite.exec('COMMIT');
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw error;
    }
  }
  return schemaVersion(db, dialect);
}

/** How many of the known migrations the store has applied (0 for an empty database). */
export async function schemaVersion(db: Kysely<RecordsDatabase>, dialect: Dialect): Promise<number> {
  const applied = (await migrator(db, dialect).getMigrations()).filter((m) => m.executedAt !== undefined);
  return applied.length;
}
