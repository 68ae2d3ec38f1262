/**
 * End-to-end helpers: Debian's Chromium, the real CLI (`actorgraph build` on the
 * seeds plus one hostile article, then `actorgraph serve` on the result), and
 * the few browser types the page.evaluate callbacks need (the Node typecheck
 * has no DOM lib, so they are declared here instead of pulling DOM in globally).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SerializedGraph } from 'graphology-types';
import type { EdgeAttrs, GraphAttrs, NodeAttrs } from '../../src/graph/types.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin/actorgraph.js');
export const ARTIFACTS = join(ROOT, 'test/artifacts');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's chromium: $CHROMIUM_PATH, else the binary itself, else the wrapper. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p)) ?? null;
}

export const IS_CI = ['true', '1'].includes(String(process.env.CI ?? '').toLowerCase());

/**
 * The tests run what `npm install` built (prepare: dist/ and viewer/dist/), like
 * the CLI tests; they never rebuild in place, since other test files serve those
 * folders at the same time. A build older than its sources fails loudly.
 */
export function assertBuilt(): void {
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
  const viewer = join(ROOT, 'viewer/dist/index.html');
  const cli = join(ROOT, 'dist/cli/main.js');
  if (!existsSync(viewer) || !existsSync(cli)) throw new Error('dist/ or viewer/dist/ is missing: run `npm install` (or `npm run build:ts && npm run build:viewer`)');
  const sources = Math.max(newest(join(ROOT, 'viewer/src')), statSync(join(ROOT, 'viewer/index.html')).mtimeMs);
  if (sources > statSync(viewer).mtimeMs) throw new Error('viewer/dist is older than viewer/src: run `npm run build:viewer`');
  const serve = Math.max(statSync(join(ROOT, 'src/serve/server.ts')).mtimeMs, statSync(join(ROOT, 'src/cli/commands/serve.ts')).mtimeMs);
  if (serve > statSync(join(ROOT, 'dist/serve/server.js')).mtimeMs || serve > statSync(join(ROOT, 'dist/cli/commands/serve.js')).mtimeMs) {
    throw new Error('dist/ is older than src/serve or src/cli/commands/serve.ts: run `npm run build:ts`');
  }
}

// ------------------------------------------------------------ hostile article

export const HOSTILE_DOC = 'hostile.txt';
export const HOSTILE_TITLE = 'Turkey <b>steps up</b> support <script>alert("title")</script>';
export const HOSTILE_MARKUP = '<img src=x onerror=alert(1)> <script>alert(1)</script>';
/** Worded like a seed sentence the extractor reads ("Turkey-backed rebel groups … Free Syrian Army"). */
export const HOSTILE_SENTENCE = `Turkey backs the Free Syrian Army ${HOSTILE_MARKUP} in its fight, officials said.`;
export const HOSTILE_DATE = '2016-12-20';
const HOSTILE_TEXT = `${HOSTILE_TITLE}\n\nANKARA, Dec. 20, 2016 -- ${HOSTILE_SENTENCE} Officials gave no details.\n`;

export type GraphJSON = SerializedGraph<NodeAttrs, EdgeAttrs, GraphAttrs>;

export function hasHostileEvidence(g: GraphJSON): boolean {
  return (g.edges ?? []).some((e) => e.attributes?.evidence.some((v) => v.sentence.includes(HOSTILE_MARKUP)));
}

/**
 * When the extractor did not read the hostile sentence (the dictionaries
 * change), its evidence is attached to an edge of the built graph instead, so
 * the viewer still has to render it.
 */
function injectHostileEvidence(g: GraphJSON, turkey: string | null): void {
  const edges = (g.edges ?? []).filter((e) => e.attributes && e.attributes.type !== 'member-of');
  const edge = edges.find((e) => e.source === turkey || e.target === turkey) ?? edges[0];
  if (!edge?.attributes) throw new Error('the seed graph has no relation edge to attach the hostile article to');
  const a = edge.attributes;
  const model = a.evidence[0]!;
  a.evidence.push({ ...model, doc: HOSTILE_DOC, sentence: HOSTILE_SENTENCE, start: 0, end: HOSTILE_SENTENCE.length, modality: 'asserted', date: HOSTILE_DATE });
  a.weight = a.evidence.length;
  g.attributes = g.attributes ?? ({ name: 'actorgraph', level: 'person', modality: 'all', articles: {} } as GraphAttrs);
  g.attributes.articles = { ...(g.attributes.articles ?? {}), [HOSTILE_DOC]: { title: HOSTILE_TITLE, date: HOSTILE_DATE, url: null, source: null } };
}

