import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RawUnit } from '../ingest/units.js';
import type { UnitResult } from './task.js';

/** What every worker needs to build its own extractor and cache. */
export interface WorkerInit {
  actorsFile?: string | undefined;
  boilerplateFile?: string | undefined;
  cacheDir?: string | undefined;
}

/**
 * The compiled worker script. Next to this module when running from dist/;
 * when running from source (vitest, tsx), the build output in dist/.
 */
export function workerScript(): URL {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const dist = new URL('../../dist/parallel/worker.js', import.meta.url);
  if (existsSync(fileURLToPath(dist))) return dist;
  throw new Error('parallel extraction needs the compiled worker (dist/parallel/worker.js): run `npm run build:ts`, or use --jobs 1');
}

interface Job {
  resolve: (r: UnitResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: number;
}

/** N worker threads; each unit goes to the least busy one. Results come back in any order, keyed by sequence. */
export class WorkerPool {
  private slots: Slot[] = [];
  private jobs = new Map<number, Job>();
  private seq = 0;
  private failed: Error | null = null;

  constructor(readonly size: number, init: WorkerInit) {
    const url = workerScript();
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url, { workerData: init });
      const slot: Slot = { worker, busy: 0 };
      worker.on('message', (m: { seq: number; result?: UnitResult; error?: string }) => {
        slot.busy--;
        const job = this.jobs.get(m.seq);
        if (!job) return;
        this.jobs.delete(m.seq);
        if (m.result) job.resolve(m.result);
        else job.reject(new Error(m.error ?? 'worker failed'));
      });
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`extraction worker exited with code ${code}`));
      });
      this.slots.push(slot);
    }
  }

  private fail(e: Error): void {
    this.failed ??= e;
    for (const j of this.jobs.values()) j.reject(e);
    this.jobs.clear();
  }

  run(unit: RawUnit): Promise<UnitResult> {
    if (this.failed) return Promise.reject(this.failed);
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const seq = this.seq++;
    slot.busy++;
    const transfer: ArrayBuffer[] = [];
    const buf = unit.kind === 'lines' ? unit.data : unit.kind === 'file' ? unit.bytes : null;
    if (buf && buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength && buf.buffer instanceof ArrayBuffer) transfer.push(buf.buffer);
    return new Promise<UnitResult>((resolve, reject) => {
      this.jobs.set(seq, { resolve, reject });
      slot.worker.postMessage({ seq, unit }, transfer);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }
}
