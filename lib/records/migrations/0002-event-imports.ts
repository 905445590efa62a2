import type { Kysely, Migration } from 'kysely';

/** Version 2: the move from graphite-web events (what was imported, once) and each row's event. */
export const eventImportsMigration = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('record_imports')
      .ifNotExists()
      .addColumn('source', 'text', (c) => c.primaryKey())
      .addColumn('imported_at', 'bigint', (c) => c.notNull())
      .addColumn('imported', 'integer', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .execute();
    await db.schema.alterTable('deployments').addColumn('event_id', 'bigint').execute();
  },
});
