import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '@/lib/config/store-target';

/** Version 1: deployments. Forward-only: no `down`; a release never rewrites a migration it shipped. */
export const deploymentsMigration = (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('deployments')
      .ifNotExists()
      // Ids outlive deletions: AUTOINCREMENT on SQLite, an identity on PostgreSQL (never reused).
      .addColumn('id', 'integer', (c) =>
        dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity(),
      )
      .addColumn('hub', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('what', 'text', (c) => c.notNull())
      .addColumn('version', 'text')
      .addColumn('commit_id', 'text')
      .addColumn('author', 'text')
      .addColumn('link', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull().defaultTo('api'))
      .addColumn('created_at', 'bigint', (c) => c.notNull().defaultTo(sql`0`))
      .addColumn('deleted_at', 'bigint')
      .execute();
    await db.schema.createIndex('deployments_hub_at').ifNotExists().on('deployments').columns(['hub', 'at']).execute();
    await db.schema.createIndex('deployments_at').ifNotExists().on('deployments').column('at').execute();
  },
});
