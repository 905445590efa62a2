import { isAbsolute, normalize } from 'node:path';

/**
 * Where the records live, from HUBWATCH_DATABASE_URL:
 * - unset or empty: SQLite, `records.sqlite` under the data directory (HUBWATCH_DATA_DIR, default
 *   `.data` in the working directory), the file the stack's other data sits beside;
 * - `sqlite:PATH` (or `file:PATH`): SQLite at PATH, relative to the working directory;
 * - `postgres://…` or `postgresql://…`: PostgreSQL (several dashboard instances sharing one set).
 */

export type Dialect = 'sqlite' | 'postgres';

export type StoreTarget =
  | { dialect: 'sqlite'; path: string }
  /** `display` is the URL without its password, for logs, errors and /api/health. */
  | { dialect: 'postgres'; url: string; display: string };

export const DEFAULT_SQLITE_FILE = 'records.sqlite';
const DEFAULT_DATA_DIR = '.data';

const absolute = (cwd: string, path: string) => (isAbsolute(path) ? normalize(path) : normalize(`${cwd}/${path}`));

export class StoreTargetError extends Error {}

export function parseStoreTarget(value: string | undefined, dataDir: string | undefined, cwd: string): StoreTarget {
  if (value === undefined || value === '') {
    // Plain string joins, not path.join/resolve: Turbopack reads those calls as references to the
    // project's files and would walk the data directory at build time (failing on the hub
    // virtualenv's symlinks there).
    const dir = dataDir === undefined || dataDir === '' ? `${cwd.replace(/\/+$/, '')}/${DEFAULT_DATA_DIR}` : absolute(cwd, dataDir);
    return { dialect: 'sqlite', path: `${dir.replace(/\/+$/, '')}/${DEFAULT_SQLITE_FILE}` };
  }
  const scheme = /^([a-z]+):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') {
    if (!URL.canParse(value)) throw new StoreTargetError('not a valid postgres:// URL');
    const url = new URL(value);
    if (url.hostname === '') throw new StoreTargetError('a postgres:// URL needs a host (postgres://user:password@host:5432/database)');
    if (url.pathname.length <= 1) throw new StoreTargetError('a postgres:// URL needs a database name after the host (…/hubwatch)');
    const shown = new URL(value);
    if (shown.password !== '') shown.password = '***';
    return { dialect: 'postgres', url: value, display: shown.href };
  }
  if (scheme === 'sqlite' || scheme === 'file') {
    const path = value.slice(scheme.length + 1).replace(/^\/\/(?=\/)/, '');
    if (path === '' || path === ':memory:') {
      throw new StoreTargetError('sqlite: needs a file path (records in memory would be lost at every restart)');
    }
    return { dialect: 'sqlite', path: absolute(cwd, path) };
  }
  throw new StoreTargetError('must be postgres://user:password@host:port/database or sqlite:PATH (unset: SQLite under the data directory)');
}

/** The file or URL (without password) a person would look at when the store fails. */
export function describeTarget(target: StoreTarget): string {
  return target.dialect === 'sqlite' ? target.path : target.display;
}
