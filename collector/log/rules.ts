import type { CounterKey, SpawnFailureReason } from '../../lib/catalog';

/** What a recognised hub message does. `known` lines are recognised follow-ons of something already counted. */
export type RuleEffect =
  | { readonly kind: 'count'; readonly key: CounterKey }
  | { readonly kind: 'spawn-success' }
  | { readonly kind: 'spawn-failure'; readonly reason: SpawnFailureReason }
  | { readonly kind: 'server-ended'; readonly key: CounterKey }
  /** The hub's start-up check declared a server it found in its database dead (startup-checks.ts). */
  | { readonly kind: 'found-dead' }
  /** `Running JupyterHub version` / `Initialized N spawners`: the start-up check begins / ends. */
  | { readonly kind: 'hub-starting' }
  | { readonly kind: 'spawners-initialized' }
  /** A start request's uncaught exception: its traceback says whether the process had exited (5.x, 6.x). */
  | { readonly kind: 'start-exception' }
  | { readonly kind: 'known' };

export interface HubRule {
  readonly id: string;
  /** A literal the message must start with, when the message has a fixed start (cheapest gate). */
  readonly startsWith?: string;
  /** A literal that must occur in the message: a cheap gate before the regex. */
  readonly needle: string;
  /** Anchored on the message. Group `user` (never emitted, never logged), group `seconds` when timed. */
  readonly pattern: RegExp;
  readonly effect: RuleEffect;
  /** A real message (JupyterHub 3.0 capture unless noted); the unit tests run every example. */
  readonly examples: readonly string[];
}

/**
 * The rule table for `JupyterHub` app lines that are not access-log lines. Request lines
 * (`log:186` on 3.0, `log:192` on 4.x-6.x) are parsed separately because they are the hot path.
 */
