import { readCapture } from '../../collector/fixtures/captures';

/**
 * The hub's own log lines for each thing a class does, taken from the real capture of a
 * JupyterHub version (collector/fixtures/jupyterhub-<version>/once-hub.log, written by that
 * version while the simulator drove it): the first line of each kind, with the time, the user
 * and the measured numbers made into slots. So a generated history reads exactly as that
 * version writes, tracebacks included, and the live parser reads it as it reads the real hub.
 */

export const TEMPLATE_KINDS = [
  'running',
  'usingAuthenticator',
  'usingSpawner',
  'usingProxy',
  'loginOk',
  'loginRequest',
  'loginFail',
  'spawnRequest',
  'spawnOk',
  'proxyAdd',
  'stopOk',
  'crashed',
  'failError',
  'failExited',
  'failTimeout',
  'failHttpTimeout',
  'throttled',
  'limited',
  'request',
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** One template is one or more lines (a record and its traceback). */
export type Templates = Record<TemplateKind, readonly string[]>;

const MESSAGE: Record<Exclude<TemplateKind, 'failExited'>, RegExp> = {
  running: /^Running JupyterHub version /,
  usingAuthenticator: /^Using Authenticator: /,
  usingSpawner: /^Using Spawner: /,
  usingProxy: /^Using Proxy: /,
  loginOk: /^User logged in: /,
  loginRequest: /^302 POST \/hub\/login -> /,
  loginFail: /^Failed login for /,
  spawnRequest: /^302 GET \/hub\/spawn -> \/hub\/spawn-pending\//,
  spawnOk: /^User \S+ took [\d.]+ seconds to start/,
  proxyAdd: /^Adding user \S+ to proxy /,
  stopOk: /^User \S+ server took [\d.]+ seconds to stop/,
  crashed: /^User \S+ server stopped,? with exit code/,
  failError: /^Unhandled error starting \S+'s server/,
  failTimeout: /^\S+'s server failed to start in \d+ seconds/,
  failHttpTimeout: /^\S+'s server never showed up at /,
  throttled: /^\d+ pending spawns, throttling/,
  limited: /^\d+ servers active, no space available/,
  request: /^200 GET \/hub\/api\/users\/\S+ \(/,
};

const PREFIX = /^\[(\w) \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} /;
const USER = /\b(?:student|broken|hang|mute|crash)\d+-[a-z0-9]+/g;

function slots(line: string): string {
  return line
    .replace(PREFIX, '[$1 {ts} ')
    .replace(USER, '{user}')
    .replace(/took [\d.]+ seconds/, 'took {s} seconds')
    .replace(/ [\d.]+ms$/, ' {ms}ms');
}

function messageOf(line: string): string | null {
  if (!PREFIX.test(line) || !line.includes(' JupyterHub ')) return null;
  const close = line.indexOf('] ');
  return close < 0 ? null : line.slice(close + 2);
}

export function loadTemplates(version: string): Templates {
  const lines = readCapture(version).log.toString('utf8').split('\n');
  const found = new Map<TemplateKind, string[]>();
  for (let i = 0; i < lines.length; i++) {
    const message = messageOf(lines[i] ?? '');
    if (message === null) continue;
    for (const [kind, pattern] of Object.entries(MESSAGE) as Array<[TemplateKind, RegExp]>) {
      if (!found.has(kind) && pattern.test(message)) found.set(kind, [slots(lines[i] ?? '')]);
    }
    // How a start whose process exits shows: `Spawner failed to start [status=N]` (up to 4.x), or an
    // uncaught exception whose traceback ends in InvalidStateError (5.x, 6.x).
    if (!found.has('failExited')) {
      if (/Spawner failed to start \[status=/.test(message)) found.set('failExited', [slots(lines[i] ?? '')]);
      else if (/^Uncaught exception POST \S+\/server /.test(message)) {
        const block = [lines[i] ?? ''];
        for (let j = i + 1; j < lines.length && /^\s/.test(lines[j] ?? ''); j++) block.push(lines[j] ?? '');
        if (block.some((l) => l.includes('InvalidStateError: Exception is not set'))) found.set('failExited', block.map(slots));
      }
    }
  }
  const missing = TEMPLATE_KINDS.filter((kind) => !found.has(kind));
  if (missing.length > 0) throw new Error(`JupyterHub ${version}'s capture has no line for: ${missing.join(', ')}`);
  const templates = {} as Record<TemplateKind, readonly string[]>;
  for (const kind of TEMPLATE_KINDS) templates[kind] = found.get(kind) ?? [];
  return templates;
}

export interface Slots {
  ts: string;
  user?: string;
  s?: string;
  ms?: string;
}

export function render(lines: readonly string[], values: Slots): string {
  return lines
    .map((line) =>
      line
        .replaceAll('{ts}', values.ts)
        .replaceAll('{user}', values.user ?? '')
        .replaceAll('{s}', values.s ?? '')
        .replaceAll('{ms}', values.ms ?? ''),
    )
    .join('\n');
}
