import { availableParallelism } from 'node:os';
import { loadBoilerplateRules } from './ingest/boilerplate.js';
import { rawUnits, UnitOrder, type RawUnit } from './ingest/units.js';
import type { IngestIssue } from './ingest/types.js';
import type { ArticleExtraction } from './extract/types.js';
import { GraphBuilder } from './graph/build.js';
import type { ActorGraph } from './graph/types.js';
import { makeContext } from './parallel/context.js';
import { WorkerPool, type WorkerInit } from './parallel/pool.js';
import { processUnit, type TaskContext, type UnitResult } from './parallel/task.js';

export { loadExtractor } from './parallel/context.js';

export interface PipelineOptions {
  /** A user dictionary merged over the built-in one. */
  actorsFile?: string;
  /** Extra boilerplate rules (see ReadOptions.boilerplateFile). */
  boilerplateFile?: string;
  onIssue?: (i: IngestIssue) => void;
  onFile?: (path: string, index: number, total: number) => void;
  /** Called after each unit (a file, or a batch of JSONL lines) with the running totals. */
  onProgress?: (p: PipelineCounters) => void;
  maxBytes?: number;
  /**
   * Worker threads for decoding, parsing and extraction. 1 (the default for
   * the library) runs in-process; 'auto' is one per core, starting in-process
   * and spawning workers only once the input passes AUTO_THRESHOLD bytes, so
   * small runs do not pay for worker start-up. Output is identical whatever
   * the value: results are put back in input order before aggregation.
   */
  jobs?: number | 'auto';
  /** Cache folder for extractions, keyed by article content and extractor version; none when absent. */
  cacheDir?: string;
}

export interface PipelineCounters {
  articles: number;
  extracted: number;
  cached: number;
  /** Bytes of raw input handed to parsing (file bytes, JSONL lines). */
  bytes: number;
}

/** Input bytes read in-process before 'auto' turns to workers. */
export const AUTO_THRESHOLD = 1 << 20;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

function unitBytes(u: RawUnit): number {
  return u.kind === 'lines' ? u.data.byteLength : u.kind === 'file' ? u.bytes.byteLength : 0;
}

/**
 * Ingest → extract, unit by unit, with results in input order. Memory is
 * bounded by the in-flight window (a few units per worker), never by the input.
 */
async function* orderedResults(paths: string[], opts: PipelineOptions): AsyncGenerator<{ issues: IngestIssue[]; result: UnitResult | null; bytes: number }> {
  const init: WorkerInit = { actorsFile: opts.actorsFile, boilerplateFile: opts.boilerplateFile, cacheDir: opts.cacheDir };
  const jobs = opts.jobs === 'auto' ? defaultJobs() : Math.max(1, opts.jobs ?? 1);
  let ctx: TaskContext | null = null;
  const local = (): TaskContext => {
    if (ctx) return ctx;
    ctx = makeContext(init);
    if (opts.boilerplateFile) {
      try {
        ctx.rules = loadBoilerplateRules(opts.boilerplateFile);
      } catch (e) {
        opts.onIssue?.({ path: opts.boilerplateFile, reason: `unreadable boilerplate rules: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
    return ctx;
  };
  let pool: WorkerPool | null = null;
  let inlineBytes = 0;
  const exec = (u: RawUnit): Promise<UnitResult> => {
    if (jobs > 1 && (opts.jobs !== 'auto' || inlineBytes >= AUTO_THRESHOLD)) {
      pool ??= new WorkerPool(jobs, init);
      return pool.run(u);
    }
    inlineBytes += unitBytes(u);
    try {
      return Promise.resolve(processUnit(u, local()));
    } catch (e) {
      return Promise.reject(e);
    }
  };
  if (opts.boilerplateFile && jobs > 1 && opts.jobs !== 'auto') local(); // reports unreadable rules once, up front
  const window = jobs * 4;
  const order = new UnitOrder();
  const pending: { unit: RawUnit; result: Promise<UnitResult> | null; bytes: number }[] = [];
  const settle = async (p: { unit: RawUnit; result: Promise<UnitResult> | null; bytes: number }) => {
    const result = p.result ? await p.result : null;
    const issues = [...(result?.issues ?? []), ...order.issuesFor(p.unit, result?.any ?? false)];
    return { issues, result, bytes: p.bytes };
  };
  try {
    for await (const unit of rawUnits(paths, { ...(opts.onFile ? { onFile: opts.onFile } : {}), ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) })) {
      const bytes = unitBytes(unit);
      // Only bookkeeping is kept here: the bytes are transferred to the worker.
      const keep: RawUnit =
        unit.kind === 'lines'
          ? { kind: 'lines', path: unit.path, data: new Uint8Array(0), ends: [], lines: [], offsets: [] }
          : unit.kind === 'file'
            ? { kind: 'file', path: unit.path, format: unit.format, bytes: new Uint8Array(0) }
            : unit;
      const result = unit.kind === 'lines' || unit.kind === 'file' ? exec(unit) : null;
      result?.catch(() => {}); // awaited in order below; never an unhandled rejection meanwhile
      pending.push({ unit: keep, result, bytes });
      while (pending.length >= window) yield await settle(pending.shift()!);
    }
    while (pending.length) yield await settle(pending.shift()!);
  } finally {
    await (pool as WorkerPool | null)?.close();
  }
}

/** Ingest → extract, one article at a time, in input order: nothing holds the whole input. */
export async function* extractPaths(paths: string[], opts: PipelineOptions = {}): AsyncGenerator<ArticleExtraction> {
  for await (const { issues, result } of orderedResults(paths, opts)) {
    for (const i of issues) opts.onIssue?.(i);
    if (result) yield* result.extractions;
  }
}

export interface BuildResult extends PipelineCounters {
  /** The full graph: person level, every modality. */
  graph: ActorGraph;
  issues: IngestIssue[];
  /** Milliseconds spent reading + extracting + aggregating, and turning the aggregate into the graph. */
  timings: { extract: number; graph: number };
}

export async function buildFromPaths(paths: string[], opts: PipelineOptions = {}): Promise<BuildResult> {
  const issues: IngestIssue[] = [];
  const builder = new GraphBuilder();
  const c: PipelineCounters = { articles: 0, extracted: 0, cached: 0, bytes: 0 };
  const t0 = performance.now();
  for await (const { issues: found, result, bytes } of orderedResults(paths, opts)) {
    for (const i of found) {
      issues.push(i);
      opts.onIssue?.(i);
    }
    if (!result) continue;
    for (const x of result.extractions) builder.addExtraction(x);
    c.articles += result.extractions.length;
    c.extracted += result.extracted;
    c.cached += result.cached;
    c.bytes += bytes;
    opts.onProgress?.(c);
  }
  const t1 = performance.now();
  const graph = builder.graph();
  return { graph, issues, ...c, timings: { extract: t1 - t0, graph: performance.now() - t1 } };
}