export interface SeedGraph {
  /** The graph file `actorgraph serve --graph` is given. */
  file: string;
  /** The folder `actorgraph build` wrote (actors.gexf etc.). */
  outDir: string;
  source: string;
}

/**
 * `actorgraph build seeds <dir with hostile.txt> --out-dir <dir>/graph`, through
 * the compiled CLI (bin/ → dist/, built by `npm install`). ACTORGRAPH_E2E_ACTORS
 * may name a dictionary merged over the built-in one (passed as --actors).
 */
export function buildSeedGraph(dir: string): SeedGraph {
  const articles = join(dir, 'articles');
  mkdirSync(articles, { recursive: true });
  writeFileSync(join(articles, HOSTILE_DOC), HOSTILE_TEXT);
  const outDir = join(dir, 'graph');
  const extra = process.env.ACTORGRAPH_E2E_ACTORS ? ['--actors', process.env.ACTORGRAPH_E2E_ACTORS] : [];
  const r = spawnSync(process.execPath, [BIN, 'build', join(ROOT, 'seeds'), articles, '--out-dir', outDir, ...extra], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`actorgraph build failed (${r.status}):\n${r.stderr}${r.stdout}`);
  const full = join(outDir, 'full.json');
  const g = JSON.parse(readFileSync(full, 'utf8')) as GraphJSON;
  if (hasHostileEvidence(g)) return { file: full, outDir, source: 'actorgraph build seeds + hostile article' };
  const turkey = (g.nodes ?? []).find((n) => n.key === 'turkey' || n.attributes?.label === 'Turkey')?.key ?? null;
  injectHostileEvidence(g, turkey);
  const file = join(dir, 'full-with-hostile.json');
  writeFileSync(file, JSON.stringify(g));
  return { file, outDir, source: 'actorgraph build seeds, hostile evidence injected (the extractor did not read it)' };
}

// ------------------------------------------------------------ the CLI server

export interface CliServer {
  url: string;
  child: ChildProcess;
  stdout: () => string;
  stop(): Promise<void>;
}

/** Starts `actorgraph serve … --port 0` and waits for the URL it prints. */
export function startCliServer(args: string[], timeoutMs = 20_000): Promise<CliServer> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-open', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`actorgraph serve printed no URL within ${timeoutMs} ms:\n${out}${err}`));
    }, timeoutMs);
    const check = () => {
      const m = /^Viewer: (http:\/\/\S+)$/m.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve({ url: m[1]!, child, stdout: () => out, stop });
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`actorgraph serve exited (${code}) before printing its URL:\n${out}${err}`));
    });
  });
}

// ------------------------------------------------------ browser-side typings

/** The test hook the viewer puts on window (see viewer/src/main.ts). */
export interface Hook {
  ready: boolean;
  error: string | null;
  selectedNode: string | null;
  selectedEdge: string | null;
  hoveredNode: string | null;
  layoutRunning: boolean;
  visibleEdgeCount: number;
  visibleNodeCount: number;
  visibleEdgesByType: Record<string, number>;
  storedNodeCount: number;
  storedEdgeCount: number;
  renders: number;
  firstFrameMs: number | null;
  earlyFrame: 'kept' | 'replaced' | null;
  firstPaintMs: number | null;
  renderDurations: number[];
  filters: { level: string; modality: string; hiddenTypes: string[]; from: string | null; to: string | null };
  nodeViewport(node: string): { x: number; y: number } | null;
  resetCamera(): void;
  edgeDisplay(edge: string): { type: string | null; curvature: number; color: string | null } | null;
}

interface PageElement {
  value: string;
  style: { height: string };
  dispatchEvent(e: unknown): boolean;
}

/**
 * The browser globals the page.evaluate callbacks touch, typed minimally:
 * `const w = globalThis as unknown as PageGlobals` inside a callback.
 */
export interface PageGlobals {
  __actorgraph?: Hook;
  innerWidth: number;
  document: {
    getElementById(id: string): PageElement | null;
    documentElement: { scrollWidth: number };
  };
  Event: new (type: string, init?: { bubbles?: boolean }) => unknown;
  Image: new () => { src: string; naturalWidth: number; naturalHeight: number; decode(): Promise<void> };
  OffscreenCanvas: new (w: number, h: number) => {
    getContext(kind: '2d'): { drawImage(img: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
  };
  fetch(url: string): Promise<{ status: number; text(): Promise<string> }>;
}
