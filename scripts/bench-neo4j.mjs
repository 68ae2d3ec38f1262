#!/usr/bin/env node
// npm run bench:neo4j — load throughput into a real Neo4j: batched UNWIND against one
// transaction per mention. Runs on a throwaway local Neo4j (temporary data directory,
// free port) unless NEO4J_URI is set, in which case --yes is required because the
// database is cleared.
//
//   node scripts/bench-neo4j.mjs [--mentions N] [--batch-size N] [--sample N] [--warmup N] [--yes]
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_HEAP, DEFAULT_PAGE_CACHE, freePort, startServer, stopServer } from './neo4j-launcher.mjs';

const { values } = parseArgs({
  options: {
    mentions: { type: 'string', default: '100000' },
    'batch-size': { type: 'string' },
    sample: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '2' },
    yes: { type: 'boolean' },
  },
});
const MENTIONS = Number(values.mentions);
const SAMPLE = Math.min(Number(values.sample), MENTIONS);
const WARMUP = Number(values.warmup);

const { openDriver } = await import('../dist/store/driver.js');
const { loadRecords, DEFAULT_BATCH_SIZE } = await import('../dist/store/load.js');
const BATCH = Number(values['batch-size'] ?? DEFAULT_BATCH_SIZE);
const RELATION_TYPES = ['allies-with', 'supports', 'met-with', 'negotiates-with', 'mediated-by', 'opposes', 'fights'];

