import { describe, expect, it } from 'vitest';
import { duplicates, editDistance } from '../../src/graph/duplicates.js';
import { emptyGraph } from '../../src/graph/graph.js';
import type { ActorGraph, NodeAttrs } from '../../src/graph/types.js';

function graphOf(nodes: Record<string, Partial<NodeAttrs>>): ActorGraph {
  const g = emptyGraph({ name: 't', level: 'person', modality: 'all', articles: {} });
  for (const [id, a] of Object.entries(nodes)) g.addNode(id, { label: id, kind: 'other', aliases: [], mentions: 1, ...a });
  return g;
}

describe('duplicates(graph)', () => {
  it('finds a shared alias, a shared surname within one affiliation, and near spellings', () => {
    const g = graphOf({
      'hts': { label: 'Hayat Tahrir al-Sham', kind: 'armed-group', aliases: ['HTS'] },
      'hayat-tahrir-al-sham-2': { label: 'Hayat Tahrir al-Shaam', kind: 'armed-group', aliases: [] },
      'tahrir-front': { label: 'Tahrir Front', kind: 'armed-group', aliases: ['HTS'] },
      'sergei-lavrov': { label: 'Sergei Lavrov', kind: 'person', memberOf: 'russia' },
      'lavrov': { label: 'Lavrov', kind: 'person', memberOf: 'russia' },
      'sergei-lavrov-x': { label: 'Anna Lavrov', kind: 'person', memberOf: 'ukraine' },
      'syria': { label: 'Syria', kind: 'state' },
      'serbia': { label: 'Serbia', kind: 'state' },
    });
    const got = duplicates(g).map((p) => `${p.reason} ${p.a} ${p.b}`);
    expect(got).toContain('alias hts tahrir-front');
    expect(got).toContain('surname lavrov sergei-lavrov');
    expect(got).toContain('spelling hayat-tahrir-al-sham-2 hts');
    // Same surname, other affiliation: not a pair. Short distinct names: not a pair.
    expect(got.some((x) => x.includes('sergei-lavrov-x'))).toBe(false);
    expect(got.some((x) => x.includes('serbia'))).toBe(false);
  });

  it('editDistance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'x', 2)).toBe(3);
  });
});
