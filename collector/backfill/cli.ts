import type { Readable } from 'node:stream';
import { BACKFILL_USAGE, BackfillUsageError, parseBackfillOptions } from './backfill-options';
import { runBackfill } from './run-backfill';

/** `hubwatch-collector backfill ...`: exit 0 all imported, 1 something skipped or refused, 2 usage error. */
export async function backfillMain(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  stdin: Readable,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${BACKFILL_USAGE}\n`);
    return 0;
  }
  let options: ReturnType<typeof parseBackfillOptions>;
  try {
    options = parseBackfillOptions(argv, env);
  } catch (error) {
    if (!(error instanceof BackfillUsageError)) throw error;
    process.stderr.write(`hubwatch-collector backfill: ${error.message}\n${BACKFILL_USAGE}\n`);
    return 2;
  }
  const report = await runBackfill(options, stdin, process.stderr);
  for (const problem of report.problems) process.stderr.write(`hubwatch-collector backfill: ${problem}\n`);
  process.stdout.write(`${report.summary}\n`);
  return report.exitCode;
}
