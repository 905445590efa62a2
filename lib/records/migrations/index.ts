import type { Migration } from 'kysely';
import type { Dialect } from '@/lib/config/store-target';
import { deploymentsMigration } from './0001-deployments';
import { eventImportsMigration } from './0002-event-imports';
import { alertsMigration } from './0003-alerts';

/**
 * Every migration, in order. Names sort as they apply (Kysely orders by name) and are never
 * renamed; a new version is a new entry at the end.
 */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-deployments': deploymentsMigration(dialect),
    '0002-event-imports': eventImportsMigration(),
    '0003-alerts': alertsMigration(dialect),
  };
}

export const MIGRATION_NAMES = ['0001-deployments', '0002-event-imports', '0003-alerts'] as const;
