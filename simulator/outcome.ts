import type { SpawnOutcome } from './ledger';

/**
 * What JupyterHub (3.0 to 6.1) answered to a spawn request, mapped to a ledger outcome. `pending` means
 * the spawn was accepted and its end must be read from the progress stream. The texts are the
 * hub's own (handlers/base.py, apihandlers/users.py); see docs/hub-and-simulator.md.
 */
export type SpawnAnswer = SpawnOutcome | 'pending';

export function classifySpawnAnswer(status: number, body: string, location: string | null): SpawnAnswer {
  if (status === 201) return 'success';
  if (status === 202) return 'pending';
  if (status === 302 || status === 303) {
    // browser flow: a spawn started by /hub/spawn always redirects to the pending page (even if it
    // finished within the hub's 1 s wait); a redirect to the server means it was already running
    // and nothing was started or logged
    if (location?.includes('/spawn-pending/')) return 'pending';
    if (location?.includes('/user/')) return 'rejected';
    return 'unknown';
  }
  if (status === 429) {
    if (/Active user limit exceeded/i.test(body)) return 'limited';
    if (/Too many users trying to log in/i.test(body)) return 'throttled';
    return 'unknown';
  }
  if (status === 500) {
    // the process died before slow_spawn_timeout: the hub polls it and answers with its status
    if (/Spawner failed to start \[status=/.test(body)) return 'exited';
    return 'error';
  }
  if (status === 400) return 'rejected';
  return 'unknown';
}

/** The end of a spawn as the progress stream tells it: `{ready: true}` or `{failed: true, message}`. */
export function classifyProgressEnd(event: ProgressEvent): SpawnOutcome {
  if (event.ready === true) return 'success';
  if (event.failed !== true) return 'unknown';
  const message = event.message ?? '';
  // start() outlived start_timeout: tornado's with_timeout raises TimeoutError("Timeout") (3.x);
  // from 5.x asyncio's TimeoutError, which has no message
  if (/^Spawn failed: (?:Timeout)?$/.test(message)) return 'timeout';
  // started but never answered HTTP within http_timeout (also what a process that exited looks like here)
  if (/didn't respond in \d+ seconds/.test(message)) return 'http_timeout';
  return 'error';
}

export type ProgressEvent = { progress?: number; ready?: boolean; failed?: boolean; message?: string };

export function toProgressEvent(value: unknown): ProgressEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const event: ProgressEvent = {};
  if (typeof record.progress === 'number') event.progress = record.progress;
  if (typeof record.ready === 'boolean') event.ready = record.ready;
  if (typeof record.failed === 'boolean') event.failed = record.failed;
  if (typeof record.message === 'string') event.message = record.message;
  return event;
}
