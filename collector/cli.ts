import { backfillMain } from './backfill/cli';
import { startCollector } from './collector';
import { stderrLogger } from './logger';
import { OptionError, parseOptions, USAGE } from './options';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv[0] === 'backfill') return backfillMain(argv.slice(1), process.env, process.stdin);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const log = stderrLogger();
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(argv, process.env);
  } catch (err) {
    if (err instanceof OptionError) {
      process.stderr.write(`hubwatch-collector: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  // Handlers first: a signal during start-up must still end in a flush and a checkpoint, not in the
  // default kill (which would leave a stale checkpoint behind metrics already sent).
  const stopping = new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  const collector = await startCollector(options, log, process.stdin);
  const reason = await Promise.race([stopping, collector.ended.then(() => 'all sources ended')]);
  log.info(`stopping (${reason})`);
  await collector.stop();
  log.info(`stopped; metrics sent: ${collector.sink.stats.metricsSent}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`hubwatch-collector: fatal: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
