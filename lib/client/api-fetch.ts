import type { z } from 'zod';
import { parseErrorBody } from '@/lib/api/error';

/** Longer than the proxy's own Graphite timeout, so the proxy's 504 reaches us rather than our abort. */
export const CLIENT_FETCH_TIMEOUT_MS = 20_000;

/** A failed API call, with the status and code the route handler chose (status 0: no answer). */
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiClientError';
  }
}

/** What a person reads when a panel cannot load. */
export function plainErrorMessage(error: unknown): string {
  if (!(error instanceof ApiClientError)) return 'could not load data';
  if (error.code === 'graphite_unreachable' || error.status === 502) return 'metrics backend unreachable';
  if (error.status === 504) return 'metrics backend did not answer in time';
  if (error.code === 'graphite_busy') return 'metrics backend busy; trying again shortly';
  if (error.status === 0) return 'dashboard server unreachable';
  if (error.status >= 400 && error.status < 500) return error.message;
  return 'metrics backend error';
}

/** Call a JSON API of this dashboard (GET unless `init` says otherwise) and validate the answer; throws ApiClientError. */
export async function fetchJson<T>(url: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    const headers = { accept: 'application/json', ...(init.headers as Record<string, string> | undefined) };
    res = await fetch(url, { ...init, headers, signal: AbortSignal.timeout(CLIENT_FETCH_TIMEOUT_MS) });
  } catch (cause) {
    const timedOut = cause instanceof DOMException && cause.name === 'TimeoutError';
    throw new ApiClientError(timedOut ? 504 : 0, timedOut ? 'timeout' : 'network', 'no answer from the dashboard server');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const detail = parseErrorBody(body);
    throw detail !== null
      ? new ApiClientError(res.status, detail.code, detail.message)
      : new ApiClientError(res.status, 'http_error', `HTTP ${res.status}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiClientError(res.status, 'bad_response', 'unexpected answer from the dashboard server');
  return parsed.data;
}
