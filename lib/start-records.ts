import { getConfig } from '@/lib/config';
import { describeTarget } from '@/lib/config/store-target';
import { importFailure, importGraphiteEvents } from '@/lib/deployments/event-import';
import { backendOffers, describeOffers } from '@/lib/graphite/backend-offers';
import { getRecords, type Records } from '@/lib/records/records';

/**
 * Start-up's part for the records: open and migrate the store (a failure throws a StoreError and
 * stops the start), import graphite-web's deployment events once, and say in one line where the
 * records are and what the Graphite backend offers. Graphite being down never stops the start: the
 * import is retried every minute until it has run.
 */

const IMPORT_RETRY_MS = 60_000;

function storeLine(records: Records): string {
  const kind = records.target.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  return `records in ${kind} ${describeTarget(records.target)} (schema version ${records.schemaVersion})`;
}

async function importOnce(records: Records): Promise<boolean> {
  try {
    const result = await importGraphiteEvents(records);
    if (result.ran) {
      console.log(
        `hubwatch: records: imported ${result.imported} deployments from graphite-web events (${result.deleted} of them deleted)`,
      );
    }
    return true;
  } catch (error) {
    const why = importFailure(error);
    if (why === undefined) throw error;
    console.error(`hubwatch: records: import of graphite-web's deployment events postponed (${why}); retrying every minute`);
    return false;
  }
}

function retryImport(records: Records): void {
  const timer = setInterval(() => {
    importOnce(records)
      .then((done) => {
        if (done) clearInterval(timer);
      })
      .catch((error: unknown) => console.error('hubwatch: records: import failed:', error));
  }, IMPORT_RETRY_MS);
  timer.unref();
}

export async function startRecords(): Promise<void> {
  const records = await getRecords();
  const [imported, offers] = await Promise.all([importOnce(records), backendOffers()]);
  if (!imported) retryImport(records);
  console.log(`hubwatch: ${storeLine(records)}; Graphite ${getConfig().graphite.url} ${describeOffers(offers)}`);
}
