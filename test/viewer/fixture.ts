/**
 * A small hand-made graph in the shape the pipeline writes to graph/full.json:
 * person level (persons are nodes with `memberOf` and `member-of` edges), all
 * modalities, evidence on every edge. Used by the viewer unit tests and as the
 * e2e fallback when the real pipeline is not available.
 */
import { emptyGraph } from '../../src/graph/graph.js';
import type { ActorGraph, EdgeAttrs, EdgeType, Evidence, NodeAttrs } from '../../src/graph/types.js';
import type { Modality } from '../../src/extract/types.js';

const SYMMETRIC = new Set(['allies-with', 'met-with', 'negotiates-with', 'fights']);

export const FIXTURE_ARTICLES: Record<string, { title: string; date: string | null }> = {
  'a1.txt': { title: 'Assad tells Iran\'s Larijani he backs local truces', date: '2014-11-02' },
  'a2.txt': { title: 'Syria and Russia back UN freeze plan', date: '2015-01-21' },
  'a3.txt': { title: 'President says Aleppo win \'huge step\'', date: '2016-12-16' },
  'a4.txt': { title: 'Ceasefire brokered by Turkey and Russia', date: '2016-12-30' },
  'a5.txt': { title: 'Iran restates support for Damascus', date: '2017-01-12' },
};

const NODES: Array<[string, Partial<NodeAttrs> & { label: string; kind: string }]> = [
  ['syria', { label: 'Syrian government', kind: 'state', aliases: ['Syria', 'Damascus', 'the regime'] }],
  ['iran', { label: 'Iran', kind: 'state', aliases: ['Tehran', 'Islamic Republic'] }],
  ['russia', { label: 'Russia', kind: 'state', aliases: ['Moscow', 'Kremlin'] }],
  ['turkey', { label: 'Turkey', kind: 'state', aliases: ['Ankara', 'Turkiye'] }],
  ['united-states', { label: 'United States', kind: 'state', aliases: ['US', 'Washington'] }],
  ['united-nations', { label: 'United Nations', kind: 'igo', aliases: ['UN'] }],
  ['syrian-rebels', { label: 'Syrian rebels and opposition', kind: 'armed-group', aliases: ['rebels', 'Free Syrian Army'] }],
  ['turkmen-brigades', { label: 'Turkmen brigades', kind: 'armed-group', aliases: [] }],
  ['bashar-al-assad', { label: 'Bashar al-Assad', kind: 'person', aliases: ['Assad'], memberOf: 'syria' }],
  ['vladimir-putin', { label: 'Vladimir Putin', kind: 'person', aliases: ['Putin'], memberOf: 'russia' }],
  ['ali-larijani', { label: 'Ali Larijani', kind: 'person', aliases: ['Larijani'], memberOf: 'iran' }],
];

