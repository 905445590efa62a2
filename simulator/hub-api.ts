import { HttpError, readTextSafely, request } from './http';
import { type ProgressEvent, toProgressEvent } from './outcome';
import { EventStreamParser } from './sse';

/** The part of one of a user's servers the simulator looks at (GET /hub/api/users/NAME). */
export type ServerView = { ready: boolean; pending: string | null; pid: number | null };

export type HubAnswer = { status: number; body: string; location: string | null };

export type HubApiOptions = { hubUrl: string; token: string; requestTimeoutMs: number; spawnWaitMs: number };

/** REST calls made with the simulator's service token (scopes: admin:users, admin:servers). */
export class HubApi {
  private readonly base: string;

  constructor(private readonly options: HubApiOptions) {
    this.base = `${options.hubUrl.replace(/\/+$/, '')}/hub/api`;
  }

  private async call(method: string, path: string, body?: unknown, timeoutMs?: number): Promise<HubAnswer> {
    const response = await request(`${this.base}${path}`, {
      method,
      headers: { Authorization: `token ${this.options.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      timeoutMs: timeoutMs ?? this.options.requestTimeoutMs,
    });
    return { status: response.status, body: await readTextSafely(response), location: response.headers.get('location') };
  }

  private static userPath(name: string): string {
    return `/users/${encodeURIComponent(name)}`;
  }

  /** The default server (`''`) or a named one (`allow_named_servers`). */
  private static serverPath(name: string, server: string): string {
    const user = HubApi.userPath(name);
    return server === '' ? `${user}/server` : `${user}/servers/${encodeURIComponent(server)}`;
  }

  /** The hub's version from `GET /hub/api/` (`3.0.0` for Debian's 3.0). */
  async version(): Promise<string> {
    const answer = await this.call('GET', '/');
    const version = (safeJson(answer.body) as { version?: unknown } | null)?.version;
    if (answer.status !== 200 || typeof version !== 'string') {
      throw new HttpError(`GET /hub/api/ answered ${answer.status} without a version`, this.base);
    }
    return version;
  }

  /** Checks the token before a run starts, so a wrong token is one clear message, not 50 failures. */
  async checkAccess(): Promise<void> {
    const answer = await this.call('GET', '/user');
    if (answer.status !== 200) {
      throw new HttpError(`the hub refused the simulator token (GET /hub/api/user answered ${answer.status})`, this.base);
    }
    const missing = missingScopes(answer.body, ['admin:users', 'admin:servers']);
    if (missing.length > 0) throw new HttpError(`the simulator token lacks the scopes ${missing.join(', ')}`, this.base);
  }

  async createUsers(names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    const answer = await this.call('POST', '/users', { usernames: names });
    // 409: all of them exist already (a rerun with the same tag) - that is fine
    if (answer.status !== 201 && answer.status !== 409) {
      throw new HttpError(`creating users answered ${answer.status}: ${answer.body.slice(0, 200)}`, this.base);
    }
  }

  async deleteUser(name: string): Promise<number> {
    return (await this.call('DELETE', HubApi.userPath(name))).status;
  }

  /** POST .../server: the hub answers after at most slow_spawn_timeout (201, 202, 429, 500, 400). */
  async spawn(name: string, server = ''): Promise<HubAnswer> {
    return this.call('POST', HubApi.serverPath(name, server), undefined, this.options.spawnWaitMs);
  }

  async stop(name: string, server = ''): Promise<number> {
    return (await this.call('DELETE', HubApi.serverPath(name, server), undefined, this.options.spawnWaitMs)).status;
  }

  async server(name: string, server = ''): Promise<ServerView | null> {
    const answer = await this.call('GET', HubApi.userPath(name));
    if (answer.status === 404) return null;
    if (answer.status !== 200) throw new HttpError(`GET user answered ${answer.status}`, this.base);
    return parseServerView(answer.body, server);
  }

  /** Polls until `done(view)` holds; returns the last view, or throws after `timeoutMs`. */
  async waitFor(
    name: string,
    done: (view: ServerView | null) => boolean,
    timeoutMs: number,
    pollMs = 500,
    server = '',
  ): Promise<ServerView | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const view = await this.server(name, server);
      if (done(view)) return view;
      if (Date.now() > deadline) throw new HttpError(`server state did not settle within ${timeoutMs} ms`, this.base);
      await sleep(pollMs);
    }
  }

  /**
   * Waits until no server on the hub is pending (start or stop), whoever it belongs to: the
   * spawn throttle counts every pending spawn, so a step meant to be (or not be) throttled starts
   * from a known state. Returns false if the hub did not get quiet within `timeoutMs`.
   */
  async waitForQuiet(timeoutMs: number, pollMs = 500): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = await this.call('GET', '/users?state=active');
      if (answer.status === 200 && countPending(answer.body) === 0) return true;
      if (Date.now() > deadline) return false;
      await sleep(pollMs);
    }
  }

  /**
   * Follows GET .../server/progress (an event stream) to its last event. Must be opened while
   * the spawn is pending: once it failed, the hub discards the failed spawner and answers 400.
   */
  async progressEnd(name: string, server = ''): Promise<ProgressEvent | null> {
    const response = await request(`${this.base}${HubApi.serverPath(name, server)}/progress`, {
      headers: { Authorization: `token ${this.options.token}`, Accept: 'text/event-stream' },
      timeoutMs: this.options.spawnWaitMs,
    });
    if (response.status !== 200 || response.body === null) {
      await readTextSafely(response);
      return null;
    }
    const parser = new EventStreamParser();
    const decoder = new TextDecoder();
    let last: ProgressEvent | null = null;
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return last;
        for (const payload of parser.push(decoder.decode(value, { stream: true }))) {
          const event = toProgressEvent(safeJson(payload));
          if (event === null) continue;
          last = event;
          if (event.ready === true || event.failed === true) return event;
        }
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new HttpError(`progress stream broke off (${reason})`, this.base);
    } finally {
      // the hub keeps the stream open with keepalives: let go of it once the end is known
      reader.cancel().catch(() => undefined);
    }
  }
}

/** The server `serverName` (`''`: the default one) of a user model; null when it does not run. */
export function parseServerView(body: string, serverName = ''): ServerView | null {
  const user = safeJson(body);
  if (typeof user !== 'object' || user === null) return null;
  const servers = (user as { servers?: unknown }).servers;
  if (typeof servers !== 'object' || servers === null) return null;
  const server = (servers as Record<string, unknown>)[serverName];
  if (typeof server !== 'object' || server === null) return null;
  const { ready, pending, state } = server as { ready?: unknown; pending?: unknown; state?: unknown };
  const pid = typeof state === 'object' && state !== null ? (state as { pid?: unknown }).pid : undefined;
  return {
    ready: ready === true,
    pending: typeof pending === 'string' ? pending : null,
    pid: typeof pid === 'number' && pid > 0 ? pid : null,
  };
}

/** Pending servers in a GET /hub/api/users answer (-1 if the answer is not a user list). */
export function countPending(usersBody: string): number {
  const users = safeJson(usersBody);
  if (!Array.isArray(users)) return -1;
  let pending = 0;
  for (const user of users as unknown[]) {
    const servers = typeof user === 'object' && user !== null ? (user as { servers?: unknown }).servers : undefined;
    if (typeof servers !== 'object' || servers === null) continue;
    for (const server of Object.values(servers)) {
      if (typeof server === 'object' && server !== null && typeof (server as { pending?: unknown }).pending === 'string') pending += 1;
    }
  }
  return pending;
}

/** Scopes of `needed` absent from a whoami model (`scopes` list, JupyterHub >= 2). */
export function missingScopes(whoamiBody: string, needed: readonly string[]): string[] {
  const model = safeJson(whoamiBody);
  const scopes = typeof model === 'object' && model !== null ? (model as { scopes?: unknown }).scopes : undefined;
  const held = new Set(Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : []);
  return needed.filter((scope) => !held.has(scope));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
