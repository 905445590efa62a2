import { closeSync, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { METRICS_LAYOUT } from '../../lib/catalog';
import { LineSplitter } from '../log/line-splitter';
import { LogParser } from '../log/parser';
import { ArchivePlan, type Point, PointRoller } from './archive-plan';
import type { BackfillOptions } from './backfill-options';
import { CarbonWriter } from './carbon-writer';
import { FlushBuckets } from './flush-buckets';
import { ImportSink } from './import-sink';
import { LineTime, ZoneClock } from './line-time';
import { describeRange, type LiveSlot, liveSlots } from './live-ranges';
import { decoded, fileSource, type LogSource, SourceError, stdinSource } from './log-sources';
import { Progress } from './progress';
import { recordDeployments } from './record-deployments';
import { pastDeployments, StartUpLog } from './start-ups';

/** The import: sources oldest first -> the live collector's parser -> flush buckets -> archives -> carbon. */

export interface BackfillReport {
  exitCode: 0 | 1;
  /** What went wrong, one message each (file and line named). */
  problems: string[];
  summary: string;
}

interface Ordered {
  source: LogSource;
  firstMs: number;
  /** Last timestamp when cheap to know (a plain file's tail), else null. */
  lastMs: number | null;
}

const PEEK_BYTES = 4 * 1024 * 1024;
const TAIL_BYTES = 256 * 1024;

async function firstTime(source: LogSource, stream: Readable, time: LineTime): Promise<number> {
  let seen = 0;
  let rest = '';
  try {
    for await (const chunk of decoded(source, stream, () => {})) {
      const text = rest + (chunk as Buffer).toString('latin1');
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const ms = time.of(line, 0);
        if (ms >= 0) return ms;
      }
      seen += (chunk as Buffer).length;
      if (seen > PEEK_BYTES) break;
    }
  } catch {
    // A broken file is reported when it is read.
  } finally {
    stream.destroy();
  }
  const ms = time.of(rest, 0);
  return ms;
}

