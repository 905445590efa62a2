import { type Deployment, type DeploymentBody, deploymentSchema, deploymentsEndpoint } from '../../lib/api/deployments';
import { parseErrorBody } from '../../lib/api/error';

export type { DeploymentBody } from '../../lib/api/deployments';

/**
 * POST /api/deployments, shared by the deploy CLI and the collector's automatic detection.
 * A deploy step must not fail a release because the dashboard was restarting: an unreachable
 * dashboard, a timeout or a 5xx is retried a few times with growing pauses; a 4xx (bad token,
 * bad field) is final, with the server's own message.
 */

export type PostSettings = {
  /** The dashboard's base URL, e.g. http://127.0.0.1:3000 (a path prefix is kept). */
  baseUrl: URL;
  token: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Pause before the second attempt; doubled each time. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told about each failed attempt that will be retried. */
  onRetry?: (message: string, waitMs: number) => void;
};

export class DeployPostError extends Error {
  override name = 'DeployPostError';
  constructor(
    message: string,
    /** True for an unreachable dashboard, a timeout or a 5xx: worth trying again later. */
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
  }
}

export const DEFAULT_DASHBOARD_URL = 'http://127.0.0.1:3000';

function serverMessage(status: number, text: string): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const error = parseErrorBody(json);
  return error !== null ? `HTTP ${status} ${error.code}: ${error.message}` : `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}`;
}

async function attempt(url: URL, body: DeploymentBody, token: string, timeoutMs: number): Promise<Deployment> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    text = await response.text();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new DeployPostError(`${url.origin} did not answer within ${timeoutMs} ms`, true);
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new DeployPostError(`${url.origin} is unreachable (${cause})`, true);
  }
  if (response.status !== 201) {
    throw new DeployPostError(serverMessage(response.status, text), response.status >= 500, response.status);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = deploymentSchema.safeParse(json);
  if (!parsed.success) throw new DeployPostError(`${url.origin} answered 201 with something that is not a deployment`, false);
  return parsed.data;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Records one deployment; resolves with it as stored, or rejects with a DeployPostError. */
export async function postDeployment(body: DeploymentBody, settings: PostSettings): Promise<Deployment> {
  const url = deploymentsEndpoint(settings.baseUrl);
  const attempts = settings.attempts ?? 4;
  const sleep = settings.sleep ?? realSleep;
  let wait = settings.backoffMs ?? 1_000;
  for (let n = 1; ; n++) {
    try {
      return await attempt(url, body, settings.token, settings.timeoutMs ?? 10_000);
    } catch (error) {
      if (!(error instanceof DeployPostError) || !error.retryable || n >= attempts) throw error;
      settings.onRetry?.(error.message, wait);
      await sleep(wait);
      wait *= 2;
    }
  }
}
