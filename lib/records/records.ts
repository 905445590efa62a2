import type { Kysely } from 'kysely';
import { getConfig } from '@/lib/config';
import { describeTarget, type StoreTarget } from '@/lib/config/store-target';
import { LATEST_VERSION, migrate } from './migrate';
import { openDatabase } from './open-database';
import type { RecordsDatabase } from './tables';

/**
 * The process's records store: opened and migrated once at start-up (lib/startup.ts awaits it, so
 * a store that cannot be opened or migrated stops the start), then shared. It lives on globalThis:
 * Next compiles route handlers and instrumentation.ts into separate module graphs of one build,
 * and one process must hold one SQLite handle or PostgreSQL pool.
 */

export type Records = {
  db: Kysely<RecordsDatabase>;
  target: StoreTarget;
  schemaVersion: number;
};

/** Why the store could not be used, naming the file or URL: start-up prints it and stops. */
export class StoreError extends Error {
  override name = 'StoreError';
}

const KEY = Symbol.for('hubwatch.records');
type Holder = { [KEY]?: Promise<Records> };

function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    const text = error.message !== '' ? error.message : String(code ?? error.name);
    return typeof code === 'string' && !text.includes(code) ? `${text} (${code})` : text;
  }
  return String(error);
}

/** Opens and migrates the store at `target`; a failure is a StoreError naming it and the problem. */
export async function openRecords(target: StoreTarget): Promise<Records> {
  const where = `${target.dialect === 'sqlite' ? 'SQLite file' : 'PostgreSQL'} ${describeTarget(target)}`;
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase(target);
  } catch (error) {
    throw new StoreError(`records: cannot open ${where}: ${reason(error)}`, { cause: error });
  }
  try {
    const schemaVersion = await migrate(opened.db, target.dialect, opened.sqlite);
    if (schemaVersion !== LATEST_VERSION) throw new Error(`at schema version ${schemaVersion}, expected ${LATEST_VERSION}`);
    return { db: opened.db, target, schemaVersion };
  } catch (error) {
    await opened.db.destroy().catch(() => undefined);
    throw new StoreError(`records: cannot open or migrate ${where}: ${reason(error)}`, { cause: error });
  }
}

/** The process's store (opened on first use; start-up opens it first). */
export function getRecords(): Promise<Records> {
  const holder = globalThis as Holder;
  holder[KEY] ??= openRecords(getConfig().records.target);
  return holder[KEY];
}
