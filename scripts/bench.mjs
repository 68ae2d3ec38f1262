#!/usr/bin/env node
// npm run bench — throughput, memory and end-to-end time on a real corpus:
// the 2,225 BBC articles of ../shared/corpora, repeated (distinct ids per copy)
// to 100,000 articles in a temporary folder.
//
//   node scripts/bench.mjs [--articles N] [--sample N] [--no-neo4j] [--keep]
//
// 1. throughput, 1 worker vs all workers: `actorgraph build --no-cache --jobs J
//    --timings` on a SAMPLE-article slice (default 100,000: the whole run, so worker start-up does not weigh), MB/s of input JSONL;
// 2. end to end: `actorgraph build --no-cache` (all workers) on all N articles:
//    wall time, peak RSS, graph build time, GEXF write time;
// 3. Neo4j: `actorgraph load --graph full.json` into a throwaway local server
//    (scripts/neo4j-launcher.mjs), when one can be started.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    sample: { type: 'string', default: '100000' },
    'no-neo4j': { type: 'boolean' },
    keep: { type: 'boolean' },
  },
});
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/actorgraph.js');
const BBC = join(ROOT, '../shared/corpora/bbc-news-2004-2005.jsonl');
const N = Number(values.articles);
const SAMPLE = Math.min(N, Number(values.sample));
const JOBS = availableParallelism();

if (!existsSync(BBC)) {
  console.error(`bench: ${BBC} not found (the BBC corpus lives outside the repository)`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'actorgraph-bench-'));
const cleanup = () => values.keep || rmSync(work, { recursive: true, force: true });
process.on('exit', cleanup);

