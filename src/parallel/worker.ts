import { parentPort, workerData } from 'node:worker_threads';
import { loadBoilerplateRules } from '../ingest/boilerplate.js';
import type { RawUnit } from '../ingest/units.js';
import { makeContext } from './context.js';
import { processUnit } from './task.js';
import type { WorkerInit } from './pool.js';

const init = workerData as WorkerInit;
const ctx = makeContext(init);
if (init.boilerplateFile) {
  try {
    ctx.rules = loadBoilerplateRules(init.boilerplateFile);
  } catch {
    // The main thread reports unreadable rules; parse with the built-in ones, as it does.
  }
}

parentPort!.on('message', (m: { seq: number; unit: RawUnit }) => {
  try {
    parentPort!.postMessage({ seq: m.seq, result: processUnit(m.unit, ctx) });
  } catch (e) {
    parentPort!.postMessage({ seq: m.seq, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
