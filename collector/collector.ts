import type { Readable } from 'node:stream';
import { createAutoRecorder } from './deploy/auto-record';
import { StartupLineTee } from './deploy/startup-line';
import { FileFollower } from './follow/file-follower';
import { followStream } from './follow/stdin-source';
import { HealthProbe } from './health';
import { HubClient } from './hub-http';
import { LineSplitter } from './log/line-splitter';
import { LogParser } from './log/parser';
import type { Logger } from './logger';
import type { CollectorOptions } from './options';
import { Periodic } from './periodic';
import { MetricsSource } from './prom/metrics-source';
import { StatsdSink } from './sink';
import { UsersSource } from './users-api';

export interface RunningCollector {
  /** Resolves when the stdin log source ends; the other sources never end by themselves. */
  readonly ended: Promise<void>;
  stop(): Promise<void>;
  readonly parser: LogParser | null;
  readonly sink: StatsdSink;
}

const STATUS_EVERY_MS = 60_000;

/** Wires the sources selected by the options to one StatsD sink. */
export async function startCollector(o: CollectorOptions, log: Logger, stdin: Readable): Promise<RunningCollector> {
  const prefix = `jupyterhub.${o.hubName}`;
  let lastSinkError = '';
  const sink = new StatsdSink({
    host: o.statsdHost,
    port: o.statsdPort,
    prefix,
    multiValueTimers: !o.singleValueTimers,
    onError: (err) => {
      if (err.message !== lastSinkError) log.warn(`statsd ${o.statsdHost}:${o.statsdPort}: ${err.message}`);
      lastSinkError = err.message;
    },
  });
  log.info(`sending to statsd ${o.statsdHost}:${o.statsdPort} with prefix ${prefix}`);

  const periodics: Periodic[] = [];
  let parser: LogParser | null = null;
  let follower: FileFollower | null = null;
  const endings: Promise<unknown>[] = [];

  const recorder = createAutoRecorder(o, log);

  if (o.hubLog !== null) {
    parser = new LogParser(sink);
    // The deployment detector also reads the hub's start-up line; the parser sees every line as before.
    const lines = recorder === null ? parser : new StartupLineTee(parser, (line) => recorder.detector.sawStartupLine(line));
    if (o.hubLog === '-') {
      log.info('reading the hub log from stdin');
      const stream = followStream(stdin, new LineSplitter(lines));
      endings.push(
        stream.done.then(
          (bytes) => log.info(`stdin closed after ${bytes} bytes; log source ended`),
          (err: unknown) => log.error(`stdin: ${err instanceof Error ? err.message : String(err)}`),
        ),
      );
    } else {
      follower = new FileFollower({
        path: o.hubLog,
        fromStart: o.fromStart,
        checkpointPath: o.checkpoint,
        sink: lines,
        attempts: parser.attempts,
        log,
        beforeCheckpoint: () => sink.flush(),
      });
      await follower.start();
      endings.push(new Promise(() => {}));
    }
  }

  if (o.hubUrl !== null) {
    const intervalMs = o.intervalSeconds * 1000;
    const timeoutMs = Math.min(5000, intervalMs);
    const anonymous = new HubClient({ baseUrl: o.hubUrl, token: null, timeoutMs });
    const health = new HealthProbe(anonymous, sink, log);
    periodics.push(new Periodic(intervalMs, () => health.run()));
    if (o.hubToken !== null) {
      const client = new HubClient({ baseUrl: o.hubUrl, token: o.hubToken, timeoutMs });
      const metrics = new MetricsSource(client, sink, log, parser !== null, recorder?.onScrape);
      const users = new UsersSource(client, sink, log);
      periodics.push(new Periodic(intervalMs, () => metrics.run()));
      periodics.push(new Periodic(intervalMs, () => users.run()));
      if (recorder !== null) periodics.push(new Periodic(intervalMs, () => recorder.check()));
      log.info(`probing ${o.hubUrl.href} every ${o.intervalSeconds}s: health, metrics, users API`);
    } else {
      log.warn('no hub token (--hub-token or HUBWATCH_HUB_TOKEN): only /hub/health is probed');
    }
    for (const p of periodics) p.start();
    endings.push(new Promise(() => {}));
  }

  const status = setInterval(() => {
    const s = parser?.stats;
    const lines = s
      ? `lines=${s.lines} hub=${s.hubLines} requests=${s.requests} matched=${s.matched} unclassified=${s.unclassified} stray=${s.stray}`
      : 'log source off';
    log.info(`status: ${lines} metrics_sent=${sink.stats.metricsSent}`);
  }, STATUS_EVERY_MS);
  status.unref();

  const ended = Promise.race(endings.length > 0 ? endings : [Promise.resolve()]).then(() => undefined);

  return {
    ended,
    parser,
    sink,
    async stop() {
      clearInterval(status);
      await Promise.all(periodics.map((p) => p.stop()));
      if (follower) await follower.stop();
      await sink.close();
    },
  };
}
