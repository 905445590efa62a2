/**
 * Progress on a terminal (bytes and lines done, rate, time left), redrawn twice a second on one
 * line; nothing when stderr is not a terminal (the summary line says it all there).
 */
export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private done_ = 0;
  private lineCount = 0;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly totalBytes: number,
  ) {}

  bytes(n: number): void {
    this.done_ += n;
  }

  lines(count: number): void {
    this.lineCount = count;
    if (!this.out.isTTY) return;
    const now = Date.now();
    if (now - this.lastDraw < 500) return;
    this.lastDraw = now;
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const rate = this.lineCount / seconds;
    const share = this.totalBytes > 0 ? this.done_ / this.totalBytes : 0;
    const left = share > 0 ? Math.round(seconds / share - seconds) : null;
    const mb = (b: number) => (b / 1_048_576).toFixed(1);
    const total = this.totalBytes > 0 ? ` of ${mb(this.totalBytes)} MB` : '';
    this.out.write(
      `\r\x1b[K${mb(this.done_)} MB${total}, ${this.lineCount} lines, ${Math.round(rate)} lines/s${left === null ? '' : `, ${left} s left`}`,
    );
  }

  done(): void {
    if (this.out.isTTY && this.lastDraw > 0) this.out.write('\r\x1b[K');
  }
}
