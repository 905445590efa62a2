import { createConnection, type Socket } from 'node:net';
import type { Point } from './archive-plan';

/**
 * carbon's line protocol (`metric value timestamp\n`) over TCP, with the timestamps of the past.
 * Two of carbon's limits shape it: a socket carbon reads slowly (its cache and
 * MAX_UPDATES_PER_SECOND) pushes back, and we wait; and MAX_CREATES_PER_MINUTE silently drops
 * the points of new series past it, so new series are paced to `createsPerMinute`.
 */

export interface WriterStats {
  points: number;
  bytes: number;
  series: number;
  /** Time spent waiting for carbon to read (socket backpressure). */
  backpressureMs: number;
  /** Time spent waiting for the create budget. */
  createWaitMs: number;
}

const BATCH_BYTES = 256 * 1024;
const MINUTE_MS = 60_000;

export class CarbonWriter {
  readonly stats: WriterStats = { points: 0, bytes: 0, series: 0, backpressureMs: 0, createWaitMs: 0 };
  private batch = '';
  private readonly known = new Set<string>();
  private held: Point[] = [];
  private windowStart = Date.now();
  private createsInWindow = 0;
  private failure: Error | null = null;

  private constructor(
    private readonly socket: Socket,
    private readonly createsPerMinute: number,
  ) {
    socket.on('error', (error) => {
      this.failure ??= error;
    });
  }

  static connect(host: string, port: number, createsPerMinute: number, timeoutMs = 10_000): Promise<CarbonWriter> {
    return new Promise((resolve, reject) => {
      const socket = createConnection({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`carbon ${host}:${port}: no connection within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.setNoDelay(false);
        resolve(new CarbonWriter(socket, createsPerMinute));
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`carbon ${host}:${port}: ${error.message}`));
      });
    });
  }

  write(point: Point): void {
    if (!this.known.has(point.metric)) {
      if (this.held.length > 0 || !this.takeCreate()) {
        this.held.push(point);
        return;
      }
      this.known.add(point.metric);
      this.stats.series++;
    }
    this.append(point);
  }

  private takeCreate(): boolean {
    const now = Date.now();
    if (now - this.windowStart >= MINUTE_MS) {
      this.windowStart = now;
      this.createsInWindow = 0;
    }
    if (this.createsInWindow >= this.createsPerMinute) return false;
    this.createsInWindow++;
    return true;
  }

  private append(point: Point): void {
    this.batch += `${point.metric} ${point.value} ${point.ts}\n`;
    this.stats.points++;
  }

  /** Sends what is batched; waits for carbon and for the create budget. Call between input chunks. */
  async drain(force = false): Promise<void> {
    if (this.failure) throw new Error(`carbon: ${this.failure.message}`);
    while (this.held.length > 0) {
      const wait = this.windowStart + MINUTE_MS - Date.now();
      if (this.createsInWindow >= this.createsPerMinute && wait > 0) {
        await this.send();
        const started = Date.now();
        await new Promise((resolve) => setTimeout(resolve, wait));
        this.stats.createWaitMs += Date.now() - started;
      }
      const held = this.held;
      this.held = [];
      for (const point of held) this.write(point);
    }
    if (force || this.batch.length >= BATCH_BYTES) await this.send();
  }

  private async send(): Promise<void> {
    if (this.batch.length === 0) return;
    const text = this.batch;
    this.batch = '';
    this.stats.bytes += text.length;
    if (!this.socket.write(text)) {
      const started = Date.now();
      await new Promise<void>((resolve, reject) => {
        const onError = (error: Error) => reject(new Error(`carbon: ${error.message}`));
        this.socket.once('error', onError);
        this.socket.once('drain', () => {
          this.socket.off('error', onError);
          resolve();
        });
      });
      this.stats.backpressureMs += Date.now() - started;
    }
  }

  async close(): Promise<void> {
    await this.drain(true);
    await new Promise<void>((resolve) => this.socket.end(() => resolve()));
  }
}
