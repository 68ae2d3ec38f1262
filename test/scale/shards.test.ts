import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphToJSON } from '../../src/graph/io.js';
import { viewGraph } from '../../src/graph/view.js';
import { toGexf, toJsonl } from '../../src/export/index.js';
import { mergeGraphs } from '../../src/parallel/merge.js';
import { buildFromPaths } from '../../src/pipeline.js';
import { ensureDist, generatedCorpus, tmp, writeArticles } from './helpers.js';

/** Graph JSON with each node's aliases sorted: the one thing first-seen order may change. */
function canonical(json: string): unknown {
  const g = JSON.parse(json) as { nodes: { attributes?: { aliases?: string[] } }[] };
  for (const n of g.nodes) n.attributes?.aliases?.sort();
  return g;
}

describe('shards', { timeout: 300_000 }, () => {
  beforeAll(() => ensureDist(), 120_000);

  it('two shards built separately and merged give the graph of one build', async () => {
    const dir = tmp();
    writeArticles(join(dir, 'shard-a'), 0, 20);
    writeArticles(join(dir, 'shard-b'), 20, 20);
    const one = await buildFromPaths([join(dir, 'shard-a'), join(dir, 'shard-b')]);
    const a = await buildFromPaths([join(dir, 'shard-a')], { jobs: 2 });
    const b = await buildFromPaths([join(dir, 'shard-b')]);
    expect(a.articles + b.articles).toBe(one.articles);
    const merged = mergeGraphs([a.graph, b.graph]);
    expect(graphToJSON(merged)).toBe(graphToJSON(one.graph));
    // In any order, and idempotent: loading a shard twice changes nothing.
    expect(canonical(graphToJSON(mergeGraphs([b.graph, a.graph])))).toEqual(canonical(graphToJSON(one.graph)));
    expect(graphToJSON(mergeGraphs([a.graph, b.graph, a.graph, merged]))).toBe(graphToJSON(one.graph));
    // The derived exports agree too.
    const view = (g: typeof merged) => viewGraph(g, { level: 'actor', modality: 'asserted' });
    expect(toGexf(view(merged))).toBe(toGexf(view(one.graph)));
    expect(toJsonl(view(merged))).toBe(toJsonl(view(one.graph)));
  });

  it('a mixed corpus split by file merges back to one build', async () => {
    const corpus = generatedCorpus(60);
    const files = readdirSync(corpus).sort().map((f) => join(corpus, f));
    const one = await buildFromPaths(files);
    const shards = await Promise.all([buildFromPaths(files.slice(0, 2)), buildFromPaths(files.slice(2), { jobs: 2 })]);
    expect(graphToJSON(mergeGraphs(shards.map((s) => s.graph)))).toBe(graphToJSON(one.graph));
  });
});
