import { readFileSync } from 'node:fs';
import type { Sim } from './actions';
import { parseArgs, type SimulatorOptions, UsageError } from './args';
import { HubApi } from './hub-api';
import { stackHubControl } from './hub-control';
import { createLedger, formatSummary, summarise } from './ledger';
import { createRandom } from './random';
import { runCrashes } from './scenario-crashes';
import { runLoop } from './scenario-loop';
import { runOnce } from './scenario-once';

function log(message: string): void {
  process.stderr.write(`${new Date().toISOString()} simulator: ${message}\n`);
}

function readToken(options: SimulatorOptions): string {
  if (options.token !== null) return options.token;
  let token: string;
  try {
    token = readFileSync(options.tokenFile, 'utf8').trim();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`--token-file: cannot read ${options.tokenFile} (${reason}); start the hub component or set HUBWATCH_SIM_TOKEN`);
  }
  if (token === '') throw new UsageError(`--token-file: ${options.tokenFile} is empty`);
  return token;
}

async function main(): Promise<number> {
  let options: SimulatorOptions;
  let token: string;
  try {
    options = parseArgs(process.argv.slice(2), process.env, Date.now());
    token = readToken(options);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }

  const stop = new AbortController();
  const onSignal = (signal: string): void => {
    if (stop.signal.aborted) return;
    log(`${signal}: finishing the current step, then cleaning up`);
    stop.abort();
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));

  const api = new HubApi({
    hubUrl: options.hubUrl,
    token,
    requestTimeoutMs: options.requestTimeoutMs,
    // a spawn request waits for slow_spawn_timeout; the progress stream for start + http timeouts
    spawnWaitMs: options.settleSeconds * 1000,
  });
  await api.checkAccess();
  const ledger = createLedger(options.ledgerPath);
  const sim: Sim = { api, ledger, password: options.password, settleMs: options.settleSeconds * 1000, log, signal: stop.signal };
  const mode = options.crashes ? 'crashes' : options.once ? 'once' : 'loop';
  log(`${mode} run, tag ${options.tag}, seed ${options.seed}, ${options.students} students, ledger ${options.ledgerPath}`);
  ledger.record({ kind: 'run', phase: 'start', mode, tag: options.tag, seed: options.seed });
  try {
    if (options.crashes) {
      await runCrashes(sim, await stackHubControl(api, process.env, ledger), { tag: options.tag });
    } else if (options.once) {
      await runOnce(sim, {
        hubUrl: options.hubUrl,
        tag: options.tag,
        students: options.students,
        requestTimeoutMs: options.requestTimeoutMs,
        maxLatecomers: options.maxLatecomers,
      });
    } else {
      const loop = {
        hubUrl: options.hubUrl,
        tag: options.tag,
        students: options.students,
        waves: options.waves,
        requestTimeoutMs: options.requestTimeoutMs,
      };
      await runLoop(
        sim,
        { ...loop, lectureSeconds: options.lectureSeconds, breakSeconds: options.breakSeconds, crashChance: options.crashChance },
        createRandom(options.seed),
      );
    }
  } finally {
    ledger.record({ kind: 'run', phase: 'end', mode, tag: options.tag, seed: options.seed });
    const run = ledger.entries();
    process.stdout.write(`${formatSummary(summarise(run))}\n`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
