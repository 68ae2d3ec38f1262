#!/usr/bin/env node
// npm run bench:viewer — the viewer on a generated 5,000-node / 50,000-edge graph in headless Chromium.
// Reports the time to first frame and the frame time while panning. Needs dist/ (tsc) and viewer/dist (vite).
// Options: --nodes N --edges M --runs R (default 5000, 50000, 3); CHROMIUM_PATH overrides the browser.
import { existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MultiGraph } from 'graphology';
import { chromium } from 'playwright-core';
import { startServer } from '../dist/serve/server.js';

const { values } = parseArgs({ options: { nodes: { type: 'string' }, edges: { type: 'string' }, runs: { type: 'string' } } });
const N = Number(values.nodes ?? 5000);
const M = Number(values.edges ?? 50000);
const RUNS = Number(values.runs ?? 3);

const TYPES = ['allies-with', 'supports', 'met-with', 'negotiates-with', 'mediated-by', 'opposes', 'fights'];
const SYMMETRIC = new Set(['allies-with', 'met-with', 'negotiates-with', 'fights']);
const KINDS = ['state', 'igo', 'armed-group', 'group', 'political-group', 'state-body', 'ngo', 'media'];

// mulberry32: the same graph every run
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(n, m) {
  const r = rng(42);
  const g = new MultiGraph({ type: 'mixed', allowSelfLoops: false });
  const articles = {};
  for (let d = 0; d < 200; d++) {
    const date = new Date(Date.UTC(2014, 0, 1) + d * 7 * 86400000).toISOString().slice(0, 10);
    articles[`doc${d}.txt`] = { title: `Generated article ${d}`, date, url: null, source: null };
  }
  g.replaceAttributes({ name: 'bench', level: 'person', modality: 'all', articles });
  const ids = [];
  for (let i = 0; i < n; i++) {
    const id = `actor-${String(i).padStart(5, '0')}`;
    ids.push(id);
    g.addNode(id, { label: `Actor ${i}`, kind: KINDS[i % KINDS.length], aliases: [`A${i}`], mentions: 0 });
  }
  // preferential-ish attachment: a few hubs, many small actors, like news graphs
  const pick = () => ids[Math.floor(n * Math.pow(r(), 2.2))];
  let made = 0;
  while (made < m) {
    const type = TYPES[Math.floor(r() * TYPES.length)];
    let s = pick();
    let t = pick();
    if (s === t) continue;
    if (SYMMETRIC.has(type) && t < s) [s, t] = [t, s];
    const key = `${type}|${s}|${t}`;
    if (g.hasEdge(key)) continue;
    const doc = `doc${Math.floor(r() * 200)}.txt`;
    const date = articles[doc].date;
    const evidence = [{ source: s, target: t, doc, sentence: `${s} ${type} ${t}.`, start: 0, end: 10, rule: 'bench', trigger: type, confidence: 1, modality: 'asserted', date }];
    const attrs = { type, weight: 1, first: date, last: date, evidence };
    if (SYMMETRIC.has(type)) g.addUndirectedEdgeWithKey(key, s, t, attrs);
    else g.addDirectedEdgeWithKey(key, s, t, attrs);
    made++;
  }
  return g;
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const f1 = (x) => x.toFixed(1);

const exe = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => p && existsSync(p));
if (!exe) {
  console.error('bench:viewer: Chromium not found (apt-get install -y --no-install-recommends chromium, or set CHROMIUM_PATH)');
  process.exit(1);
}

