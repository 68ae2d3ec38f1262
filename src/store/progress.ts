import type { LoadProgress } from './load.js';

const WIDTH = 30;

/**
 * A progress bar on a terminal (redrawn in place), or one line per finished
 * phase when stderr is a file or pipe, so logs stay readable.
 */
export function progressPrinter(stream: NodeJS.WritableStream & { isTTY?: boolean }): (p: LoadProgress) => void {
  const tty = !!stream.isTTY;
  let lastDraw = 0;
  return (p) => {
    const finished = p.done >= p.total;
    if (!tty) {
      if (finished && p.phase !== 'schema') stream.write(`  ${p.phase}: ${p.total}\n`);
      return;
    }
    const now = Date.now();
    if (!finished && now - lastDraw < 100) return;
    lastDraw = now;
    const frac = p.total === 0 ? 1 : p.done / p.total;
    const filled = Math.round(frac * WIDTH);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`;
    stream.write(`\r  ${p.phase.padEnd(9)} [${bar}] ${p.done}/${p.total}\x1b[K`);
    if (finished) stream.write('\n');
  };
}
