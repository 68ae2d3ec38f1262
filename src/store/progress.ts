import type { LoadProgress } from './load.js';

const WIDTH = 30;

/**
 * A progress bar on a terminal (redrawn in place), or one line per finished
 * phase when stderr is a file or pipe, so logs stay readable; a long phase
 * also logs a line every 10 s. Both show the phase's throughput in rows/s.
 */
export function progressPrinter(stream: NodeJS.WritableStream & { isTTY?: boolean }): (p: LoadProgress) => void {
  const tty = !!stream.isTTY;
  let lastDraw = 0;
  let phase = '';
  let started = 0;
  let lastLog = 0;
  const rate = (done: number, now: number) => {
    const secs = (now - started) / 1000;
    return secs > 0 ? `${Math.round(done / secs).toLocaleString('en-US')} rows/s` : '';
  };
  return (p) => {
    const now = Date.now();
    if (p.phase !== phase) {
      phase = p.phase;
      started = now;
      lastLog = now;
    }
    const finished = p.done >= p.total;
    if (!tty) {
      if (finished && p.phase !== 'schema') {
        const r = rate(p.total, now);
        stream.write(`  ${p.phase}: ${p.total}${r ? ` (${r})` : ''}\n`);
      } else if (!finished && now - lastLog >= 10_000) {
        lastLog = now;
        stream.write(`  ${p.phase}: ${p.done}/${p.total} (${rate(p.done, now)})\n`);
      }
      return;
    }
    if (!finished && now - lastDraw < 100) return;
    lastDraw = now;
    const frac = p.total === 0 ? 1 : p.done / p.total;
    const filled = Math.round(frac * WIDTH);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`;
    stream.write(`\r  ${p.phase.padEnd(9)} [${bar}] ${p.done}/${p.total} ${rate(p.done, now)}\x1b[K`);
    if (finished) stream.write('\n');
  };
}