/** A deterministic graph: `count` mentions over 500 actors (a third of them persons), 50 mentions per article. */
function records(count, actorCount = 500, perArticle = 50) {
  const actors = [];
  for (let i = 0; i < actorCount; i++) {
    const person = i % 3 === 2;
    actors.push({
      id: `actor-${i}`,
      label: `Actor ${i}`,
      kind: person ? 'person' : i % 3 === 0 ? 'state' : 'armed-group',
      aliases: [`A${i}`, `Actor number ${i}`],
      ...(person ? { memberOf: `actor-${i - 2}` } : {}),
    });
  }
  const articles = [];
  const mentions = [];
  for (let i = 0; i < count; i++) {
    const a = Math.floor(i / perArticle);
    const doc = `bench-${a}.txt`;
    if (i % perArticle === 0) {
      articles.push({ id: doc, doc, title: `Article ${a}`, date: '2016-12-01', url: `https://example.org/${a}`, source: 'Bench' });
    }
    const s = (i * 7) % actorCount;
    let t = (i * 13 + 1) % actorCount;
    if (t === s) t = (t + 1) % actorCount;
    const k = i % perArticle;
    mentions.push({
      type: RELATION_TYPES[i % RELATION_TYPES.length],
      source: `actor-${s}`,
      target: `actor-${t}`,
      doc,
      sentence: `Actor ${s} did something to Actor ${t} in sentence ${k} of article ${a}, officials said.`,
      start: k * 120,
      end: k * 120 + 110,
      rule: 'bench',
      trigger: 'did',
      confidence: 0.8,
      modality: i % 10 === 9 ? 'planned' : 'asserted',
      date: `2016-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    });
  }
  return { actors, articles, mentions };
}

const T0 = Date.now();
const log = (line) => process.stderr.write(`[${((Date.now() - T0) / 1000).toFixed(1)}s] ${line}\n`);
let local = null;
let uri = process.env.NEO4J_URI;
let auth = { username: process.env.NEO4J_USERNAME || 'neo4j', password: process.env.NEO4J_PASSWORD || 'actorgraph' };
if (uri) {
  if (!values.yes) {
    log(`bench:neo4j clears the database at ${uri}; pass --yes (npm run bench:neo4j -- --yes) or unset NEO4J_URI`);
    process.exit(2);
  }
} else {
  const dir = mkdtempSync(join(tmpdir(), 'actorgraph-bench-'));
  const port = await freePort();
  auth = { username: 'neo4j', password: 'actorgraph-bench' };
  log(`starting a throwaway Neo4j on port ${port} …`);
  const info = await startServer({ port, dataDir: join(dir, 'data'), pidFile: join(dir, 'neo4j.pid'), logFile: join(dir, 'neo4j.log'), password: auth.password, log });
  uri = info.uri;
  local = { dir, pidFile: join(dir, 'neo4j.pid') };
}

const database = process.env.NEO4J_DATABASE || 'neo4j';
const driver = openDriver({ uri, ...auth, database });
const clear = async () => {
  // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction.
  const session = driver.session({ database });
  try {
    // Relationships first: detaching an actor with 100k claims in one go exceeds the transaction memory pool.
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
};
const rate = (n, ms) => Math.round((n / ms) * 1000);
const fmt = (n) => n.toLocaleString('en-US');

try {
  const all = records(MENTIONS);
  const server = (await driver.getServerInfo({ database })).agent;
  log(`${server} at ${uri}; ${fmt(MENTIONS)} mentions, ${all.actors.length} actors, ${fmt(all.articles.length)} articles; ${cpus().length} CPUs`);
  await clear();

  const timed = async (label, recs, batchSize) => {
    const t0 = Date.now();
    const phases = {};
    let last = Date.now();
    let current = null;
    const onProgress = (p) => {
      if (p.phase !== current) {
        const now = Date.now();
        if (current) phases[current] = (phases[current] ?? 0) + now - last;
        current = p.phase;
        last = now;
      }
    };
    const res = await loadRecords(driver, recs, { batchSize, database, onProgress });
    if (current) phases[current] = (phases[current] ?? 0) + Date.now() - last;
    if (process.env.BENCH_PHASES) log(`  phases (ms): ${JSON.stringify(phases)}`);
    const ms = Date.now() - t0;
    log(`${label}: ${fmt(rate(recs.mentions.length, ms))} mentions/s (${(ms / 1000).toFixed(1)} s)`);
    return { label, ms, rate: rate(recs.mentions.length, ms), res };
  };

  const results = [];
  // 1. The whole load (schema, actors, articles, claims, aggregated relationships), batched.
  results.push(await timed(`batched UNWIND (${fmt(BATCH)} rows/tx), empty store`, all, BATCH));
  // 2. The same again: idempotent MERGE over existing data.
  results.push(await timed(`batched UNWIND (${fmt(BATCH)} rows/tx), reload of the same`, all, BATCH));
  // 3. A server that has been running a while: the JVM compiles Neo4j's write path over the first few
  // hundred thousand rows, so a first load on a fresh JVM runs at a fraction of the steady rate. Two
  // untimed loads warm it up, then the median of three timed loads into a cleared store is reported.
  for (let i = 0; i < WARMUP; i++) {
    await clear();
    await loadRecords(driver, all, { batchSize: BATCH, database });
    log(`warm-up load ${i + 1}/${WARMUP} done`);
  }
  const warm = [];
  for (let i = 0; i < 3; i++) {
    await clear();
    warm.push(await timed(`batched UNWIND (${fmt(BATCH)} rows/tx), empty store, warm server, run ${i + 1}`, all, BATCH));
  }
  warm.sort((a, b) => a.ms - b.ms);
  results.push({ ...warm[1], label: `batched UNWIND (${fmt(BATCH)} rows/tx), empty store, warm server (median of 3)` });

  // 4. One transaction per row, on a sample, extrapolated.
  await clear();
  const sample = { actors: all.actors, articles: all.articles.slice(0, Math.ceil(SAMPLE / 50)), mentions: all.mentions.slice(0, SAMPLE) };
  const single = await timed(`one transaction per mention (sample of ${fmt(SAMPLE)}, extrapolated)`, sample, 1);
  results.push(single);

  const w = Math.max(...results.map((r) => r.label.length));
  const memory = local ? `, heap ${process.env.NEO4J_HEAP || DEFAULT_HEAP}, page cache ${process.env.NEO4J_PAGECACHE || DEFAULT_PAGE_CACHE}` : '';
  process.stdout.write(`\nNeo4j load benchmark: ${fmt(MENTIONS)} relation mentions (${server}, ${cpus().length} CPUs${memory})\n`);
  for (const r of results) {
    process.stdout.write(`  ${r.label.padEnd(w)}  ${fmt(r.rate).padStart(7)} mentions/s  (${(r.ms / 1000).toFixed(1)} s for ${fmt(r.label.startsWith('one') ? SAMPLE : MENTIONS)})\n`);
  }
  const best = results[0].rate;
  process.stdout.write(
    `  batched (cold, empty store) is ${Math.round(best / single.rate)}x one-transaction-per-mention; ` +
      `the per-mention figure is measured on ${fmt(SAMPLE)} mentions and extrapolated: ` +
      `${fmt(MENTIONS)} mentions would take about ${Math.round(MENTIONS / single.rate)} s that way.\n`,
  );
  process.stdout.write(`  target ≥ 20,000 mentions/s batched: ${results[2].rate >= 20_000 ? 'met' : 'NOT met'} warm, ${best >= 20_000 ? 'met' : 'NOT met'} cold\n`);
} finally {
  await driver.close();
  if (local) {
    await stopServer({ pidFile: local.pidFile, signal: 'SIGKILL' });
    rmSync(local.dir, { recursive: true, force: true });
  }
}