/** The corpus repeated to `count` articles, ids suffixed with the copy number. */
async function repeated(count, file) {
  const lines = readFileSync(BBC, 'utf8').split('\n').filter((l) => l.trim());
  const out = createWriteStream(file);
  for (let k = 0; k < count; k++) {
    const copy = Math.floor(k / lines.length);
    const rec = JSON.parse(lines[k % lines.length]);
    rec.id = `${rec.id ?? k % lines.length}~${copy}`;
    if (!out.write(JSON.stringify(rec) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return statSync(file).size;
}

function run(args, env = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, [BIN, ...args], { cwd: work, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => {
      stderr += d;
      if (env.BENCH_ECHO) process.stdout.write(String(d).replace(/^/gm, '    '));
    });
    p.on('close', (code) => resolve({ code, stdout, stderr, secs: (performance.now() - t0) / 1000 }));
  });
}

function timings(stderr) {
  const line = stderr.split('\n').find((l) => l.startsWith('timings:'));
  if (!line) throw new Error(`no timings in:\n${stderr}`);
  return Object.fromEntries([...line.matchAll(/(\w+)=([\d.]+)/g)].map(([, k, v]) => [k, Number(v)]));
}

const fmt = (x, d = 1) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const cpu = cpus()[0]?.model?.trim() ?? 'unknown';
console.log(`actorgraph bench: node ${process.version}, ${cpu}, ${JOBS} cores (nproc), ${fmt(totalmem() / 2 ** 30)} GiB RAM`);
console.log(`corpus: ${BBC} repeated to ${N.toLocaleString('en-US')} articles (throughput sample ${SAMPLE.toLocaleString('en-US')})`);

const sampleFile = join(work, 'sample.jsonl');
const fullFile = join(work, 'corpus.jsonl');
const sampleBytes = await repeated(SAMPLE, sampleFile);
const fullBytes = SAMPLE === N ? sampleBytes : await repeated(N, fullFile);

// 1. throughput
const through = {};
for (const jobs of [1, JOBS]) {
  const r = await run(['build', sampleFile, '--out-dir', join(work, `sample-${jobs}`), '--no-cache', '--jobs', String(jobs), '--timings']);
  if (r.code !== 0) throw new Error(`build --jobs ${jobs} failed (${r.code}):\n${r.stderr}`);
  const t = timings(r.stderr);
  through[jobs] = t;
  console.log(
    `extract ${jobs === 1 ? '1 worker ' : `${jobs} workers`}: ${fmt(t.mb_per_s, 2)} MB/s, ${fmt(t.articles_per_s, 0)} articles/s ` +
      `(${fmt(t.extract_ms / 1000)} s for ${fmt(sampleBytes / 1e6)} MB; ${fmt(t.mb_per_s / jobs, 2)} MB/s per core; ` +
      `${fmt(sampleBytes / 1e6 / (t.cpu_ms / 1000), 2)} MB per CPU-second, all threads, whole run)`,
  );
}
const speedup = through[JOBS].mb_per_s / through[1].mb_per_s;
console.log(`speedup with ${JOBS} workers: ${fmt(speedup, 2)}x`);
const load = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
if (load > JOBS) console.log(`  note: load average ${fmt(load, 1)} on ${JOBS} cores: other processes compete for the CPU, so wall-clock figures are low`);

// 2. end to end
const out = join(work, 'graph');
const e2e = await run(['build', SAMPLE === N ? sampleFile : fullFile, '--out-dir', out, '--no-cache', '--timings']);
if (e2e.code !== 0) throw new Error(`end-to-end build failed (${e2e.code}):\n${e2e.stderr}`);
const t = timings(e2e.stderr);
console.log(
  `end to end (extract, build, GEXF + all outputs), ${N.toLocaleString('en-US')} articles, ${fmt(fullBytes / 1e6)} MB: ${fmt(e2e.secs)} s wall ` +
    `(${fmt(t.mb_per_s, 2)} MB/s, ${fmt(t.articles_per_s, 0)} articles/s in extraction)`,
);
console.log(`  peak RSS: ${fmt(t.max_rss_mb, 0)} MB`);
console.log(`  graph build: ${fmt(t.graph_ms / 1000, 2)} s; GEXF write: ${fmt(t.gexf_ms / 1000, 2)} s; JSON writes: ${fmt(t.json_ms / 1000, 2)} s`);
console.log(`  ${e2e.stdout.split('\n')[0]}`);

// 3. Neo4j
if (values['no-neo4j']) {
  console.log('Neo4j load: not measured (--no-neo4j)');
} else {
  let launcher;
  let server;
  try {
    launcher = await import('./neo4j-launcher.mjs');
    const port = await launcher.freePort();
    const pidFile = join(work, 'neo4j.pid');
    server = await launcher.startServer({ port, dataDir: join(work, 'neo4j-data'), pidFile, logFile: join(work, 'neo4j.log'), timeoutMs: 120_000 });
    const env = { NEO4J_URI: server.uri, NEO4J_PASSWORD: launcher.DEFAULT_PASSWORD, BENCH_ECHO: '1' };
    const claims = JSON.parse(readFileSync(join(out, 'full.json'), 'utf8')).edges.reduce((n, e) => n + (e.attributes?.evidence?.length ?? 0), 0);
    console.log(`Neo4j load of ${join('graph', 'full.json')} (${claims.toLocaleString('en-US')} mentions, ${N.toLocaleString('en-US')} articles):`);
    const r = await run(['load', '--graph', join(out, 'full.json')], env);
    if (r.code !== 0) throw new Error(`load exited ${r.code}: ${r.stderr.trim().split('\n').pop()}`);
    const text = r.stdout + r.stderr;
    const count = (k) => Number(new RegExp(`^\\s*${k}: (\\d+)`, 'm').exec(text)?.[1] ?? 0);
    const rows = count('actors') + count('articles') + count('claims') + count('relations');
    console.log(
      `Neo4j load: ${fmt(r.secs)} s wall, ${fmt(rows / r.secs, 0)} rows/s (${rows.toLocaleString('en-US')} actors + articles + claims + relations), ` +
        `${fmt(N / r.secs, 0)} articles/s (cold JVM; includes CLI start-up and reading full.json)`,
    );
  } catch (e) {
    console.log(`Neo4j load: not measured (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  } finally {
    if (server && launcher) await launcher.stopServer({ pidFile: join(work, 'neo4j.pid') }).catch(() => {});
  }
}