function lastTime(path: string, size: number, time: LineTime): number | null {
  const fd = openSync(path, 'r');
  try {
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const lines = buffer.toString('latin1').split('\n').reverse();
    for (const line of lines) {
      const ms = time.of(line, 0);
      if (ms >= 0) return ms;
    }
    return null;
  } finally {
    closeSync(fd);
  }
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** `collect` receives every point instead of carbon (with --dry-run): the tests read what would be written. */
export interface BackfillDeps {
  collect?: (point: Point) => void;
  nowMs?: number;
}

export async function runBackfill(
  o: BackfillOptions,
  stdin: Readable,
  stderr: NodeJS.WriteStream,
  deps: BackfillDeps = {},
): Promise<BackfillReport> {
  const problems: string[] = [];
  const clock = new ZoneClock(o.tz);
  const peekTime = new LineTime(clock);

  // 1. The sources, oldest first.
  const ordered: Ordered[] = [];
  for (const name of o.files) {
    if (name === '-') {
      ordered.push({ source: stdinSource(stdin), firstMs: -1, lastMs: null });
      continue;
    }
    let source: LogSource;
    try {
      source = fileSource(name);
    } catch (error) {
      problems.push(error instanceof SourceError ? error.message : `${name}: ${String(error)}`);
      continue;
    }
    const firstMs = await firstTime(source, source.open(), peekTime);
    if (firstMs < 0) {
      problems.push(
        `${name}: not a JupyterHub log (no line with a hub timestamp "[I YYYY-MM-DD HH:MM:SS.mmm ..." in its first 4 MB); skipped`,
      );
      continue;
    }
    const lastMs = source.gzip || source.size === null ? null : lastTime(name, source.size, peekTime);
    ordered.push({ source, firstMs, lastMs });
  }
  ordered.sort((a, b) => a.firstMs - b.firstMs);

  const plan = new ArchivePlan((deps.nowMs ?? Date.now()) / 1000);
  const progress = new Progress(
    stderr,
    ordered.reduce((sum, s) => sum + (s.source.size ?? 0), 0),
  );

  // 2. Live data of this hub in the range: refused before anything is written.
  let stopAtMs = Infinity;
  let stopSlot: LiveSlot | null = null;
  const knownFirst = ordered.find((s) => s.firstMs >= 0)?.firstMs;
  if (!o.dryRun && !o.force && knownFirst !== undefined) {
    let slots: LiveSlot[];
    try {
      slots = await liveSlots(o.graphiteUrl, o.hubName, knownFirst / 1000, Date.now() / 1000);
    } catch (error) {
      problems.push(
        `cannot check ${o.graphiteUrl.origin} for live data of hub ${o.hubName} (${error instanceof Error ? error.message : String(error)}); nothing written (--force imports without the check)`,
      );
      return { exitCode: 1, problems, summary: 'backfill: nothing imported' };
    }
    const knownLast = Math.max(...ordered.map((s) => s.lastMs ?? s.firstMs));
    const clash = slots.find((slot) => slot.until * 1000 > knownFirst && slot.from * 1000 <= knownLast);
    if (clash !== undefined) {
      problems.push(
        `refused: hub ${o.hubName} already has live data from ${describeRange(clash)}, inside the logs' range ${iso(knownFirst)} to ${iso(knownLast)}; nothing written (--force overwrites it)`,
      );
      return { exitCode: 1, problems, summary: 'backfill: nothing imported' };
    }
    stopSlot = slots.find((slot) => slot.from * 1000 > knownLast) ?? null;
    if (stopSlot !== null) stopAtMs = stopSlot.from * 1000;
  }

  // 3. The pipeline.
  const writer = o.dryRun || o.carbon === null ? null : await CarbonWriter.connect(o.carbon.host, o.carbon.port, o.createsPerMinute);
  let dryPoints = 0;
  const collect = deps.collect;
  const roller = new PointRoller(
    plan,
    writer !== null
      ? (point) => writer.write(point)
      : (point) => {
          dryPoints++;
          collect?.(point);
        },
  );
  const buckets = new FlushBuckets(o.hubName, METRICS_LAYOUT.flushIntervalSeconds, (ts, values) => roller.bucket(ts, values));
  const parser = new LogParser(buckets);
  const startUps = new StartUpLog();
  const sink = new ImportSink(new LineTime(clock), parser, buckets, startUps);
  sink.stopAt = stopAtMs;
  const splitter = new LineSplitter(sink);

  for (let i = 0; i < ordered.length; i++) {
    const entry = ordered[i];
    if (entry === undefined || sink.stopped) break;
    const later = ordered
      .slice(i + 1)
      .map((s) => s.firstMs)
      .filter((ms) => ms >= 0);
    sink.retainFrom = later.length > 0 ? Math.min(...later) : Infinity;
    sink.overlapUntil = sink.lastMs;
    sink.file = entry.source.name;
    sink.lineInFile = 0;
    const before = sink.counts.timed;
    try {
      const raw = entry.source.open();
      for await (const chunk of decoded(entry.source, raw, (n) => progress.bytes(n))) {
        splitter.push(chunk as Buffer);
        if (writer !== null) await writer.drain();
        progress.lines(sink.counts.lines);
        if (sink.stopped) {
          raw.destroy();
          break;
        }
      }
      splitter.flushPartial();
    } catch (error) {
      splitter.dropPartial();
      const message = error instanceof Error ? error.message : String(error);
      const truncated = /unexpected end of file|incorrect header|invalid/i.test(message);
      problems.push(
        `${entry.source.name}: ${truncated ? 'truncated or damaged gzip' : 'read error'} after line ${sink.lineInFile} (${message}); the lines before it were imported, the rest of the file skipped`,
      );
    }
    if (entry.source.name === '-' && sink.counts.timed === before) {
      problems.push('-: not a JupyterHub log (no line with a hub timestamp on stdin); skipped');
    }
  }
  buckets.end();
  roller.flushSlot();
  if (writer !== null) await writer.close();
  progress.done();

  if (sink.stopped && stopSlot !== null) {
    problems.push(
      `stopped: hub ${o.hubName} has live data from ${describeRange(stopSlot)}; the logs were imported up to it, the lines from then on skipped (--force overwrites it)`,
    );
  }
  if (sink.counts.late > 0) {
    problems.push(
      `${sink.counts.late} lines skipped: older than a 10 s bucket already written (more than 120 s out of order), the first at ${sink.counts.firstLate}`,
    );
  }
  if (plan.tooOldBuckets > 0) {
    problems.push(
      `${plan.tooOldBuckets} buckets skipped: older than the longest archive (${Math.round((plan.archives.at(-1)?.keepSeconds ?? 0) / 86_400)} days)`,
    );
  }

  // 4. Past deployments.
  const past = pastDeployments(startUps.startUps);
  let deployText = `${past.length} past deployments/restarts in the log`;
  if (past.length > 0 && o.dryRun) deployText += ' (dry run: not recorded)';
  else if (past.length > 0 && (o.dashboardUrl === null || o.deployToken === null)) {
    deployText += ' not recorded (no --dashboard-url/HUBWATCH_URL with HUBWATCH_DEPLOY_TOKEN)';
  } else if (past.length > 0 && o.dashboardUrl !== null && o.deployToken !== null) {
    const result = await recordDeployments(past, { baseUrl: o.dashboardUrl, token: o.deployToken, hub: o.hubName });
    deployText += `: ${result.recorded} recorded, ${result.alreadyThere} already there`;
    for (const failure of result.failed) problems.push(`deployment not recorded: ${failure}`);
  }

  const stats = parser.stats;
  const range = knownFirst === undefined || sink.lastMs < 0 ? 'no lines with a time' : `${iso(knownFirst)} to ${iso(sink.lastMs)}`;
  const resolutions = plan.used
    .filter((u) => u.points > 0)
    .map((u) => `${u.points} at ${u.stepSeconds} s`)
    .join(', ');
  const limits =
    writer === null
      ? 'dry run: nothing sent'
      : `${writer.stats.series} series written to carbon ${o.carbon?.host}:${o.carbon?.port}; carbon slowed it ${(writer.stats.backpressureMs / 1000).toFixed(1)} s (reading, MAX_UPDATES_PER_SECOND) + ${(writer.stats.createWaitMs / 1000).toFixed(1)} s (new series paced to ${o.createsPerMinute}/min for MAX_CREATES_PER_MINUTE)`;
  const summary =
    `backfill hub ${o.hubName} (times read in ${o.tz}): ${range}; ${stats.lines} lines (${stats.hubLines} hub, ${stats.matched} matched, ${stats.requests} requests, ${stats.stray} stray, ${sink.counts.duplicates} repeated by overlapping files); ` +
    `${buckets.stats.buckets} buckets, ${writer?.stats.points ?? dryPoints} points (${resolutions || 'none'}); ${limits}; ${deployText}; ${problems.length === 0 ? 'nothing skipped' : `${problems.length} problems`}`;
  return { exitCode: problems.length > 0 ? 1 : 0, problems, summary };
}