const t0 = performance.now();
const graph = generate(N, M);
console.log(`generated ${graph.order} nodes, ${graph.size} edges in ${f1(performance.now() - t0)} ms`);
const srv = await startServer({ graph, port: 0, gexf: async () => '<gexf/>' });
const browser = await chromium.launch({
  executablePath: exe,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const results = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(srv.url);
    await page.waitForFunction(() => window.__actorgraph?.firstPaintMs || window.__actorgraph?.error, null, { timeout: 300_000 });
    // the first frame may come from the server's boot view, before the panels are bound
    await page.waitForFunction(() => window.__actorgraph?.ready || window.__actorgraph?.error, null, { timeout: 300_000 });
    // what was drawn, to look at: a number says nothing about a blank or garbled canvas
    if (run === 0) {
      const shot = join(tmpdir(), 'actorgraph-bench-viewer.png');
      await page.screenshot({ path: shot });
      console.log(`screenshot of run 1: ${shot}`);
    }
    const boot = await page.evaluate(() => ({ first: window.__actorgraph.firstFrameMs, paint: window.__actorgraph.firstPaintMs, timings: window.__actorgraph.timings, error: window.__actorgraph.error, renders: [...window.__actorgraph.renderDurations].map(Math.round), early: window.__actorgraph.earlyFrame, nodes: window.__actorgraph.visibleNodeCount, edges: window.__actorgraph.visibleEdgeCount }));
    if (boot.error || errors.length) throw new Error(boot.error ?? errors[0]);
    boot.ready = boot.timings.ui;
    console.log(`run ${run + 1}: first frame drawn ${f1(boot.first)} ms, presented ${f1(boot.paint)} ms, interactive ${boot.ready} ms after navigation (${boot.nodes} nodes, ${boot.edges} edges); phases ${JSON.stringify(boot.timings)}; sigma renders so far (ms) ${boot.renders.join(', ')}; boot view ${boot.early ?? 'not drawn'}; panning…`);
    await page.waitForTimeout(500);
    // pan: drag the stage in small steps while a rAF loop timestamps every frame
    await page.evaluate(() => {
      window.__frames = [];
      window.__rendersBefore = window.__actorgraph.renderDurations.length;
      const loop = (t) => {
        window.__frames.push(t);
        if (!window.__stopFrames) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    });
    const box = await page.locator('#graph').boundingBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    for (let sweep = 0; sweep < 4; sweep++) {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      const dx = sweep % 2 ? -300 : 300;
      const dy = sweep < 2 ? 120 : -120;
      for (let i = 1; i <= 40; i++) {
        await page.mouse.move(cx + (dx * i) / 40, cy + (dy * i) / 40);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      }
      await page.mouse.up();
    }
    const pan = await page.evaluate(() => {
      window.__stopFrames = true;
      const f = window.__frames;
      const intervals = f.slice(1).map((t, i) => t - f[i]);
      const renders = window.__actorgraph.renderDurations;
      return { intervals, renders: renders.slice(window.__rendersBefore) };
    });
    results.push({ first: boot.first, paint: boot.paint, ready: boot.ready, nodes: boot.nodes, edges: boot.edges, intervals: pan.intervals, renders: pan.renders });
    console.log(
      `run ${run + 1}: first frame ${f1(boot.first)} ms (${boot.nodes} nodes, ${boot.edges} edges drawn); ` +
        `pan frame interval mean ${f1(mean(pan.intervals))} ms, p95 ${f1(pct(pan.intervals, 95))} ms over ${pan.intervals.length} frames; ` +
        `render (sigma before→afterRender) mean ${f1(mean(pan.renders))} ms, p95 ${f1(pct(pan.renders, 95))} ms over ${pan.renders.length} renders`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  await srv.close();
}
const firsts = results.map((r) => r.first);
const paints = results.map((r) => r.paint);
const readies = results.map((r) => r.ready);
const intervals = results.flatMap((r) => r.intervals);
const renders = results.flatMap((r) => r.renders);
console.log(`\nsummary (headless Chromium, SwiftShader WebGL, no GPU; ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
console.log(`  graph:             ${N} nodes, ${M} edges`);
console.log(`  first frame drawn: median ${f1(pct(firsts, 50))} ms, max ${f1(Math.max(...firsts))} ms (target < 3000 ms; sigma's first render returned)`);
console.log(`  first frame shown: median ${f1(pct(paints, 50))} ms, max ${f1(Math.max(...paints))} ms (the browser presented it: includes software rasterisation)`);
console.log(`  interactive:       median ${f1(pct(readies, 50))} ms, max ${f1(Math.max(...readies))} ms (panels, search and filters bound: the stored graph loaded and derived)`);
console.log(`  pan frame time:    (edges hidden while dragging above 10,000 edges) mean ${f1(mean(intervals))} ms, p95 ${f1(pct(intervals, 95))} ms (target < 50 ms)`);
console.log(`  sigma render time: mean ${f1(mean(renders))} ms, p95 ${f1(pct(renders, 95))} ms`);
