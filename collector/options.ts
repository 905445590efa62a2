import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';

export interface CollectorOptions {
  readonly hubLog: string | null; // a path, '-' for stdin, or null when the log source is off
  readonly fromStart: boolean;
  readonly hubUrl: URL | null;
  readonly hubToken: string | null;
  readonly hubName: string;
  readonly statsdHost: string;
  readonly statsdPort: number;
  readonly intervalSeconds: number;
  readonly checkpoint: string | null;
  /** One line per timer value, for StatsD servers that cannot read `key:1|ms:2|ms`. */
  readonly singleValueTimers: boolean;
  /** Where automatically detected deployments are posted (the dashboard); null = detection off. */
  readonly dashboardUrl: URL | null;
  /** HUBWATCH_DEPLOY_TOKEN, required with dashboardUrl. */
  readonly deployToken: string | null;
}

export class OptionError extends Error {
  constructor(
    readonly option: string,
    problem: string,
  ) {
    super(`${option}: ${problem}`);
    this.name = 'OptionError';
  }
}

export const USAGE = `usage: hubwatch-collector [options]
       hubwatch-collector backfill --hub-name NAME [--carbon HOST:PORT] [--dry-run] [--force] [--tz ZONE] FILE... | -  (--help after backfill: its options)
  --hub-log PATH|-      follow a JupyterHub log file (like tail -F), or read stdin with '-'
  --from-start          read an existing log file from its beginning (default: from its end)
  --checkpoint PATH     remember the read position (offset + file identity) across restarts
  --hub-url URL         the hub's base URL (e.g. http://127.0.0.1:8081): /hub/health, /hub/metrics, /hub/api/users
  --hub-token TOKEN     API token with read:metrics (and list:users, read:servers) scopes;
                        prefer env HUBWATCH_HUB_TOKEN or JUPYTERHUB_API_TOKEN (not visible in ps)
  --hub-name NAME       metric prefix jupyterhub.NAME ([A-Za-z0-9_-], default "default")
  --statsd HOST:PORT    StatsD address (default 127.0.0.1:8125)
  --interval SECONDS    scrape/probe period (default 10)
  --single-value-timers one StatsD line per timer value (for servers without multi-value lines)
  --dashboard-url URL   record deployments and restarts seen in /hub/api/info and the hub log at
                        this dashboard (default env HUBWATCH_URL; off when neither is given);
                        token from env HUBWATCH_DEPLOY_TOKEN; remembered in --checkpoint`;

const hostPort = z
  .string()
  .regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/, 'expected HOST:PORT, e.g. 127.0.0.1:8125')
  .transform((v, ctx) => {
    const colon = v.lastIndexOf(':');
    const port = Number(v.slice(colon + 1));
    if (port < 1 || port > 65535) {
      ctx.addIssue({ code: 'custom', message: `port ${port} is outside 1-65535` });
      return z.NEVER;
    }
    return { host: v.slice(0, colon).replace(/^\[|\]$/g, ''), port };
  });

const hubUrl = z.string().transform((v, ctx) => {
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not a URL (expected e.g. http://127.0.0.1:8081)' });
    return z.NEVER;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    ctx.addIssue({ code: 'custom', message: 'must be http:// or https://' });
    return z.NEVER;
  }
  if (url.username || url.password) {
    ctx.addIssue({ code: 'custom', message: 'must not contain credentials; use --hub-token' });
    return z.NEVER;
  }
  // The base URL: the collector appends hub/health, hub/metrics, hub/api/users.
  let path = url.pathname.replace(/\/+$/, '');
  if (path.endsWith('/hub')) path = path.slice(0, -4);
  url.pathname = `${path}/`;
  url.search = '';
  url.hash = '';
  return url;
});

const dashboardUrl = z
  .string()
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'not an http(s) URL (expected e.g. http://127.0.0.1:3000)')
  .transform((v) => new URL(v))
  .refine((url) => !url.username && !url.password, 'must not contain credentials; the token comes from HUBWATCH_DEPLOY_TOKEN');