export const HUB_RULES: readonly HubRule[] = [
  {
    id: 'login-success',
    startsWith: 'User logged in',
    needle: 'User logged in',
    pattern: /^User logged in\b/,
    effect: { kind: 'count', key: 'logins.success' },
    examples: ['User logged in: alice'],
  },
  {
    id: 'login-failure',
    startsWith: 'Failed login',
    needle: 'Failed login',
    pattern: /^Failed login\b/,
    effect: { kind: 'count', key: 'logins.failure' },
    examples: ['Failed login for mallory'],
  },
  {
    id: 'spawn-success',
    startsWith: 'User ',
    needle: ' seconds to start',
    pattern: /^User (?<user>\S+) took (?<seconds>\d+(?:\.\d+)?) seconds to start/,
    effect: { kind: 'spawn-success' },
    examples: ['User alice took 2.959 seconds to start'],
  },
  {
    id: 'server-stopped',
    startsWith: 'User ',
    needle: ' seconds to stop',
    pattern: /^User (?<user>\S+) server took \d+(?:\.\d+)? seconds to stop/,
    effect: { kind: 'server-ended', key: 'servers.stopped' },
    examples: ['User bob server took 0.795 seconds to stop'],
  },
  {
    id: 'server-crashed',
    startsWith: 'User ',
    needle: 'with exit code',
    pattern: /^User (?<user>\S+) server stopped,? with exit code/,
    effect: { kind: 'server-ended', key: 'servers.crashed' },
    // `, with exit code` when the hub's poll notices; `with exit code` (app.py) when found dead at hub start-up.
    examples: ['User carol server stopped, with exit code: -9', 'User dave server stopped with exit code: 1'],
  },
  {
    id: 'server-gone-while-down',
    needle: 'appears to have stopped while the Hub was down',
    // The hub's start found a server dead that ran when the hub stopped (cleanup_servers=False):
    // its only word on that death, a warning, on 3.0 and 6.1.1 alike. Named servers as `user:name`.
    pattern: /^(?<user>\S+) appears to have stopped while the Hub was down/,
    effect: { kind: 'found-dead' },
    examples: [
      'student001-mj2x3k appears to have stopped while the Hub was down',
      'student004-mj2x3k:lab appears to have stopped while the Hub was down',
    ],
  },
  {
    id: 'server-unresponsive-at-start',
    needle: ' does not appear to be running at ',
    // The process is there (it answers the poll's signal 0) but not HTTP, e.g. frozen: after its own
    // `never showed up` the check stops it and says so; `appears to have stopped` may follow (one death).
    pattern: /^(?<user>\S+) does not appear to be running at \S+, shutting it down/,
    effect: { kind: 'found-dead' },
    examples: ['student001-mj2x3k does not appear to be running at http://127.0.0.1:41234/user/student001-mj2x3k/, shutting it down.'],
  },
  {
    id: 'hub-starting',
    startsWith: 'Running JupyterHub version',
    needle: 'Running JupyterHub version',
    pattern: /^Running JupyterHub version /,
    effect: { kind: 'hub-starting' },
    examples: ['Running JupyterHub version 3.0.0', 'Running JupyterHub version 6.1.1'],
  },
  {
    id: 'spawners-initialized',
    startsWith: 'Initialized ',
    needle: ' spawners in ',
    pattern: /^Initialized \d+ spawners in /,
    effect: { kind: 'spawners-initialized' },
    examples: ['Initialized 5 spawners in 39.042 seconds'],
  },
  {
    id: 'server-poll-failed-at-start',
    startsWith: 'Failed to poll spawner',
    needle: 'Failed to poll spawner',
    // The same: followed by `appears to have stopped while the Hub was down`.
    pattern: /^Failed to poll spawner for \S+, assuming the spawner is not running/,
    effect: { kind: 'known' },
    examples: ['Failed to poll spawner for student001-mj2x3k, assuming the spawner is not running.'],
  },
  {
    id: 'server-cleanup-after-down-failed',
    startsWith: 'Failed to cleanup',
    needle: 'which appeared to stop while the Hub was down',
    // 6.x stops a server it found dead at start-up; a failure of that stop is about a death counted already.
    pattern: /^Failed to cleanup \S+ which appeared to stop while the Hub was down/,
    effect: { kind: 'known' },
    examples: ['Failed to cleanup student001-mj2x3k which appeared to stop while the Hub was down.'],
  },
  {
    id: 'spawn-error',
    needle: 'rror starting ',
    // `Unhandled error starting X's server: <exc>`; 5.x and later log an HTTPError as `Error starting X's server`.
    pattern: /^(?:Unhandled error|Error) starting (?<user>\S+?)'s server/,
    effect: { kind: 'spawn-failure', reason: 'error' },
    examples: [
      "Unhandled error starting broken1's server: [Errno 2] No such file or directory: '/nonexistent/bin/jupyterhub-singleuser'",
      "Error starting broken2's server: boom",
    ],
  },
  {
    id: 'spawn-not-starting',
    startsWith: 'Not starting ',
    needle: "'s server",
    // 6.x: the spawner refused the start with a SpawnException (a message meant for the user).
    pattern: /^Not starting (?<user>\S+?)'s server/,
    effect: { kind: 'spawn-failure', reason: 'error' },
    // from JupyterHub 6.1.1's user.py (the demo spawner never raises SpawnException)
    examples: ["Not starting dana's server : quota exceeded"],
  },
  {
    id: 'spawn-wait-error',
    startsWith: 'Unhandled error waiting',
    needle: 'rror waiting for ',
    // start() returned but polling the server failed with something other than a timeout (hub statsd: http_error).
    pattern: /^Unhandled error waiting for (?<user>\S+?)'s server to show up/,
    effect: { kind: 'spawn-failure', reason: 'error' },
    examples: ["Unhandled error waiting for dana's server to show up at http://127.0.0.1:4/user/dana/: refused"],
  },
  {
    id: 'spawn-exited',
    needle: 'Spawner failed to start [status=',
    // A tornado warning (`500 POST /hub/api/users/X/server (ip): Spawner failed ...`); the process exited.
    pattern: /Spawner failed to start \[status=[^\]]*\](?:\. The logs for (?<user>\S+?) may contain)?/,
    effect: { kind: 'spawn-failure', reason: 'exited' },
    examples: [
      '500 POST /hub/api/users/crash1/server (127.0.0.1): Spawner failed to start [status=3]. The logs for crash1 may contain details.',
    ],
  },
  {
    id: 'spawn-timeout',
    needle: "'s server failed to start in ",
    pattern: /^(?<user>\S+?)'s server failed to start in \d+(?:\.\d+)? seconds/,
    effect: { kind: 'spawn-failure', reason: 'timeout' },
    examples: ["hang1's server failed to start in 10 seconds, giving up."],
  },
  {
    id: 'spawn-http-timeout',
    needle: "'s server never showed up",
    pattern: /^(?<user>\S+?)'s server never showed up at /,
    effect: { kind: 'spawn-failure', reason: 'http_timeout' },
    examples: ["mute1's server never showed up at http://127.0.0.1:57049/user/mute1/ after 15 seconds. Giving up."],
  },
  {
    id: 'spawn-throttled',
    needle: 'pending spawns, throttling',
    pattern: /^\d+ pending spawns, throttling/,
    effect: { kind: 'count', key: 'spawns.throttled' },
    examples: ['2 pending spawns, throttling. Suggested retry in 35 seconds.'],
  },
  {
    id: 'spawn-limited',
    needle: 'no space available',
    pattern: /^\d+ servers active, no space available/,
    effect: { kind: 'count', key: 'spawns.limited' },
    examples: ['40 servers active, no space available'],
  },
  {
    id: 'start-uncaught-exception',
    startsWith: 'Uncaught exception POST ',
    needle: '/server',
    // JupyterHub 5.x/6.x answer a start whose process exited with this 500 (InvalidStateError in its
    // own exit check) instead of `Spawner failed to start [status=N]`; every version after `Unhandled error`.
    pattern: /^Uncaught exception POST \S*?\/hub\/api\/users\/(?<user>[^/ ]+)\/servers?(?:\/[^/ ]*)? /,
    effect: { kind: 'start-exception' },
    examples: ['Uncaught exception POST /hub/api/users/crash1-tpcyqk/server (127.0.0.1)'],
  },
  {
    id: 'uncaught-exception',
    startsWith: 'Uncaught exception',
    needle: 'Uncaught exception',
    // Tornado's report of a handler's 500; the request line counts it.
    pattern: /^Uncaught exception /,
    effect: { kind: 'known' },
    examples: ['Uncaught exception GET /hub/spawn (127.0.0.1)'],
  },
  {
    id: 'spawn-future-timeout',
    startsWith: 'Exception in Future',
    needle: 'Exception in Future',
    // The abandoned spawn future of an attempt already counted as timeout/http_timeout.
    pattern: /^Exception in Future .*finish_user_spawn/,
    effect: { kind: 'known' },
    examples: [
      "Exception in Future <Task finished name='Task-225' coro=<BaseHandler.spawn_single_user.<locals>.finish_user_spawn() done, defined at /usr/lib/python3/dist-packages/jupyterhub/handlers/base.py:954> exception=TimeoutError('Timeout')> after timeout",
    ],
  },
  {
    id: 'spawn-cleanup-failed',
    startsWith: 'Failed to cleanup',
    needle: 'Failed to cleanup',
    pattern: /^Failed to cleanup \S+'s server that failed to start/,
    effect: { kind: 'known' },
    examples: ["Failed to cleanup eve's server that failed to start"],
  },
  {
    id: 'spawn-page-error',
    startsWith: 'Error starting server ',
    // The /hub/spawn page reporting an exception the spawn machinery already logged and counted
    // (429 throttled / active limit, or the `Unhandled error starting` line before it).
    needle: 'Error starting server ',
    pattern: /^Error starting server \S+: /,
    effect: { kind: 'known' },
    examples: [
      'Error starting server student005-demo: HTTP 429: Too Many Requests (Too many users trying to log in right now. Try again in 60 seconds.)',
    ],
  },
  {
    id: 'spawn-page-unhandled',
    startsWith: 'Unhandled error starting server ',
    // The /hub/spawn page's report of a start() that raised, after `Unhandled error starting X's server` counted it.
    needle: 'Unhandled error starting server ',
    pattern: /^Unhandled error starting server \S+/,
    effect: { kind: 'known' },
    // from JupyterHub 6.1.1's handlers/pages.py
    examples: ['Unhandled error starting server broken1-mj2x3k'],
  },
  {
    id: 'previous-spawn-failed',
    startsWith: 'Previous spawn for ',
    // spawn-pending showing a failure that was counted when it happened.
    needle: 'Previous spawn for ',
    pattern: /^Previous spawn for \S+ failed/,
    effect: { kind: 'known' },
    examples: ["Previous spawn for crash1 failed: Server at http://127.0.0.1:47257/user/crash1/ didn't respond in 15 seconds"],
  },
  {
    id: 'shutdown-signal',
    startsWith: 'Received signal',
    needle: 'Received signal',
    pattern: /^Received signal \w+, initiating shutdown/,
    effect: { kind: 'known' },
    examples: ['Received signal SIGTERM, initiating shutdown...'],
  },
];

export interface RuleMatch {
  readonly rule: HubRule;
  readonly user: string | undefined;
  readonly seconds: number | undefined;
}

export function matchHubRule(message: string): RuleMatch | null {
  for (const rule of HUB_RULES) {
    if (rule.startsWith !== undefined && !message.startsWith(rule.startsWith)) continue;
    if (message.indexOf(rule.needle) === -1) continue;
    const m = rule.pattern.exec(message);
    if (!m) continue;
    const seconds = m.groups?.seconds;
    return { rule, user: m.groups?.user, seconds: seconds === undefined ? undefined : Number(seconds) };
  }
  return null;
}
