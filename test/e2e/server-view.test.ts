/**
 * GET /api/view: the view the viewer draws first. The server derives it; the viewer derives its
 * own from the stored graph once that is in and keeps the first frame only when both draw the
 * same, so here the server's answer is checked against the viewer's own derivation.
 */
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyGraph } from '../../src/graph/graph.js';
import { filterGraph, timeFilterActive } from '../../src/graph/filter.js';
import { LevelPositions } from '../../src/graph/positions.js';
import type { ActorGraph, EdgeType } from '../../src/graph/types.js';
import { viewGraph } from '../../src/graph/view.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { parseViewQuery, type BootView } from '../../src/serve/view.js';
import { adoptDrawn, styleShown } from '../../viewer/src/display.js';
import { TYPE_ORDER } from '../../viewer/src/filters.js';
import { decodeHash } from '../../viewer/src/hash.js';
import { previewGraph, viewQuery } from '../../viewer/src/preview.js';
import { DEFAULT_FILTERS, type Filters } from '../../viewer/src/state.js';
import { makeFixtureGraph } from '../viewer/fixture.js';
import { tempDir } from '../temp-dir.js';

function get(port: number, path: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** What the viewer's App derives from the stored graph for these filters (app.ts buildShown). */
function clientShown(stored: ActorGraph, f: Filters): ActorGraph {
  const views = new Map<string, ActorGraph>();
  const view = (level: Filters['level'], modality: Filters['modality']) => {
    const key = `${level}|${modality}`;
    if (!views.has(key)) views.set(key, viewGraph(stored, { level, modality }));
    return views.get(key)!;
  };
  const base = view(f.level, f.modality);
  const g = f.hiddenTypes.length === 0 && !timeFilterActive(f) ? base : filterGraph(base, f);
  const positions = new LevelPositions(stored, (level) => view(level, 'all'));
  return styleShown(g, positions.get(f.level), positions.big);
}

/** More nodes than the viewer lays out synchronously: positions come from the sunflower over stored ids. */
function bigGraph(): ActorGraph {
  let seed = 7;
  const r = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const g: ActorGraph = emptyGraph({ name: 'big', level: 'person', modality: 'all', articles: { 'd.txt': { title: 'd', date: '2020-01-01', url: null, source: null } } });
  for (let i = 0; i < 2100; i++) g.addNode(`n${i}`, { label: `N${i}`, kind: i % 10 === 9 ? 'person' : 'state', aliases: [], mentions: 0, ...(i % 10 === 9 ? { memberOf: `n${i - 1}` } : {}) });
  const types: EdgeType[] = ['supports', 'fights', 'met-with', 'opposes'];
  for (let k = 0; k < 4000; k++) {
    const type = types[k % types.length]!;
    let s = `n${Math.floor(r() * 2100)}`;
    let t = `n${Math.floor(r() * 2100)}`;
    if (s === t) continue;
    const undirected = type === 'fights' || type === 'met-with';
    if (undirected && t < s) [s, t] = [t, s];
    const key = `${type}|${s}|${t}`;
    if (g.hasEdge(key)) continue;
    const date = `${2010 + Math.floor(r() * 10)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-15`;
    const modality = k % 3 === 0 ? 'planned' : 'asserted';
    const evidence = [{ source: s, target: t, doc: 'd.txt', sentence: 's', start: k, end: k + 1, rule: 'r', trigger: 't', confidence: 1, modality, date } as const];
    const attrs = { type, weight: 1, first: date, last: date, evidence: [...evidence] };
    if (undirected) g.addUndirectedEdgeWithKey(key, s, t, attrs);
    else g.addDirectedEdgeWithKey(key, s, t, attrs);
  }
  return g;
}

const f = (patch: Partial<Filters> = {}): Filters => ({ ...DEFAULT_FILTERS, hiddenTypes: [], ...patch });
const STATES: Array<[string, Filters]> = [
  ['the defaults', f()],
  ['person level, every modality', f({ level: 'person', modality: 'all' })],
  ['types switched off', f({ modality: 'all', hiddenTypes: ['fights', 'supports'] })],
  ['a time range', f({ from: '2016-12-01', to: '2016-12-31' })],
  ['person level, open-ended range, member-of off', f({ level: 'person', from: '2015-01-01', hiddenTypes: ['member-of'] })],
];

describe('parseViewQuery', () => {
  it('reads the parameters the viewer writes, in any order', () => {
    expect(parseViewQuery('')).toEqual({ filters: f() });
    expect(parseViewQuery('to=2016-12-31&off=supports,fights&level=person&modality=all&from=2016-01-01')).toEqual({
      filters: f({ level: 'person', modality: 'all', hiddenTypes: ['fights', 'supports'], from: '2016-01-01', to: '2016-12-31' }),
    });
  });

  it('accepts whatever filters the URL hash can hold, and reads them back unchanged', () => {
    for (const hash of ['', '#level=person', '#off=supports,nonsense,fights&from=2017-01-01&to=2014-01-01', '#node=turkey&modality=all&to=2016-02-29', '#level=bogus&off=member-of']) {
      const { filters } = decodeHash(hash, TYPE_ORDER);
      expect(parseViewQuery(viewQuery(filters)), hash).toEqual({ filters });
    }
  });

  it.each([
    ['an unknown parameter', 'node=turkey'],
    ['a repeated parameter', 'level=actor&level=person'],
    ['an unknown level', 'level=organisation'],
    ['an unknown modality', 'modality=planned'],
    ['an unknown type', 'off=supports,loves'],
    ['a type twice', 'off=supports,supports'],
    ['an empty type list', 'off='],
    ['an impossible date', 'from=2016-02-30'],
    ['a date in another format', 'to=31/12/2016'],
    ['a range ending before it starts', 'from=2017-01-01&to=2016-01-01'],
  ])('refuses %s', (_what, query) => {
    expect(parseViewQuery(query)).toHaveProperty('error');
  });
});

describe('GET /api/view', () => {
  const fixture = makeFixtureGraph();
  const big = bigGraph();
  let small: RunningServer;
  let large: RunningServer;

  beforeAll(async () => {
    const root = join(tempDir('actorgraph-view-'), 'dist');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>viewer</title>');
    small = await startServer({ graph: fixture, port: 0, viewerDir: root });
    large = await startServer({ graph: big, port: 0, viewerDir: root });
  });
  afterAll(async () => {
    await small?.close();
    await large?.close();
  });

  for (const [name, stored, srv] of [['the fixture', fixture, () => small], ['a graph past the synchronous layout', big, () => large]] as const) {
    it.each(STATES)(`${name}: for %s it draws exactly what the viewer derives from the stored graph`, async (_what, filters) => {
      const query = viewQuery(filters);
      const r = await get(srv().port, `/api/view${query ? `?${query}` : ''}`);
      expect(r.status).toBe(200);
      expect(r.type).toMatch(/application\/json/);
      const data = JSON.parse(r.body) as BootView;
      expect(data.filters).toEqual(filters);
      expect(data.storedOrder).toBe(stored.order);
      const drawn = previewGraph(data, filters)!;
      const derived = clientShown(stored, filters);
      expect(derived.size).toBeGreaterThan(0);
      expect(drawn.nodes()).toEqual(derived.nodes());
      expect(drawn.edges()).toEqual(derived.edges());
      // positions, sizes, colours, curves and programs agree, so the first frame is kept ...
      expect(adoptDrawn(drawn, derived)).toBe(true);
      // ... and the graph sigma holds is then the app's own, item for item
      expect(drawn.export()).toEqual(derived.export());
    });
  }

  it('sends no evidence, aliases or article metadata', async () => {
    const r = await get(small.port, '/api/view?modality=all');
    expect(r.body).not.toContain('sentence');
    expect(r.body).not.toContain('Damascus'); // an alias of Syria
    expect(r.body).not.toContain(Object.values(fixture.getAttribute('articles'))[0]!.title);
  });

  it('answers one filter state the same whatever the order of its parameters', async () => {
    const a = await get(small.port, '/api/view?level=person&off=supports,fights');
    const b = await get(small.port, '/api/view?off=fights,supports&level=person');
    expect(a.status).toBe(200);
    expect(b.body).toBe(a.body);
  });

  it.each(['/api/view?node=syria', '/api/view?level=actor&level=person', '/api/view?off=..%2F..%2Fetc', '/api/view?from=2016-13-01', '/api/view?to=%00'])('bad filters are a 400: %s', async (path) => {
    const r = await get(small.port, path);
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/text\/plain/);
  });

  it('only GET, and nothing below it', async () => {
    expect((await get(small.port, '/api/view', 'POST')).status).toBe(405);
    expect((await get(small.port, '/api/view/graph')).status).toBe(404);
    expect((await get(small.port, '/api/views')).status).toBe(404);
  });
});

