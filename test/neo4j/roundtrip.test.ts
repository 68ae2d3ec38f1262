import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { main } from '../../src/cli/main.js';
import { graphToJSON, readGraph } from '../../src/graph/io.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build.js';
import type { ActorGraph } from '../../src/graph/types.js';
import { viewGraph } from '../../src/graph/view.js';
import { loadGraph, pullGraph } from '../../src/store/neo4j.js';
import { smallGraph, syntheticExtractions } from './fixtures.js';
import { capture, clear, counts, describeNeo4j, driver, useCleanDatabase } from './helpers.js';

/** Nodes and edges with every attribute that should survive the store; layout fields excluded. */
function snapshot(g: ActorGraph) {
  return {
    nodes: g.mapNodes((id, a) => ({ id, label: a.label, kind: a.kind, aliases: [...a.aliases].sort(), iso3: a.iso3, memberOf: a.memberOf, mentions: a.mentions })),
    edges: g.mapEdges((key, e, s, t) => ({ key, s, t, type: e.type, weight: e.weight, first: e.first, last: e.last, evidence: e.evidence })),
    articles: g.getAttribute('articles'),
  };
}

describeNeo4j('memory → Neo4j → memory', () => {
  let d: Driver;
  useCleanDatabase((x) => (d = x));

  it('keeps actors, edges, weights and evidence of the full graph', async () => {
    const full = smallGraph();
    await loadGraph(d, full);
    const back = await pullGraph(d);
    expect(snapshot(back)).toEqual(snapshot(full));
    for (const level of ['actor', 'person'] as const) {
      expect(snapshot(viewGraph(back, { level, modality: 'asserted' }))).toEqual(snapshot(viewGraph(full, { level, modality: 'asserted' })));
    }
  });

  it('keeps a larger generated graph, and a reload does not change what comes back', async () => {
    const full = buildGraph(syntheticExtractions(2_000, 40, 40));
    await loadGraph(d, full, { batchSize: 500 });
    await loadGraph(d, full, { batchSize: 700 });
    const back = await pullGraph(d);
    expect(back.size).toBe(full.size);
    expect(snapshot(back)).toEqual(snapshot(full));
  });
});

describeNeo4j('actorgraph load and pull through the CLI', () => {
  let d: Driver;
  let dir: string;
  beforeAll(() => {
    d = driver();
    dir = mkdtempSync(join(tmpdir(), 'actorgraph-pull-'));
  });
  afterAll(async () => {
    await d?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('load --graph twice changes nothing; pull --full gives the same graph back; pull .gexf writes GEXF', async () => {
    await clear(d);
    const full = smallGraph();
    const file = join(dir, 'full.json');
    writeFileSync(file, graphToJSON(full));
    const c1 = capture();
    expect(await main(['load', '--graph', file, '--batch-size', '3'], c1.io)).toBe(0);
    expect(c1.out()).toMatch(/Neo4j now holds 11 actors, 2 articles, 11 claims, \d+ relationships/);
    const once = await counts(d);
    expect(await main(['load', '--graph', file], capture().io)).toBe(0);
    expect(await counts(d)).toEqual(once);

    const out = join(dir, 'back.json');
    const c2 = capture();
    expect(await main(['pull', '--out', out, '--full'], c2.io)).toBe(0);
    expect(snapshot(readGraph(out))).toEqual(snapshot(full));
    const view = join(dir, 'view.json');
    expect(await main(['pull', '--out', view], capture().io)).toBe(0);
    expect(snapshot(readGraph(view))).toEqual(snapshot(viewGraph(full, { level: 'actor', modality: 'asserted' })));

    const gexf = join(dir, 'back.gexf');
    const c3 = capture();
    expect(await main(['pull', '--out', gexf], c3.io)).toBe(0);
    const xml = readFileSync(gexf, 'utf8');
    const actorView = viewGraph(full, { level: 'actor', modality: 'asserted' });
    expect(c3.out()).toBe(`wrote ${gexf}: ${actorView.order} actors, ${actorView.size} edges\n`);
    expect(xml).toMatch(/^<\?xml/);
    expect((xml.match(/<node /g) ?? []).length).toBe(actorView.order);
    expect((xml.match(/<edge /g) ?? []).length).toBe(actorView.size);
  });
});
