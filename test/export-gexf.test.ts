import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { MultiGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { toGexf } from '../src/export/gexf.js';
import { viewGraph } from '../src/graph/view.js';
import { ROOT, seedBuild } from './seeds-helpers.js';

const RNG = `${ROOT}../shared/gexf-1.3/gexf.rng`;

/** xmllint against the official schema, on the file exactly as written. */
export function validateGexf(xml: string): void {
  execFileSync('xmllint', ['--noout', '--relaxng', RNG, '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
}

describe('GEXF export', () => {
  it('the schema and xmllint are present (CI installs libxml2-utils)', () => {
    expect(existsSync(RNG)).toBe(true);
    expect(() => execFileSync('xmllint', ['--version'], { stdio: 'pipe' })).not.toThrow();
  });

  it('validates against the GEXF 1.3 RELAX NG schema', async () => {
    const { graph } = await seedBuild();
    validateGexf(toGexf(viewGraph(graph, { level: 'actor', modality: 'asserted' })));
    validateGexf(toGexf(viewGraph(graph, { level: 'person', modality: 'all' })));
  });

  it('a broken file is rejected by the same check (the check can fail)', () => {
    expect(() => validateGexf('<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><bad/></nodes></graph></gexf>')).toThrow();
  });

  it('round-trips through graphology-gexf: same nodes, edges, kinds and weights', async () => {
    const { graph } = await seedBuild();
    const actors = viewGraph(graph, { level: 'actor', modality: 'asserted' });
    const back = parse(MultiGraph, toGexf(actors));
    expect(back.order).toBe(actors.order);
    expect(back.size).toBe(actors.size);
    actors.forEachNode((n, a) => {
      expect(back.getNodeAttribute(n, 'kind')).toBe(a.kind);
      expect(back.getNodeAttribute(n, 'label')).toBe(a.label);
      expect(back.getNodeAttribute(n, 'color')).toMatch(/^(#|rgb)/);
    });
    const weights = new Map<string, number>();
    back.forEachEdge((_k, e, s, t) => weights.set(`${e.kind ?? e.type}|${s}|${t}`, e.weight));
    actors.forEachEdge((_k, e, s, t) => {
      const w = weights.get(`${e.type}|${s}|${t}`) ?? weights.get(`${e.type}|${t}|${s}`);
      expect(w, `${e.type} ${s} ${t}`).toBe(e.weight);
    });
  });
});
