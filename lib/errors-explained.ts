/**
 * What students run into, one row per category: which contract keys count it, what the student
 * saw on screen (JupyterHub 3.x–5.x message text) and what an operator should check.
 * `/errors`, `/` and `/api/status` all read this table, so a category is defined in one place.
 */
import type { ErrorCategory } from '@/lib/api/status';
import type { CounterFamily, CounterKey } from '@/lib/catalog';

// The categories are part of the status answer's contract (lib/api/status.ts); this table says how each is counted.
export { ERROR_CATEGORIES, type ErrorCategory } from '@/lib/api/status';

/** Where a category's count comes from: a plain counter, or members of a counter family. */
export type ErrorSource =
  | { kind: 'counter'; key: CounterKey }
  | {
      kind: 'family';
      family: CounterFamily;
      /** Which members count, on exact names (e.g. "503"). */
      members: (member: string) => boolean;
      /** The same set as a Graphite glob, for chart targets. */
      glob: string;
      /** Counted elsewhere already, so subtracted (never below 0). */
      minus?: CounterKey;
    };

export interface ErrorExplanation {
  label: string;
  source: ErrorSource;
  /** The contract key(s) as an operator would grep for them. */
  keys: string;
  studentSaw: string;
  operatorCheck: string;
}

const is5xx = (member: string): boolean => /^5\d\d$/.test(member);

export const ERRORS_EXPLAINED: Record<ErrorCategory, ErrorExplanation> = {
  spawn_error: {
    label: 'Spawn error',
    source: { kind: 'counter', key: 'spawns.failure.error' },
    keys: 'spawns.failure.error',
    studentSaw:
      '"Spawn failed: …" followed by the error (e.g. "[Errno 2] No such file or directory"), then ' +
      '"The latest attempt to start your server has failed. Would you like to retry starting it?"',
    operatorCheck:
      'Hub log "Unhandled error starting <user>\'s server" / "Error starting": the spawner command, image or ' +
      'volume is wrong, or the cluster refused the pod.',
  },
  process_exited: {
    label: 'Process exited',
    source: { kind: 'counter', key: 'spawns.failure.exited' },
    keys: 'spawns.failure.exited',
    studentSaw: '"Spawner failed to start [status=N]. The logs for <your name> may contain details."',
    operatorCheck:
      'The single-user server started and exited: read its own log (missing package, bad config, ' + 'full home directory, out of memory).',
  },
  start_timeout: {
    label: 'Start timeout',
    source: { kind: 'counter', key: 'spawns.failure.timeout' },
    keys: 'spawns.failure.timeout',
    studentSaw: '"Spawn failed: Timeout" after waiting for the whole start timeout.',
    operatorCheck:
      '"failed to start in N seconds": slow image pulls, node scale-up or a full cluster; compare with ' + 'Spawner.start_timeout.',
  },
  never_responded: {
    label: 'Never responded',
    source: { kind: 'counter', key: 'spawns.failure.http_timeout' },
    keys: 'spawns.failure.http_timeout',
    studentSaw: '"Spawn failed: Server at http://…/user/<your name>/ didn\'t respond in N seconds"',
    operatorCheck:
      '"never showed up at … after N seconds": the server started but the hub cannot reach it (network ' +
      'policy, wrong ip/port, slow start); compare with Spawner.http_timeout.',
  },
  throttled: {
    label: 'Throttled (429)',
    source: { kind: 'counter', key: 'spawns.throttled' },
    keys: 'spawns.throttled',
    studentSaw: '"Too many users trying to log in right now. Try again in N seconds."',
    operatorCheck:
      '"N pending spawns, throttling": more simultaneous starts than concurrent_spawn_limit; raise it or ' +
      'pre-start servers before the lecture.',
  },
  active_user_limit: {
    label: 'Active-user limit',
    source: { kind: 'counter', key: 'spawns.limited' },
    keys: 'spawns.limited',
    studentSaw: '"Active user limit exceeded. Try again in a few minutes."',
    operatorCheck: '"N servers active, no space available": active_server_limit reached; cull idle servers or raise the limit.',
  },
  server_crashed: {
    label: 'Server crashed',
    source: { kind: 'counter', key: 'servers.crashed' },
    keys: 'servers.crashed',
    studentSaw:
      'Their notebook stopped answering; the next page showed "Your server appears to be down. Try ' +
      'restarting it from the hub" or "Server not running".',
    operatorCheck:
      '"server stopped, with exit code": exit code -9 or 137 is usually the out-of-memory killer; check ' +
      'memory limits and node events.',
  },
  server_not_running: {
    label: 'Server not running (424)',
    source: { kind: 'family', family: 'requests.status', members: (m) => m === '424', glob: '424' },
    keys: 'requests.status.424',
    studentSaw: '"Server not running. Your server is not running. Would you like to start it?"',
    operatorCheck:
      'Students opened a link to a server that was stopped (culled, crashed or stopped by them); frequent ' +
      '424s after crashes or an aggressive idle culler.',
  },
  proxy_503: {
    label: 'Proxy 503',
    source: { kind: 'family', family: 'proxy.errors', members: (m) => m === '503', glob: '503' },
    keys: 'proxy.errors.503',
    studentSaw: '"503 : Service Unavailable. Your server appears to be down. Try restarting it from the hub"',
    operatorCheck:
      'configurable-http-proxy could not connect to a server it still routes to (ECONNREFUSED): the server ' +
      'died; look for crashes and stale proxy routes.',
  },
  hub_5xx: {
    label: 'Hub 5xx',
    source: { kind: 'family', family: 'requests.status', members: is5xx, glob: '5[0-9][0-9]', minus: 'requests.spawn_5xx' },
    keys: 'requests.status.5xx − requests.spawn_5xx',
    studentSaw: '"500 : Internal Server Error" (or 502/503) from the hub itself.',
    operatorCheck:
      "Tracebacks in the hub log. A 500 that answered a failed start is counted under that start's reason " + 'above, not here.',
  },
  failed_login: {
    label: 'Failed login',
    source: { kind: 'counter', key: 'logins.failure' },
    keys: 'logins.failure',
    studentSaw: '"Invalid username or password"',
    operatorCheck:
      '"Failed login for <user>": mistyped passwords are normal; a burst points at the authenticator or ' +
      'its upstream (LDAP, OAuth) being down.',
  },
};
