// Single-process extraction throughput: articles/s and MB/s of article text,
// on the seeds repeated and on the 2,225 BBC articles in ../shared/corpora.
// Ingest (decoding, boilerplate) is timed separately from extraction.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readArticles } from '../dist/ingest/index.js';
import { extractArticle } from '../dist/extract/index.js';
import { loadExtractor } from '../dist/pipeline.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const ex = loadExtractor();

async function read(path) {
  const out = [];
  for await (const a of readArticles([path])) out.push(a);
  return out;
}

function bench(name, articles, minSeconds = 3) {
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
  for (const a of articles.slice(0, 50)) extractArticle(a, ex); // warm-up
  let rounds = 0;
  let relations = 0;
  const t0 = process.hrtime.bigint();
  let secs = 0;
  do {
    for (const a of articles) relations += extractArticle(a, ex).relations.length;
    rounds++;
    secs = Number(process.hrtime.bigint() - t0) / 1e9;
  } while (secs < minSeconds);
  const n = articles.length * rounds;
  const mb = (bytes * rounds) / 1e6;
  console.log(`${name.padEnd(22)} ${String(n).padStart(7)} articles  ${(mb).toFixed(1).padStart(7)} MB  ${(n / secs).toFixed(0).padStart(6)} articles/s  ${(mb / secs).toFixed(2).padStart(6)} MB/s  ${(relations / rounds).toFixed(0)} relations/pass`);
}

const seeds = await read(`${root}seeds`);
console.log(`node ${process.version}, 1 process, extraction only (ingest excluded)`);
bench('seeds (repeated)', seeds);
const bbcPath = `${root}../shared/corpora/bbc-news-2004-2005.jsonl`;
if (existsSync(bbcPath)) {
  const t0 = process.hrtime.bigint();
  const bbc = await read(bbcPath);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const mb = bbc.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1e6;
  console.log(`${'bbc ingest'.padEnd(22)} ${String(bbc.length).padStart(7)} articles  ${mb.toFixed(1).padStart(7)} MB  ${(bbc.length / secs).toFixed(0).padStart(6)} articles/s  ${(mb / secs).toFixed(2).padStart(6)} MB/s`);
  bench('bbc 2004-2005', bbc);
} else {
  console.log(`(${bbcPath} not found: BBC figures skipped)`);
}
