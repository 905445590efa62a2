/** Runs `task` now and then every `intervalMs`, never two runs at once. */
export class Periodic {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly intervalMs: number,
    private readonly task: () => Promise<void>,
  ) {}

  start(): void {
    this.tick();
  }

  private tick(): void {
    if (this.stopped) return;
    const started = Date.now();
    this.running = this.task().finally(() => {
      this.running = null;
      if (this.stopped) return;
      const wait = Math.max(0, this.intervalMs - (Date.now() - started));
      this.timer = setTimeout(() => this.tick(), wait);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
