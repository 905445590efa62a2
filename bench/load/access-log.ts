import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

/**
 * What graphite-web itself logged (gunicorn's access log) between two moments: the lines added
 * after an offset, split by the kind of request. The stack is shared, so these lines can include
 * other people's requests; the user agent tells the dashboard's (`hubwatch-proxy`, any dashboard)
 * from the rest. The log shows the request line only, so a POST /render's targets are not in it.
 */

export type PathKind = 'render' | 'find' | 'metrics' | 'events' | 'other';

export type LogCount = {
  lines: number;
  byKind: Record<PathKind, number>;
  /** Lines sent with the dashboard's user agent. */
  fromDashboards: number;
  /** Distinct request lines (method + URL); every POST /render counts as the same one. */
  distinctRequestLines: number;
};

const REQUEST = /"([A-Z]+) (\S+) HTTP\/[\d.]+" \d{3} \S+ "[^"]*" "([^"]*)"/;

export function kindOf(path: string): PathKind {
  const pathname = path.split('?')[0] ?? path;
  if (pathname.startsWith('/render')) return 'render';
  if (pathname.startsWith('/metrics/find')) return 'find';
  if (pathname.startsWith('/metrics')) return 'metrics';
  if (pathname.startsWith('/events')) return 'events';
  return 'other';
}

export function logSize(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

function readFrom(file: string, offset: number): string {
  const size = logSize(file);
  // Rotated or truncated meanwhile: read what is there now.
  const start = size < offset ? 0 : offset;
  if (size === start) return '';
  const buffer = Buffer.alloc(size - start);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, start);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

export function countSince(file: string, offset: number): LogCount {
  const count: LogCount = {
    lines: 0,
    byKind: { render: 0, find: 0, metrics: 0, events: 0, other: 0 },
    fromDashboards: 0,
    distinctRequestLines: 0,
  };
  const distinct = new Set<string>();
  for (const line of readFrom(file, offset).split('\n')) {
    const match = REQUEST.exec(line);
    if (match === null) continue;
    const [, method = '', url = '', agent = ''] = match;
    count.lines++;
    count.byKind[kindOf(url)]++;
    if (agent === 'hubwatch-proxy') count.fromDashboards++;
    distinct.add(`${method} ${url}`);
  }
  count.distinctRequestLines = distinct.size;
  return count;
}
