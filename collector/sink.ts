import StatsD, { type StatsD as StatsDClient } from 'hot-shots';
import type { EmittedCounter, EmittedGauge, EmittedTimer, MetricEmitter } from './metric-emitter';

// hot-shots' `send` takes an already formatted StatsD line through the same buffer and error handling
// as its typed methods; its type declarations just do not list it.
declare module 'hot-shots' {
  interface StatsD {
    send(message: string): void;
  }
}

export interface SinkOptions {
  readonly host: string;
  readonly port: number;
  /** `jupyterhub.<hub>`; validated by the options (safe characters only). */
  readonly prefix: string;
  readonly flushIntervalMs?: number;
  readonly onError?: (err: Error) => void;
  /**
   * Send the timer values of one key as one multi-value line (`key:1|ms:2|ms`, which Etsy StatsD
   * reads as separate values) instead of one hot-shots call per value: the same values reach StatsD,
   * at a fraction of the CPU. Default true; false for StatsD servers that only read one value a line.
   */
  readonly multiValueTimers?: boolean;
}

export interface SinkStats {
  metricsSent: number;
}

// One UDP datagram that fits an Ethernet MTU after IP/UDP headers (the StatsD docs' figure) ...
const MAX_PACKET_BYTES = 1432;
// ... or, to a StatsD on the same host, 8 KiB: loopback has a 64 KiB MTU, and every datagram costs the
// sender the whole receive path, so fewer, larger ones are much cheaper (benchmark profile).
const MAX_LOOPBACK_PACKET_BYTES = 8192;

export function packetBytesFor(host: string): number {
  return host === 'localhost' || host === '::1' || host.startsWith('127.') ? MAX_LOOPBACK_PACKET_BYTES : MAX_PACKET_BYTES;
}
// Timer values are handed over in batches of this size (about 100 packets), so memory stays bounded
// and a burst of log lines turns into a stream of packets rather than one burst StatsD would drop.
const TIMER_BATCH = 4096;

/**
 * StatsD over UDP through hot-shots, buffered into packets. Counter increments are summed in memory
 * between flushes (one `key:N|c` per flush instead of N packets); timers are sent value by value at
 * sample rate 1, because StatsD's timer histograms count values and do not scale sampled ones.
 */
export class StatsdSink implements MetricEmitter {
  readonly stats: SinkStats = { metricsSent: 0 };
  private readonly client: StatsDClient;
  private counters = new Map<string, number>();
  private timerKeys: string[] = [];
  private timerValues: number[] = [];
  private gauges = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private readonly prefix: string;
  private readonly multiValueTimers: boolean;
  private readonly maxLineBytes: number;

  constructor(options: SinkOptions) {
    this.prefix = `${options.prefix}.`;
    this.multiValueTimers = options.multiValueTimers ?? true;
    // A line never straddles two packets: leave room for the packet's other lines' newline.
    this.maxLineBytes = packetBytesFor(options.host) - 1;
    this.client = new StatsD({
      host: options.host,
      port: options.port,
      prefix: `${options.prefix}.`,
      maxBufferSize: packetBytesFor(options.host),
      bufferFlushInterval: options.flushIntervalMs ?? 1000,
      sampleRate: 1,
      // A StatsD given by name (statsd.monitoring.svc) is resolved once a minute, not per packet.
      cacheDns: true,
      // On close, wait up to 11 x 200 ms for sends in flight (default 550 ms) before giving up on them.
      closingFlushInterval: 200,
      errorHandler: options.onError ?? (() => {}),
    });
    this.timer = setInterval(() => this.flush(), options.flushIntervalMs ?? 1000);
    this.timer.unref();
  }

  count(key: EmittedCounter, n: number): void {
    this.counters.set(key, (this.counters.get(key) ?? 0) + n);
  }

  timing(key: EmittedTimer, ms: number): void {
    this.timerKeys.push(key);
    this.timerValues.push(ms);
    if (this.timerKeys.length >= TIMER_BATCH) this.flushTimers();
  }

  gauge(key: EmittedGauge, value: number): void {
    this.gauges.set(key, value);
  }

  /** Hands everything aggregated so far to the socket. */
  flush(): void {
    const client = this.client;
    let sent = 0;
    for (const [key, n] of this.counters) {
      if (n !== 0) {
        client.increment(key, n);
        sent++;
      }
    }
    for (const [key, value] of this.gauges) {
      client.gauge(key, value);
      sent++;
    }
    this.counters = new Map();
    this.gauges = new Map();
    this.stats.metricsSent += sent;
    this.flushTimers();
    client.flush();
  }

  private flushTimers(): void {
    const keys = this.timerKeys;
    const values = this.timerValues;
    if (this.multiValueTimers) this.sendTimerLines(keys, values);
    else {
      const client = this.client;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const value = values[i];
        if (key !== undefined && value !== undefined) client.timing(key, value, 1);
      }
    }
    this.stats.metricsSent += keys.length;
    this.timerKeys = [];
    this.timerValues = [];
  }

  /** One `prefix.key:v|ms:v|ms...` line per key, split so that no line outgrows a packet. */
  private sendTimerLines(keys: readonly string[], values: readonly number[]): void {
    const byKey = new Map<string, string[]>();
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const value = values[i];
      if (key === undefined || value === undefined) continue;
      const list = byKey.get(key);
      if (list === undefined) byKey.set(key, [`${value}|ms`]);
      else list.push(`${value}|ms`);
    }
    for (const [key, fields] of byKey) {
      const head = `${this.prefix}${key}`;
      let line = head;
      for (const field of fields) {
        if (line !== head && line.length + 1 + field.length > this.maxLineBytes) {
          this.client.send(line);
          line = head;
        }
        line += `:${field}`;
      }
      if (line !== head) this.client.send(line);
    }
  }

  close(): Promise<void> {
    clearInterval(this.timer);
    this.flush();
    return new Promise((resolve) => {
      this.client.close(() => resolve());
    });
  }
}
