import type { ColumnType, Generated } from 'kysely';

/**
 * hubwatch's own records (not time series), as the migrations leave them. Times are whole epoch
 * seconds in integer columns on both stores, so SQLite and PostgreSQL compare and sort them alike.
 */

/** A deployment or restart. A deleted one keeps its row (deleted_at set): its id is never reused. */
export type DeploymentsTable = {
  /** The id in `/deployments/<id>`; an imported one keeps its graphite-web event id. */
  id: Generated<number>;
  hub: string;
  kind: string;
  at: number;
  what: string;
  version: string | null;
  commit_id: string | null;
  author: string | null;
  link: string | null;
  source: string;
  /** `api` (written through this store) or `graphite-events` (imported on the move). */
  origin: string;
  created_at: number;
  deleted_at: number | null;
  /** The graphite-web event that shows it to Grafana (the imported one, or the mirror's), when known. */
  event_id: number | null;
};

/** One row per import that ran (or was found unnecessary): the reason a second start imports nothing. */
export type RecordImportsTable = {
  source: string;
  imported_at: number;
  imported: number;
  note: string;
};

/** What the history import of issue 19 may record about a run (added by migration 3 for it). */
export type HistoryImportsTable = {
  id: Generated<number>;
  hub: string;
  from_at: number;
  until_at: number;
  points: number;
  created_at: number;
};

/** An episode of a hub's verdict away from Operational (the alerts' incidents). */
export type IncidentsTable = {
  id: Generated<number>;
  hub: string;
  /** Degraded or Down, as last seen. */
  verdict: string;
  reason: string;
  started_at: number;
  changed_at: number;
  resolved_at: number | null;
  deployment_id: number | null;
};

/**
 * One message for one channel. `dedupe_key` is unique, so two dashboard instances on one database
 * can both try to send a transition and only one row (one message) exists.
 */
export type DeliveriesTable = {
  id: Generated<number>;
  dedupe_key: string;
  channel: string;
  kind: string;
  incident_id: number | null;
  deployment_id: number | null;
  payload: string;
  status: string;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: number;
  last_error: string | null;
  late: ColumnType<number, number | undefined, number>;
  created_at: number;
  sent_at: number | null;
};

export type RecordsDatabase = {
  deployments: DeploymentsTable;
  record_imports: RecordImportsTable;
  history_imports: HistoryImportsTable;
  incidents: IncidentsTable;
  deliveries: DeliveriesTable;
};
