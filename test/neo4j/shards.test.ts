import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { expect, it } from 'vitest';
import { graphToJSON } from '../../src/graph/io.js';
import { loadGraph, pullGraph } from '../../src/store/neo4j.js';
import { buildFromPaths } from '../../src/pipeline.js';
import { clear, counts, describeNeo4j, useCleanDatabase } from './helpers.js';

const SEEDS = join(process.cwd(), 'seeds');

// Extraction is per article and the load MERGEs on content ids, so shards built on different machines
// can be loaded into one database in any order and give what one build gives.
describeNeo4j('shards built and loaded separately', () => {
  let d: Driver;
  useCleanDatabase((x) => (d = x));

  it('two shards loaded one after the other (in either order) equal one build loaded once', async () => {
    const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));
    const a = (await buildFromPaths(files.slice(0, 2))).graph;
    const b = (await buildFromPaths(files.slice(2))).graph;
    const whole = (await buildFromPaths(files)).graph;

    await loadGraph(d, whole);
    const one = await counts(d);
    const onePulled = graphToJSON(await pullGraph(d));
    expect(one.claims).toBeGreaterThan(0);

    await clear(d);
    await loadGraph(d, b);
    await loadGraph(d, a);
    expect(await counts(d)).toEqual(one);
    expect(graphToJSON(await pullGraph(d))).toBe(onePulled);

    // Loading a shard again changes nothing.
    await loadGraph(d, a);
    expect(await counts(d)).toEqual(one);
  });
});
