/**
 * The records database failed a query after start-up (PostgreSQL gone, its database dropped, a
 * disk error): the route layer answers 503 `records_unavailable` and logs the cause; the details
 * never reach the client.
 */
export class RecordsUnavailableError extends Error {
  override name = 'RecordsUnavailableError';
}

/** Runs one store operation, turning any failure of the database into a RecordsUnavailableError. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RecordsUnavailableError) throw error;
    throw new RecordsUnavailableError(`records database: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