const schema = z.object({
  'hub-log': z.string().min(1, 'must be a file path or -').optional(),
  'from-start': z.boolean().optional(),
  'hub-url': hubUrl.optional(),
  'hub-token': z.string().regex(/^\S+$/, 'must be a single token without spaces').optional(),
  'hub-name': z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'only letters, digits, _ and - (1-64 characters)')
    .default('default'),
  statsd: hostPort.default({ host: '127.0.0.1', port: 8125 }),
  interval: z.coerce
    .number({ message: 'must be a number of seconds' })
    .min(1, 'must be at least 1 second')
    .max(3600, 'must be at most 3600 seconds')
    .default(10),
  checkpoint: z.string().min(1, 'must be a file path').optional(),
  'single-value-timers': z.boolean().optional(),
  'dashboard-url': dashboardUrl.optional(),
});

type Env = Readonly<Record<string, string | undefined>>;

// A log file that does not exist yet is fine (the follower waits for it); a directory is a mistake.
function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Parses argv (without node and script) and env; throws OptionError naming the option. */
export function parseOptions(argv: readonly string[], env: Env): CollectorOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'hub-log': { type: 'string' },
        'from-start': { type: 'boolean' },
        'hub-url': { type: 'string' },
        'hub-token': { type: 'string' },
        'hub-name': { type: 'string' },
        statsd: { type: 'string' },
        interval: { type: 'string' },
        checkpoint: { type: 'string' },
        'single-value-timers': { type: 'boolean' },
        'dashboard-url': { type: 'string' },
      },
    }));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const named = /'(--[a-z-]+)/.exec(message)?.[1] ?? 'arguments';
    throw new OptionError(named, message.replace(/\. To specify.*$/s, ''));
  }
  // The dashboard's address may come from the environment, as for the deploy CLI.
  if (values['dashboard-url'] === undefined && env.HUBWATCH_URL) values['dashboard-url'] = env.HUBWATCH_URL;
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const option = issue?.path[0];
    throw new OptionError(option === undefined ? 'options' : `--${String(option)}`, issue?.message ?? 'invalid');
  }
  const o = parsed.data;
  const envToken = env.HUBWATCH_HUB_TOKEN || env.JUPYTERHUB_API_TOKEN || undefined;
  const hubToken = o['hub-token'] ?? envToken ?? null;
  const hubLog = o['hub-log'] ?? null;

  if (hubLog === null && o['hub-url'] === undefined) {
    throw new OptionError('--hub-log', 'nothing to collect: give --hub-log PATH|- and/or --hub-url URL');
  }
  if (o['from-start'] && (hubLog === null || hubLog === '-')) {
    throw new OptionError('--from-start', 'only applies to --hub-log PATH (a file)');
  }
  const dashboardUrl = o['dashboard-url'] ?? null;
  if (o.checkpoint !== undefined && (hubLog === null || hubLog === '-') && dashboardUrl === null) {
    throw new OptionError('--checkpoint', 'only applies to --hub-log PATH (stdin has no position) or --dashboard-url');
  }
  const deployToken = env.HUBWATCH_DEPLOY_TOKEN || null;
  if (dashboardUrl !== null) {
    if (o['hub-url'] === undefined) throw new OptionError('--dashboard-url', 'needs --hub-url (deployments are read from /hub/api/info)');
    if (hubToken === null)
      throw new OptionError('--dashboard-url', 'needs a hub token with the read:hub scope (--hub-token or HUBWATCH_HUB_TOKEN)');
    if (deployToken === null) throw new OptionError('--dashboard-url', "needs the dashboard's deploy token in env HUBWATCH_DEPLOY_TOKEN");
  }
  if (hubLog !== null && hubLog !== '-' && isDirectory(hubLog)) {
    throw new OptionError('--hub-log', `${hubLog} is a directory, expected the log file`);
  }
  if (o.checkpoint !== undefined && isDirectory(o.checkpoint)) {
    throw new OptionError('--checkpoint', `${o.checkpoint} is a directory, expected a file path`);
  }
  if (o['hub-token'] !== undefined && o['hub-url'] === undefined) {
    throw new OptionError('--hub-token', 'given without --hub-url');
  }
  return {
    hubLog,
    fromStart: o['from-start'] ?? false,
    hubUrl: o['hub-url'] ?? null,
    hubToken,
    hubName: o['hub-name'],
    statsdHost: o.statsd.host,
    statsdPort: o.statsd.port,
    intervalSeconds: o.interval,
    checkpoint: o.checkpoint ?? null,
    singleValueTimers: o['single-value-timers'] ?? false,
    dashboardUrl,
    deployToken,
  };
}