describe('adoptDrawn', () => {
  it('keeps the frame only when the drawing is the same, and then touches nothing else', () => {
    const stored = makeFixtureGraph();
    const derived = clientShown(stored, f());
    const other = clientShown(stored, f({ hiddenTypes: ['supports'] }));
    const before = other.export();
    expect(adoptDrawn(other, derived)).toBe(false);
    expect(other.export()).toEqual(before);
    const moved = clientShown(stored, f());
    const n = moved.nodes()[0]!;
    moved.setNodeAttribute(n, 'x', (moved.getNodeAttribute(n, 'x') ?? 0) + 1);
    expect(adoptDrawn(moved, derived)).toBe(false);
  });

  it('a position off in the last bit (the browser\'s Math.cos is not the server\'s) still draws the same, and the app\'s own is kept', () => {
    const stored = makeFixtureGraph();
    const derived = clientShown(stored, f());
    const drawn = clientShown(stored, f());
    const n = drawn.nodes()[1]!;
    const x = derived.getNodeAttribute(n, 'x')!;
    drawn.setNodeAttribute(n, 'x', x + Math.abs(x) * Number.EPSILON * 2);
    expect(drawn.getNodeAttribute(n, 'x')).not.toBe(x);
    expect(adoptDrawn(drawn, derived)).toBe(true);
    expect(drawn.getNodeAttribute(n, 'x')).toBe(x);
  });
});
