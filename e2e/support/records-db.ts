import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import type { StoreTarget } from '@/lib/config/store-target';

/**
 * Throw-away databases for the records specs: a SQLite file in a new temp folder, or a new
 * database on the stack's PostgreSQL (stack/components/postgres.sh), dropped by the caller.
 */

export const PG_ADMIN_URL = process.env.HUBWATCH_TEST_PG_URL ?? 'postgres://hubwatch:hubwatch@127.0.0.1:5433/hubwatch';

export function sqliteTarget(): StoreTarget & { dialect: 'sqlite' } {
  return { dialect: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'hubwatch-records-')), 'records.sqlite') };
}

export function sqliteUrl(target: { path: string }): string {
  return `sqlite:${target.path}`;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database; its name is made here (never from input), quoted as an identifier. */
export async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `hubwatch_test_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const ident = (client: pg.Client) => client.escapeIdentifier(name);
  await admin((client) => client.query(`CREATE DATABASE ${ident(client)}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${ident(client)} WITH (FORCE)`)).then(() => undefined),
  };
}

export function pgTarget(url: string): StoreTarget {
  return { dialect: 'postgres', url, display: url };
}

export { sql };
