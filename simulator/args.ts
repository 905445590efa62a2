import { resolve } from 'node:path';
import { isValidTag, tagFromTime } from './names';

export class UsageError extends Error {
  override name = 'UsageError';
}

export type SimulatorOptions = {
  hubUrl: string;
  once: boolean;
  /** the crash cases across a hub restart (scenario-crashes.ts); stops and starts the hub */
  crashes: boolean;
  students: number;
  waves: number;
  seed: number;
  tag: string;
  ledgerPath: string;
  tokenFile: string;
  /** the token itself when given by HUBWATCH_SIM_TOKEN (never by argv: it would show in ps) */
  token: string | null;
  password: string;
  requestTimeoutMs: number;
  settleSeconds: number;
  maxLatecomers: number;
  /** loop mode: seconds a lecture lasts after everybody has tried, and between lectures */
  lectureSeconds: [number, number];
  breakSeconds: [number, number];
  /** loop mode: the chance that one running server crashes during a lecture */
  crashChance: number;
};

export const USAGE = `usage: npx tsx simulator/cli.ts [options]
  --hub-url URL          the hub's public URL (default http://127.0.0.1:8000)
  --once                 one deterministic lecture, then exit (for tests); default: lectures until SIGINT/SIGTERM
  --crashes              one deterministic run of every way a server dies across a hub restart, then exit (for
                         tests): stops and starts the hub with this checkout's stack/stack.sh (on the hub's host)
  --students N           class size, 1..200 (default 6 with --once, 10 otherwise)
  --waves N              lectures before exiting, 0 = until stopped (default 0; ignored with --once)
  --seed N               seed for the demo's random choices (default: from the clock)
  --tag TAG              suffix of this run's user names, [a-z0-9]{1,12} (default: from the clock with --once, "class" otherwise)
  --ledger PATH          JSON-lines ledger to append to (default $HUBWATCH_DATA_DIR/simulator/ledger.jsonl)
  --token-file PATH      the simulator's service token (default $HUBWATCH_DATA_DIR/etc/jupyterhub_simulator_token;
                         env HUBWATCH_SIM_TOKEN overrides)
  --password TEXT        the hub's shared demo password (default env JH_PASSWORD or hubwatch-demo)
  --request-timeout S    per-request timeout in seconds (default 30)
  --settle S             how long to wait for the hub to finish a spawn/stop/crash (default 60)
  --max-latecomers N     --once: latecomers tried to fill the hub (default 4)
  --lecture-seconds A-B  loop: a lecture lasts A to B seconds once everybody has tried (default 20-60)
  --break-seconds A-B    loop: A to B seconds between lectures (default 10-40)
  --crash-chance P       loop: chance (0 to 1) that a running server crashes during a lecture (default 0.4)`;

type Env = Record<string, string | undefined>;

function integer(option: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined || !/^\d+$/.test(raw)) throw new UsageError(`${option}: expected an integer, got ${JSON.stringify(raw ?? '')}`);
  const value = Number(raw);
  if (value < min || value > max) throw new UsageError(`${option}: must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** A probability: a decimal from 0 to 1. */
function chance(name: string, raw: string): number {
  const value = /^(0(\.\d+)?|1(\.0+)?)$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isNaN(value)) throw new UsageError(`${name}: must be a number from 0 to 1, got ${raw}`);
  return value;
}

/** `A-B` or `A`: whole seconds, A <= B. Tests use short lectures to get many starts per minute. */
function secondsRange(option: string, raw: string, max: number): [number, number] {
  const match = /^(\d+)(?:-(\d+))?$/.exec(raw);
  if (match === null) throw new UsageError(`${option}: expected seconds as A-B or A, got ${JSON.stringify(raw)}`);
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  if (low > high || high > max) throw new UsageError(`${option}: must be A-B with 0 <= A <= B <= ${max}, got ${raw}`);
  return [low, high];
}

function hubUrl(raw: string | undefined): string {
  let url: URL;
  try {
    url = new URL(raw ?? '');
  } catch {
    throw new UsageError(`--hub-url: not a URL: ${JSON.stringify(raw ?? '')}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('--hub-url: must be http:// or https://');
  return url.origin;
}

export function parseArgs(argv: readonly string[], env: Env, nowMs: number): SimulatorOptions {
  const values = new Map<string, string>();
  let once = false;
  let crashes = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--once') {
      once = true;
      continue;
    }
    if (arg === '--crashes') {
      crashes = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') throw new UsageError(USAGE);
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!KNOWN.has(flag)) throw new UsageError(`unknown option ${JSON.stringify(flag)} (see --help)`);
    const value = inline ?? argv[i + 1];
    if (inline === undefined) i += 1;
    if (value === undefined || value === '') throw new UsageError(`${flag}: missing value`);
    values.set(flag, value);
  }

  if (once && crashes) throw new UsageError('--once and --crashes: choose one scenario');
  const dataDir = env.HUBWATCH_DATA_DIR ?? resolve(process.cwd(), '.data');
  const tag = values.get('--tag') ?? (once || crashes ? tagFromTime(nowMs) : 'class');
  if (!isValidTag(tag)) throw new UsageError(`--tag: must match [a-z0-9]{1,12}, got ${JSON.stringify(tag)}`);
  const seedRaw = values.get('--seed');
  return {
    hubUrl: hubUrl(values.get('--hub-url') ?? 'http://127.0.0.1:8000'),
    once,
    crashes,
    students: values.has('--students') ? integer('--students', values.get('--students'), 1, 200) : once ? 6 : 10,
    waves: values.has('--waves') ? integer('--waves', values.get('--waves'), 0, 1_000_000) : 0,
    seed: seedRaw === undefined ? nowMs % 2 ** 31 : integer('--seed', seedRaw, 0, 2 ** 32 - 1),
    tag,
    ledgerPath: resolve(values.get('--ledger') ?? resolve(dataDir, 'simulator', 'ledger.jsonl')),
    tokenFile: resolve(values.get('--token-file') ?? resolve(dataDir, 'etc', 'jupyterhub_simulator_token')),
    token: env.HUBWATCH_SIM_TOKEN?.trim() || null,
    password: values.get('--password') ?? env.JH_PASSWORD ?? 'hubwatch-demo',
    requestTimeoutMs: integer('--request-timeout', values.get('--request-timeout') ?? '30', 1, 600) * 1000,
    settleSeconds: integer('--settle', values.get('--settle') ?? '60', 1, 3600),
    maxLatecomers: integer('--max-latecomers', values.get('--max-latecomers') ?? '4', 0, 100),
    lectureSeconds: secondsRange('--lecture-seconds', values.get('--lecture-seconds') ?? '20-60', 3600),
    breakSeconds: secondsRange('--break-seconds', values.get('--break-seconds') ?? '10-40', 3600),
    crashChance: chance('--crash-chance', values.get('--crash-chance') ?? '0.4'),
  };
}

const KNOWN = new Set([
  '--hub-url',
  '--students',
  '--waves',
  '--seed',
  '--tag',
  '--ledger',
  '--token-file',
  '--password',
  '--request-timeout',
  '--settle',
  '--max-latecomers',
  '--lecture-seconds',
  '--crash-chance',
  '--break-seconds',
]);
