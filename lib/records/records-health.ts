import { sql } from 'kysely';
import { describeTarget } from '@/lib/config/store-target';
import { getRecords } from './records';

export type RecordsHealth = {
  store: 'sqlite' | 'postgres';
  /** The SQLite file, or the PostgreSQL URL without its password. */
  location: string;
  schemaVersion: number;
  reachable: boolean;
  latencyMs: number;
  error?: string;
};

/** The store answers a trivial query (PostgreSQL may have gone away since start-up). */
export async function checkRecords(): Promise<RecordsHealth> {
  const records = await getRecords();
  const started = performance.now();
  const base = { store: records.target.dialect, location: describeTarget(records.target), schemaVersion: records.schemaVersion };
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    await sql`select 1`.execute(records.db);
    return { ...base, reachable: true, latencyMs: elapsed() };
  } catch (error) {
    return { ...base, reachable: false, latencyMs: elapsed(), error: error instanceof Error ? error.message : String(error) };
  }
}
