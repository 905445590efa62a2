/** One place that calls the hub: base URL, token header, timeout, typed errors. */
export type HubErrorKind = 'timeout' | 'unreachable' | 'forbidden' | 'not_found' | 'status' | 'bad_body';

export class HubHttpError extends Error {
  constructor(
    readonly kind: HubErrorKind,
    readonly path: string,
    message: string,
    readonly status?: number,
  ) {
    super(`${path}: ${message}`);
    this.name = 'HubHttpError';
  }
}

export interface HubClientOptions {
  readonly baseUrl: URL;
  readonly token: string | null;
  readonly timeoutMs: number;
}

export interface HubResponse {
  readonly status: number;
  readonly body: string;
  readonly elapsedMs: number;
}

export class HubClient {
  constructor(private readonly options: HubClientOptions) {}

  /** GET a path relative to the hub's base URL, e.g. `hub/metrics`. Non-2xx answers throw. */
  async get(path: string, accept?: string): Promise<HubResponse> {
    const url = new URL(path, this.options.baseUrl);
    const headers: Record<string, string> = {};
    if (this.options.token !== null) headers.Authorization = `token ${this.options.token}`;
    if (accept !== undefined) headers.Accept = accept;
    const started = performance.now();
    let res: Response;
    let body: string;
    try {
      res = await fetch(url, { headers, signal: AbortSignal.timeout(this.options.timeoutMs), redirect: 'manual' });
      body = await res.text();
    } catch (err) {
      const name = err instanceof Error ? err.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new HubHttpError('timeout', url.pathname, `no answer within ${this.options.timeoutMs} ms`);
      }
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
      throw new HubHttpError('unreachable', url.pathname, `unreachable (${cause})`);
    }
    const elapsedMs = performance.now() - started;
    if (res.status === 403) throw new HubHttpError('forbidden', url.pathname, 'forbidden (403)', 403);
    if (res.status === 404) throw new HubHttpError('not_found', url.pathname, 'not found (404)', 404);
    if (res.status < 200 || res.status > 299) {
      throw new HubHttpError('status', url.pathname, `answered ${res.status}`, res.status);
    }
    return { status: res.status, body, elapsedMs };
  }
}
