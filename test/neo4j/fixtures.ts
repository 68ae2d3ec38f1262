import type { ActorRecord, ArticleExtraction, RelationMention, RelationType } from '../../src/extract/types.js';
import { RELATION_TYPES } from '../../src/extract/types.js';
import { buildGraph } from '../../src/graph/build.js';
import type { ActorGraph } from '../../src/graph/types.js';

export const ACTORS: ActorRecord[] = [
  { id: 'syria', label: 'Syrian government', kind: 'state', aliases: ['Syria', 'Damascus'], iso3: 'SYR' },
  { id: 'russia', label: 'Russia', kind: 'state', aliases: ['Russia', 'Moscow'], iso3: 'RUS' },
  { id: 'iran', label: 'Iran', kind: 'state', aliases: ['Iran', 'Tehran'], iso3: 'IRN' },
  { id: 'turkey', label: 'Turkey', kind: 'state', aliases: ['Turkey', 'Ankara'], iso3: 'TUR' },
  { id: 'syrian-rebels', label: 'Syrian rebels', kind: 'armed-group', aliases: ['rebels'] },
  { id: 'united-nations', label: 'United Nations', kind: 'igo', aliases: ['UN'] },
  { id: 'world-health-organization', label: 'WHO', kind: 'igo', aliases: ['WHO'], memberOf: 'united-nations' },
  { id: 'bashar-al-assad', label: 'Bashar al-Assad', kind: 'person', aliases: ['Assad'], memberOf: 'syria' },
  { id: 'ali-larijani', label: 'Ali Larijani', kind: 'person', aliases: ['Larijani'], memberOf: 'iran' },
  { id: 'sohr', label: 'Syrian Observatory', kind: 'ngo', aliases: ['SOHR'] },
  { id: 'mystery', label: 'Mystery', kind: 'other', aliases: [] },
];

let n = 0;
export function mention(
  doc: string,
  type: RelationType,
  source: string,
  target: string,
  over: Partial<RelationMention> = {},
): RelationMention {
  const start = over.start ?? (n++ % 50) * 100;
  return {
    type,
    source,
    target,
    doc,
    sentence: `${source} ${type} ${target}.`,
    start,
    end: start + 40,
    rule: 'test',
    trigger: type,
    confidence: 0.9,
    modality: 'asserted',
    date: '2016-12-01',
    ...over,
  };
}

export function article(doc: string, relations: RelationMention[], actors: ActorRecord[] = ACTORS): ArticleExtraction {
  return {
    article: { id: doc, doc, title: `Title of ${doc}`, date: '2016-12-01', url: `https://example.org/${doc}`, source: 'Example' },
    actors,
    relations,
  };
}

/** Two articles touching persons, sub-organisations, symmetric and directed types and every modality. */
export function smallExtractions(): ArticleExtraction[] {
  return [
    article('a1.txt', [
      mention('a1.txt', 'met-with', 'syria', 'iran', { sourcePerson: 'bashar-al-assad', targetPerson: 'ali-larijani', start: 0, end: 50, date: '2016-12-04' }),
      mention('a1.txt', 'supports', 'iran', 'syria', { start: 60, end: 120 }),
      mention('a1.txt', 'allies-with', 'russia', 'syria', { start: 130, end: 200 }),
      mention('a1.txt', 'fights', 'syria', 'syrian-rebels', { start: 210, end: 260, date: '2016-11-30' }),
      mention('a1.txt', 'mediated-by', 'syria', 'turkey', { start: 270, end: 330 }),
      mention('a1.txt', 'met-with', 'syria', 'syrian-rebels', { start: 340, end: 400, modality: 'planned' }),
    ]),
    article('a2.txt', [
      mention('a2.txt', 'supports', 'russia', 'syria', { start: 0, end: 40, date: '2017-01-02' }),
      mention('a2.txt', 'negotiates-with', 'world-health-organization', 'syria', { start: 50, end: 90 }),
      mention('a2.txt', 'opposes', 'sohr', 'syria', { start: 100, end: 140, place: 'Aleppo', attributedTo: 'SOHR' }),
      mention('a2.txt', 'fights', 'syrian-rebels', 'syria', { start: 150, end: 190, date: '2017-01-03' }),
      mention('a2.txt', 'opposes', 'mystery', 'turkey', { start: 200, end: 240, modality: 'negated' }),
    ]),
  ];
}

export function smallGraph(): ActorGraph {
  return buildGraph(smallExtractions());
}

/** A deterministic graph of `count` mentions over `actors` states, for load-volume tests and the benchmark. */
export function syntheticExtractions(count: number, actorCount = 200, perArticle = 50): ArticleExtraction[] {
  const actors: ActorRecord[] = Array.from({ length: actorCount }, (_, i) => ({
    id: `actor-${i}`,
    label: `Actor ${i}`,
    kind: i % 3 === 0 ? 'armed-group' : 'state',
    aliases: [`A${i}`],
  }));
  const out: ArticleExtraction[] = [];
  for (let a = 0; a * perArticle < count; a++) {
    const doc = `synthetic-${a}.txt`;
    const relations: RelationMention[] = [];
    for (let k = 0; k < perArticle && a * perArticle + k < count; k++) {
      const i = a * perArticle + k;
      const s = (i * 7) % actorCount;
      let t = (i * 13 + 1) % actorCount;
      if (t === s) t = (t + 1) % actorCount;
      relations.push(
        mention(doc, RELATION_TYPES[i % RELATION_TYPES.length]!, `actor-${s}`, `actor-${t}`, {
          start: k * 100,
          end: k * 100 + 90,
          date: `2016-${String((i % 12) + 1).padStart(2, '0')}-01`,
        }),
      );
    }
    out.push(article(doc, relations, actors));
  }
  return out;
}
