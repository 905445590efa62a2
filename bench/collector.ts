import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { benchEnv, intInRange } from './bench-env';
import { generateLog } from './collector-log-gen';

/**
 * npm run bench:collector: generates a realistic 1M-line hub log, runs the real collector read path
 * (file follower -> line splitter -> parser -> StatsD sink) on it in a child process, and prints
 * lines per second, peak RSS of that process, and StatsD packets received per line read
 * (packets counted on a real local UDP socket).
 */
const { BENCH_LINES: LINES, BENCH_ROUNDS: ROUNDS } = benchEnv({
  BENCH_LINES: intInRange(1, 100_000_000, 1_000_000),
  BENCH_ROUNDS: intInRange(1, 100, 3),
});

interface RunReport {
  lines: number;
  seconds: number;
  cpuSeconds: number;
  maxRssKb: number;
  metricsSent: number;
}

async function runOnce(file: string, port: number, mode: 'send' | 'parse'): Promise<RunReport> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'collector-run.ts'), file, String(port), mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`collector-run exited with ${code}`);
  return JSON.parse(out) as RunReport;
}

async function main(): Promise<void> {
  const dir = join(import.meta.dirname, 'out');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `hub-${LINES}.log`);
  const t0 = Date.now();
  const gen = await generateLog(file, LINES);
  console.log(`generated ${gen.lines} lines, ${(gen.bytes / 1e6).toFixed(1)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${file}`);

  const socket = createSocket('udp4');
  let packets = 0;
  let metricLines = 0;
  socket.on('message', (msg) => {
    packets++;
    // One value per ':' (keys never contain one): a multi-value timer line `k:1|ms:2|ms` is 2 metrics.
    for (let i = 0; i < msg.length; i++) if (msg[i] === 58) metricLines++;
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const port = socket.address().port;
  try {
    socket.setRecvBufferSize(4 * 1024 * 1024);
  } catch {
    // capped by net.core.rmem_max; packet counts below may then miss a few under load
  }

  const results: Array<RunReport & { packets: number; metricLines: number }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    const before = packets;
    const beforeLines = metricLines;
    const r = await runOnce(file, port, 'send');
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the last datagrams arrive
    results.push({ ...r, packets: packets - before, metricLines: metricLines - beforeLines });
    console.log(
      `round ${round + 1}: ${r.lines} lines in ${r.seconds.toFixed(3)} s wall (${r.cpuSeconds.toFixed(3)} s cpu) = ` +
        `${Math.round(r.lines / r.seconds).toLocaleString('en')} lines/s, peak RSS ${(r.maxRssKb / 1024).toFixed(1)} MB, ` +
        `${packets - before} packets (${((packets - before) / r.lines).toFixed(4)} per line), ${metricLines - beforeLines} metrics received`,
    );
  }
  const parseOnly: RunReport[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const r = await runOnce(file, port, 'parse');
    parseOnly.push(r);
    console.log(
      `parse-only round ${round + 1}: ${Math.round(r.lines / r.seconds).toLocaleString('en')} lines/s wall, ` +
        `${Math.round(r.lines / r.cpuSeconds).toLocaleString('en')} lines/cpu-s, peak RSS ${(r.maxRssKb / 1024).toFixed(1)} MB`,
    );
  }
  socket.close();
  const best = results.reduce((a, b) => (b.lines / b.seconds > a.lines / a.seconds ? b : a));
  const bestParse = parseOnly.reduce((a, b) => (b.lines / b.seconds > a.lines / a.seconds ? b : a));
  const size = statSync(file).size;
  const load = (await import('node:os')).loadavg()[0] ?? 0;
  console.log('---');
  console.log(
    `machine load average (1 min): ${load.toFixed(2)} on ${(await import('node:os')).cpus().length} cores (shared: wall-clock figures vary with it)`,
  );
  console.log(
    `lines/s end to end, read + parse + StatsD send (best of ${ROUNDS}): ${Math.round(best.lines / best.seconds).toLocaleString('en')} wall, ${Math.round(best.lines / best.cpuSeconds).toLocaleString('en')} per cpu-second  (goal >= 1,000,000)`,
  );
  console.log(
    `lines/s read + parse only (best of ${ROUNDS}): ${Math.round(bestParse.lines / bestParse.seconds).toLocaleString('en')} wall, ${Math.round(bestParse.lines / bestParse.cpuSeconds).toLocaleString('en')} per cpu-second`,
  );
  console.log(`MB/s end to end: ${(size / 1e6 / best.seconds).toFixed(1)}`);
  const sendCpu = best.cpuSeconds - bestParse.cpuSeconds;
  console.log(
    `StatsD send cost: ${sendCpu.toFixed(2)} cpu-s for ${best.metricsSent.toLocaleString('en')} metrics ` +
      `(${((sendCpu / best.metricsSent) * 1e6).toFixed(2)} us each; timers are one hot-shots call per value)`,
  );
  console.log(`peak RSS: ${(Math.max(...results.map((r) => r.maxRssKb)) / 1024).toFixed(1)} MB  (goal <= 150 MB)`);
  console.log(
    `StatsD packets per line read: ${(best.packets / best.lines).toFixed(4)}  (metrics per packet ${(best.metricLines / Math.max(1, best.packets)).toFixed(1)})`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
