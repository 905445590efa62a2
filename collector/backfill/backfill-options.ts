import { parseArgs } from 'node:util';
import { checkTimeZone, machineTimeZone } from './line-time';

export interface BackfillOptions {
  readonly hubName: string;
  readonly files: readonly string[];
  /** null with --dry-run. */
  readonly carbon: { host: string; port: number } | null;
  readonly graphiteUrl: URL;
  readonly dashboardUrl: URL | null;
  readonly deployToken: string | null;
  readonly dryRun: boolean;
  readonly force: boolean;
  readonly tz: string;
  readonly createsPerMinute: number;
}

export class BackfillUsageError extends Error {
  override name = 'BackfillUsageError';
}

export const BACKFILL_USAGE = `usage: hubwatch-collector backfill --hub-name NAME [options] FILE... | -
  Imports a hub's past logs (plain or .gz, a rotated set in any order, or stdin with '-') into
  carbon at the logs' own times: the series the live collector would have written.
  --hub-name NAME         metric prefix jupyterhub.NAME ([A-Za-z0-9_-], required)
  --carbon HOST:PORT      carbon's line receiver (default 127.0.0.1:2003)
  --graphite URL          graphite-web, to find live data in the range (default env GRAPHITE_URL
                          or http://127.0.0.1:8080)
  --tz ZONE               the hub's time zone, for its log's local times (default: this machine's)
  --dry-run               read and count, write nothing
  --force                 import over a range that already holds live data of the hub
  --creates-per-minute N  new series per minute, at most carbon's MAX_CREATES_PER_MINUTE
                          (default 500; the stack's carbon allows 600, a stock carbon 50)
  --dashboard-url URL     record the log's past deployments and restarts there (default env
                          HUBWATCH_URL); token from env HUBWATCH_DEPLOY_TOKEN
  Exit 0: all imported; 1: something was skipped or refused (named on stderr); 2: usage error.`;

const HOST_PORT = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

function url(option: string, value: string): URL {
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new BackfillUsageError(`${option}: "${value}" is not an http(s) URL`);
  }
  const parsed = new URL(value);
  if (parsed.username || parsed.password) throw new BackfillUsageError(`${option}: must not contain credentials`);
  return parsed;
}

type Env = Readonly<Record<string, string | undefined>>;

export function parseBackfillOptions(argv: readonly string[], env: Env): BackfillOptions {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'hub-name': { type: 'string' },
        carbon: { type: 'string' },
        graphite: { type: 'string' },
        tz: { type: 'string' },
        'dry-run': { type: 'boolean' },
        force: { type: 'boolean' },
        'creates-per-minute': { type: 'string' },
        'dashboard-url': { type: 'string' },
      },
    });
  }
  try {
    parsed = parse();
  } catch (error) {
    throw new BackfillUsageError(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values;
  const hubName = v['hub-name'];
  if (hubName === undefined) throw new BackfillUsageError('--hub-name: required (the hub the logs belong to)');
  if (!/^[A-Za-z0-9_-]{1,46}$/.test(hubName))
    throw new BackfillUsageError(`--hub-name: "${hubName}" may only hold letters, digits, _ and - (1-46 characters)`);
  const files = parsed.positionals;
  if (files.length === 0) throw new BackfillUsageError('FILE: give at least one log file, or - for stdin');
  if (files.includes('-') && files.length > 1) throw new BackfillUsageError('FILE: - (stdin) cannot be combined with files');
  let carbon: BackfillOptions['carbon'] = null;
  const dryRun = v['dry-run'] === true;
  if (!dryRun) {
    const text = v.carbon ?? '127.0.0.1:2003';
    const m = HOST_PORT.exec(text);
    const port = Number(m?.[2]);
    if (m === null || port < 1 || port > 65535)
      throw new BackfillUsageError(`--carbon: "${text}" is not HOST:PORT with a port 1-65535 (e.g. 127.0.0.1:2003)`);
    carbon = { host: (m[1] ?? '').replace(/^\[|\]$/g, ''), port };
  }
  let tz: string;
  try {
    tz = checkTimeZone(v.tz ?? machineTimeZone());
  } catch (error) {
    throw new BackfillUsageError(error instanceof Error ? error.message : String(error));
  }
  const creates = Number(v['creates-per-minute'] ?? '500');
  if (!Number.isInteger(creates) || creates < 1)
    throw new BackfillUsageError(`--creates-per-minute: "${v['creates-per-minute']}" is not a whole number of at least 1`);
  const dashboard = v['dashboard-url'] ?? env.HUBWATCH_URL;
  const token = env.HUBWATCH_DEPLOY_TOKEN;
  if (v['dashboard-url'] !== undefined && (token === undefined || token === '')) {
    throw new BackfillUsageError('--dashboard-url: needs the deploy token in env HUBWATCH_DEPLOY_TOKEN');
  }
  return {
    hubName,
    files,
    carbon,
    graphiteUrl: url('--graphite', v.graphite ?? env.GRAPHITE_URL ?? 'http://127.0.0.1:8080'),
    dashboardUrl: dashboard === undefined || dashboard === '' ? null : url('--dashboard-url', dashboard),
    deployToken: token === undefined || token === '' ? null : token,
    dryRun,
    force: v.force === true,
    tz,
    createsPerMinute: creates,
  };
}
