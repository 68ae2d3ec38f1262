/**
 * A one-line progress bar on stderr, only when stderr is a terminal and the job
 * is big enough to be worth watching; logs and pipes never see it.
 */
export class Progress {
  private last = 0;
  private active: boolean;

  constructor(
    private stream: NodeJS.WritableStream & { isTTY?: boolean },
    private label: string,
    private total: number,
    minTotal = 10,
  ) {
    this.active = !!stream.isTTY && total >= minTotal;
  }

  tick(done: number, note = ''): void {
    if (!this.active) return;
    const now = Date.now();
    if (now - this.last < 80 && done < this.total) return;
    this.last = now;
    const width = 28;
    const frac = this.total ? Math.min(1, done / this.total) : 0;
    const fill = Math.round(frac * width);
    const bar = '█'.repeat(fill) + '░'.repeat(width - fill);
    this.stream.write(`\r${this.label} ${bar} ${done}/${this.total} ${note}`.slice(0, 120).padEnd(80) + '\x1b[K');
  }

  done(): void {
    if (this.active) this.stream.write('\r\x1b[K');
  }
}
