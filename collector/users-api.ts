import { z } from 'zod';
import { type HubClient, HubHttpError } from './hub-http';
import type { Logger } from './logger';
import type { MetricEmitter } from './metric-emitter';

const server = z.object({ ready: z.boolean().optional() }).passthrough();
const user = z
  .object({
    name: z.string().optional(),
    servers: z.record(z.string(), server).optional(),
    server: z.string().nullable().optional(),
  })
  .passthrough();
const paginated = z.object({
  items: z.array(user),
  _pagination: z.object({
    total: z.number().int().nonnegative(),
    next: z.object({ offset: z.number().int().nonnegative() }).nullable().optional(),
  }),
});
const plainList = z.array(user);

const PAGINATION = 'application/jupyterhub-pagination+json';
const PAGE_SIZE = 200;
const MAX_PAGES = 1000;

type User = z.infer<typeof user>;

/** Ready servers of a user: every named and default server whose `ready` is true. */
export function readyServers(u: User): number {
  let n = 0;
  for (const s of Object.values(u.servers ?? {})) if (s.ready === true) n++;
  return n;
}

export interface UserCounts {
  readonly usersTotal: number;
  readonly serversRunning: number;
}

/**
 * Reads `/hub/api/users`. Pagination (JupyterHub >= 2) is requested explicitly because without it
 * the hub silently returns only the first page; a plain list (older hubs) is counted as it is.
 * `jupyterhub_running_servers` drifts, so running servers are counted from `ready` here.
 */
export async function fetchUserCounts(client: HubClient, pageSize = PAGE_SIZE): Promise<UserCounts> {
  const first = await client.get(`hub/api/users?limit=1`, PAGINATION);
  const firstBody = parseJson(first.body);
  const plain = plainList.safeParse(firstBody);
  if (plain.success) {
    // A hub without pagination returned everything.
    return { usersTotal: plain.data.length, serversRunning: plain.data.reduce((n, u) => n + readyServers(u), 0) };
  }
  const head = paginated.safeParse(firstBody);
  if (!head.success) throw new HubHttpError('bad_body', '/hub/api/users', 'unexpected JSON shape');
  let serversRunning = 0;
  let offset = 0;
  // The hub joins users to their servers for `state=ready`; a user is counted once even if a page
  // repeats them. The names stay in this function.
  const seen = new Set<string>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await client.get(`hub/api/users?state=ready&offset=${offset}&limit=${pageSize}`, PAGINATION);
    const body = paginated.safeParse(parseJson(res.body));
    if (!body.success) throw new HubHttpError('bad_body', '/hub/api/users', 'unexpected JSON shape');
    for (const u of body.data.items) {
      if (u.name !== undefined) {
        if (seen.has(u.name)) continue;
        seen.add(u.name);
      }
      serversRunning += readyServers(u);
    }
    // `ready` is filtered after paging, so a page can be empty while later ones are not: follow `next`.
    const next = body.data._pagination.next;
    if (!next || next.offset <= offset) break;
    offset = next.offset;
  }
  return { usersTotal: head.data._pagination.total, serversRunning };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HubHttpError('bad_body', '/hub/api/users', 'answer is not JSON');
  }
}

/** Emits `users.total` and `servers.running` gauges each interval. */
export class UsersSource {
  private disabled = false;
  private lastError = '';

  constructor(
    private readonly client: HubClient,
    private readonly out: MetricEmitter,
    private readonly log: Logger,
  ) {}

  async run(): Promise<void> {
    if (this.disabled) return;
    try {
      const counts = await fetchUserCounts(this.client);
      this.out.gauge('users.total', counts.usersTotal);
      this.out.gauge('servers.running', counts.serversRunning);
      if (this.lastError) this.log.info('users API: recovered');
      this.lastError = '';
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof HubHttpError && err.kind === 'forbidden') {
        this.disabled = true;
        this.log.error(
          'users API: GET /hub/api/users answered 403: the token lacks the list:users and read:servers scopes ' +
            '(add them to the collector service role); servers.running and users.total are disabled',
        );
        return;
      }
      if (message !== this.lastError) this.log.warn(`users API: ${message}`);
      this.lastError = message;
    }
  }
}