type Rel = [EdgeType, string, string, string, string, Modality?];
// [type, source, target, doc, sentence, modality]
const RELS: Rel[] = [
  ['met-with', 'ali-larijani', 'bashar-al-assad', 'a1.txt', "Assad tells Iran's Larijani he backs local truces."],
  ['supports', 'iran', 'syria', 'a1.txt', 'A top official from key supporter Iran visited Damascus.'],
  ['allies-with', 'russia', 'syria', 'a1.txt', "Russia and Iran are Assad's main allies."],
  ['allies-with', 'iran', 'syria', 'a1.txt', "Russia and Iran are Assad's main allies."],
  ['negotiates-with', 'syria', 'syrian-rebels', 'a1.txt', 'Local truces were agreed between troops and rebels.'],
  ['opposes', 'syria', 'syrian-rebels', 'a1.txt', "The government demanded that Aleppo's rebels hand over their weapons."],
  ['supports', 'russia', 'united-nations', 'a2.txt', 'Russia agreed to support a UN proposal.'],
  ['supports', 'syria', 'united-nations', 'a2.txt', 'The Syrian regime agreed to support a UN proposal.'],
  ['met-with', 'russia', 'syria', 'a2.txt', 'Vladimir Putin met a Syrian government delegation in Sochi.'],
  ['fights', 'russia', 'syrian-rebels', 'a3.txt', "Its air force helped defeat rebels in Aleppo city's east."],
  ['fights', 'syria', 'syrian-rebels', 'a3.txt', 'Government forces seized about 80 percent of east Aleppo.'],
  ['supports', 'russia', 'syria', 'a3.txt', 'Its air force helped the Syrian government.'],
  ['mediated-by', 'syrian-rebels', 'turkey', 'a4.txt', 'A ceasefire brokered by Turkey and Russia took effect.'],
  ['mediated-by', 'syrian-rebels', 'russia', 'a4.txt', 'A ceasefire brokered by Turkey and Russia took effect.'],
  ['supports', 'turkey', 'syrian-rebels', 'a4.txt', 'Turkey backs the rebels fighting Assad.'],
  ['supports', 'turkey', 'turkmen-brigades', 'a4.txt', 'Turkey arms the Turkmen brigades.'],
  ['opposes', 'turkey', 'syria', 'a4.txt', 'Ankara has long opposed Damascus.'],
  ['met-with', 'russia', 'united-states', 'a4.txt', 'Kerry may meet Lavrov next week.', 'planned'],
  ['supports', 'iran', 'syria', 'a5.txt', "Iran has been offering military advisory support to the Syrian military."],
  ['allies-with', 'iran', 'syria', 'a5.txt', "The Islamic Republic's support for Syria is rooted in their alliance."],
  ['fights', 'turkey', 'russia', 'a5.txt', 'Turkey did not fight Russia.', 'negated'],
  ['supports', 'bashar-al-assad', 'vladimir-putin', 'a3.txt', 'Assad thanked Putin for his support.'],
];

export function makeFixtureGraph(extra: Rel[] = [], extraArticles: Record<string, { title: string; date: string | null }> = {}): ActorGraph {
  const g: ActorGraph = emptyGraph({ name: 'fixture', level: 'person', modality: 'all', articles: {} });
  const articles: Record<string, { title: string; date: string | null; url: null; source: null }> = {};
  for (const [doc, a] of Object.entries({ ...FIXTURE_ARTICLES, ...extraArticles })) articles[doc] = { ...a, url: null, source: null };
  g.setAttribute('articles', articles);
  for (const [id, a] of NODES) g.addNode(id, { aliases: [], mentions: 0, ...a } as NodeAttrs);
  for (const [id, a] of NODES) {
    if (a.memberOf) g.addDirectedEdgeWithKey(`member-of|${id}|${a.memberOf}`, id, a.memberOf, { type: 'member-of', weight: 1, first: null, last: null, evidence: [] });
  }
  let offset = 0;
  for (const [type, s, t, doc, sentence, modality = 'asserted'] of [...RELS, ...extra]) {
    const symmetric = SYMMETRIC.has(type);
    const [src, tgt] = symmetric && s > t ? [t, s] : [s, t];
    const key = `${type}|${src}|${tgt}`;
    const date = articles[doc]?.date ?? null;
    const ev: Evidence = { source: s, target: t, doc, sentence, start: offset, end: offset + sentence.length, rule: 'fixture', trigger: type, confidence: 0.9, modality, date };
    offset += sentence.length + 1;
    for (const n of [src, tgt]) g.updateNodeAttribute(n, 'mentions', (m) => (m ?? 0) + 1);
    if (g.hasEdge(key)) {
      g.updateEdgeAttributes(key, (e) => ({
        ...e,
        weight: e.weight + 1,
        first: e.first && date && e.first < date ? e.first : (date ?? e.first),
        last: e.last && date && e.last > date ? e.last : (date ?? e.last),
        evidence: [...e.evidence, ev],
      }));
    } else {
      const attrs: EdgeAttrs = { type, weight: 1, first: date, last: date, evidence: [ev] };
      if (symmetric) g.addUndirectedEdgeWithKey(key, src, tgt, attrs);
      else g.addDirectedEdgeWithKey(key, src, tgt, attrs);
    }
  }
  return g;
}

export type { Rel };
