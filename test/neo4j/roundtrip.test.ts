import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build.js';
import type { ActorGraph } from '../../src/graph/types.js';
import { viewGraph } from '../../src/graph/view.js';
import { loadGraph, pullGraph } from '../../src/store/neo4j.js';
import { smallGraph, syntheticExtractions } from './fixtures.js';
import { clear, describeNeo4j, driver } from './helpers.js';

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
  beforeAll(() => {
    d = driver();
  });
  afterAll(async () => {
    await d?.close();
  });
  beforeEach(async () => {
    await clear(d);
  });

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
