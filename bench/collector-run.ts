import { FileFollower } from '@/collector/follow/file-follower';
import { LogParser } from '@/collector/log/parser';
import { silentLogger } from '@/collector/logger';
import type { MetricEmitter } from '@/collector/metric-emitter';
import { StatsdSink } from '@/collector/sink';

/**
 * Child process of bench/collector.ts: reads one file through the real collector path
 * (file follower -> line splitter -> parser -> sink) and prints a JSON report.
 * Mode `send` uses the real StatsD sink; `parse` replaces it by a counter of metric calls, to show
 * what reading and matching alone cost.
 */
class CountingEmitter implements MetricEmitter {
  calls = 0;
  count(): void {
    this.calls++;
  }
  timing(): void {
    this.calls++;
  }
  gauge(): void {
    this.calls++;
  }
}

async function main(): Promise<void> {
  const [path, portText, mode] = process.argv.slice(2);
  if (path === undefined || portText === undefined) throw new Error('usage: collector-run.ts FILE STATSD_PORT [send|parse]');
  const sink = mode === 'parse' ? null : new StatsdSink({ host: '127.0.0.1', port: Number(portText), prefix: 'jupyterhub.bench' });
  const counting = new CountingEmitter();
  const parser = new LogParser(sink ?? counting);
  const follower = new FileFollower({
    path,
    fromStart: true,
    checkpointPath: null,
    sink: parser,
    attempts: parser.attempts,
    log: silentLogger,
    beforeCheckpoint: () => {},
  });
  const started = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  await follower.start();
  await follower.stop();
  sink?.flush();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  await sink?.close();
  const report = {
    lines: parser.stats.lines,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    maxRssKb: process.resourceUsage().maxRSS,
    metricsSent: sink ? sink.stats.metricsSent : counting.calls,
    stats: parser.stats,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
