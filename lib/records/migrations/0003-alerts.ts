import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import type { Dialect } from '@/lib/config/store-target';

/** Version 3: what alerting keeps (incidents, deliveries) and what the history import records. */
export const alertsMigration = (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const id = (c: ColumnDefinitionBuilder) =>
      dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();
    await db.schema
      .createTable('incidents')
      .ifNotExists()
      .addColumn('id', 'integer', id)
      .addColumn('hub', 'text', (c) => c.notNull())
      .addColumn('verdict', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('changed_at', 'bigint', (c) => c.notNull())
      .addColumn('resolved_at', 'bigint')
      .addColumn('deployment_id', 'integer', (c) => c.references('deployments.id'))
      .execute();
    await db.schema.createIndex('incidents_hub_started').ifNotExists().on('incidents').columns(['hub', 'started_at']).execute();
    await db.schema
      .createTable('deliveries')
      .ifNotExists()
      .addColumn('id', 'integer', id)
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('incident_id', 'integer', (c) => c.references('incidents.id'))
      .addColumn('deployment_id', 'integer', (c) => c.references('deployments.id'))
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('sent_at', 'bigint')
      .execute();
    await db.schema.createIndex('deliveries_status_next').ifNotExists().on('deliveries').columns(['status', 'next_attempt_at']).execute();
    await db.schema
      .createTable('history_imports')
      .ifNotExists()
      .addColumn('id', 'integer', id)
      .addColumn('hub', 'text', (c) => c.notNull())
      .addColumn('from_at', 'bigint', (c) => c.notNull())
      .addColumn('until_at', 'bigint', (c) => c.notNull())
      .addColumn('points', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
});
