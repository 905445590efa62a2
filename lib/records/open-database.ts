import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { StoreTarget } from '@/lib/config/store-target';
import type { RecordsDatabase } from './tables';

/** The connection settings every store gets; the timeouts bound every call to PostgreSQL. */
export const STORE_TIMEOUTS = {
  /** How long a write waits for another process holding SQLite's write lock. */
  sqliteBusyMs: 10_000,
  pgConnectMs: 5_000,
  pgStatementMs: 10_000,
  pgIdleMs: 30_000,
} as const;

const PG_INT8 = 20;

export type OpenedDatabase = {
  db: Kysely<RecordsDatabase>;
  /** The raw SQLite handle (the migration lock uses it); undefined for PostgreSQL. */
  sqlite?: Database.Database;
};

/** Opens (SQLite: creates) the store. Throws the driver's error; the caller names the file or URL. */
export function openDatabase(target: StoreTarget, poolSize = 5): OpenedDatabase {
  if (target.dialect === 'sqlite') {
    mkdirSync(dirname(target.path), { recursive: true });
    const sqlite = new Database(target.path, { timeout: STORE_TIMEOUTS.sqliteBusyMs });
    // WAL: readers never wait for the writer. synchronous=FULL: a commit reaches the disk before
    // the 201 is sent, so a deployment acknowledged survives even the machine's crash.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    return { db: new Kysely<RecordsDatabase>({ dialect: new SqliteDialect({ database: sqlite }) }), sqlite };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: poolSize,
    connectionTimeoutMillis: STORE_TIMEOUTS.pgConnectMs,
    idleTimeoutMillis: STORE_TIMEOUTS.pgIdleMs,
    statement_timeout: STORE_TIMEOUTS.pgStatementMs,
    query_timeout: STORE_TIMEOUTS.pgStatementMs + 1_000,
    // Epoch seconds are bigint columns: read them back as numbers (they are far below 2^53).
    types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === PG_INT8 ? Number : pg.types.getTypeParser(oid, format)) },
  });
  // An idle connection that the server drops must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error(`hubwatch: records: PostgreSQL connection lost: ${error.message}`));
  return { db: new Kysely<RecordsDatabase>({ dialect: new PostgresDialect({ pool }) }) };
}
