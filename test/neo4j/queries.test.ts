import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorRecord, ArticleExtraction, RelationMention, RelationType } from '../../src/extract/types.js';
import { buildGraph } from '../../src/graph/build.js';
import { graphRecords } from '../../src/graph/records.js';
import type { ActorGraph } from '../../src/graph/types.js';
import { viewGraph } from '../../src/graph/view.js';
import { buildFromPaths } from '../../src/pipeline.js';
import { claimId } from '../../src/store/rows.js';
import { loadGraph, runQuery } from '../../src/store/neo4j.js';
import { REL_TYPES } from '../../src/store/schema.js';
import { toPlain } from '../../src/store/values.js';
import { queriesMarkdown, readQueries, type ExampleQuery } from '../../scripts/neo4j-queries.mjs';
import { clear, describeNeo4j, driver } from './helpers.js';

type Row = Record<string, unknown>;
const QUERIES = readQueries();

/** Rows as plain JSON (integers as numbers). */
async function run(d: Driver, q: ExampleQuery): Promise<Row[]> {
  const res = await runQuery(d, q.cypher, toCypherParams(q.params));
  expect(res.queryType).toBe('r');
  return res.rows.map((r) => Object.fromEntries(res.keys.map((k, i) => [k, toPlain(r[i])])));
}

function toCypherParams(p: Record<string, unknown>): Record<string, unknown> {
  // JSON integers must reach Neo4j as integers (LIMIT refuses floats); parseParams does the same for the CLI.
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Number.isInteger(v) ? neo4j.int(v as number) : v]));
}

const cmp = (...keys: ((r: Row) => number | string)[]) => (a: Row, b: Row) => {
  for (const key of keys) {
    const x = key(a);
    const y = key(b);
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
};
const desc = (f: (r: Row) => number) => (r: Row) => -f(r);
const num = (k: string) => (r: Row) => r[k] as number;
const str = (k: string) => (r: Row) => String(r[k]);

/**
 * What each query must return, computed from the in-memory graph with the
 * project's own graph code (actor level, asserted: the default view), never
 * from Neo4j. The shortest path is checked separately (several may tie).
 */
const ORACLES: Record<string, (full: ActorGraph, params: Record<string, unknown>) => Row[]> = {
  mediators(full, p) {
    const view = viewGraph(full, { level: 'actor', modality: 'asserted' });
    const sides = [p.government, p.rebels].map(String).sort();
    const by = new Map<string, Row>();
    view.forEachEdge((_k, e, s, t) => {
      if (e.type !== 'mediated-by' || !sides.includes(s)) return;
      const row = by.get(t) ?? { mediator: t, name: view.getNodeAttribute(t, 'label'), mediatedFor: [], mentions: 0 };
      (row.mediatedFor as string[]).push(s);
      (row.mentions as number) += e.weight;
      by.set(t, row);
    });
    for (const r of by.values()) (r.mediatedFor as string[]).sort();
    return [...by.values()].sort(cmp(desc((r) => (r.mediatedFor as string[]).length), desc(num('mentions')), str('mediator')));
  },
  'allies-and-supporters'(full, p) {
    const view = viewGraph(full, { level: 'actor', modality: 'asserted' });
    const rows: Row[] = [];
    const me = String(p.actor);
    view.forEachEdge((_k, e, s, t) => {
      const other = s === me ? t : t === me ? s : null;
      if (!other) return;
      if (e.type === 'allies-with') rows.push({ actor: other, name: view.getNodeAttribute(other, 'label'), role: 'ally', weight: e.weight });
      if (e.type === 'supports' && t === me) rows.push({ actor: s, name: view.getNodeAttribute(s, 'label'), role: 'supporter', weight: e.weight });
    });
    return rows.sort(cmp(desc(num('weight')), str('actor'), str('role')));
  },
  'meetings-per-actor'(full) {
    const view = viewGraph(full, { level: 'actor', modality: 'asserted' });
    const by = new Map<string, { meetings: number; partners: Set<string> }>();
    view.forEachEdge((_k, e, s, t) => {
      if (e.type !== 'met-with') return;
      for (const [a, b] of [[s, t], [t, s]] as const) {
        const x = by.get(a) ?? { meetings: 0, partners: new Set<string>() };
        x.meetings += e.weight;
        x.partners.add(b);
        by.set(a, x);
      }
    });
    return [...by]
      .map(([actor, x]) => ({ actor, name: view.getNodeAttribute(actor, 'label'), meetings: x.meetings, partners: x.partners.size }))
      .sort(cmp(desc(num('meetings')), str('actor')));
  },
  evidence(full, p) {
    const view = viewGraph(full, { level: 'actor', modality: 'asserted' });
    const key = `${p.type}|${p.source}|${p.target}`;
    if (!view.hasEdge(key)) return [];
    const articles = full.getAttribute('articles');
    const seen = new Map<string, Row>();
    for (const ev of view.getEdgeAttribute(key, 'evidence')) {
      const row = { article: ev.doc, title: articles[ev.doc]?.title ?? null, date: ev.date, sentence: ev.sentence };
      seen.set(JSON.stringify(row), row);
    }
    return [...seen.values()].sort(cmp(str('article'), str('sentence')));
  },
  'date-range'(full, p) {
    const view = viewGraph(full, { level: 'actor', modality: 'asserted' });
    const rows: Row[] = [];
    view.forEachEdge((_k, e, s, t) => {
      if (e.first === null || e.last === null || e.first > String(p.to) || e.last < String(p.from)) return;
      rows.push({ source: s, relation: REL_TYPES[e.type as RelationType], target: t, weight: e.weight, first: e.first, last: e.last });
    });
    return rows.sort(cmp(str('first'), str('source'), str('relation'), str('target')));
  },
  'most-connected'(full, p) {
    const view = viewGraph(full, { level: 'actor', modality: 'asserted' });
    return view
      .mapNodes((id, a) => ({ actor: id, name: a.label, neighbours: view.neighbors(id).length, mentions: a.mentions }))
      .filter((r) => r.neighbours > 0)
      .sort(cmp(desc(num('neighbours')), desc(num('mentions')), str('actor')))
      .slice(0, Number(p.limit));
  },
  conflicts(full) {
    const view = viewGraph(full, { level: 'actor', modality: 'asserted' });
    const rows: Row[] = [];
    view.forEachEdge((_k, e, s, t) => {
      if (e.type === 'fights') rows.push({ side: s, otherSide: t, mentions: e.weight, first: e.first, last: e.last });
    });
    return rows.sort(cmp(desc(num('mentions')), str('side'), str('otherSide')));
  },
  persons(full) {
    const by = new Map<string, string[]>();
    full.forEachNode((_id, a) => {
      if (a.kind === 'person' && a.memberOf && full.hasNode(a.memberOf)) by.set(a.memberOf, [...(by.get(a.memberOf) ?? []), a.label]);
    });
    return [...by]
      .map(([actor, persons]) => ({ actor, name: full.getNodeAttribute(actor, 'label'), persons: persons.sort() }))
      .sort(cmp(desc((r) => (r.persons as string[]).length), str('actor')));
  },
  sources(full) {
    const articles = full.getAttribute('articles');
    const by = new Map<string, Map<string, boolean>>();
    for (const m of graphRecords(full).mentions) {
      const claims = by.get(m.doc) ?? new Map<string, boolean>();
      claims.set(claimId(m), m.modality !== 'asserted');
      by.set(m.doc, claims);
    }
    return [...by]
      .map(([doc, claims]) => ({ article: doc, title: articles[doc]?.title ?? null, claims: claims.size, notAsserted: [...claims.values()].filter(Boolean).length }))
      .sort(cmp(desc(num('claims')), str('article')));
  },
};

/** Breadth-first distance over the asserted actor view, every relation type, either direction. */
function distance(view: ActorGraph, from: string, to: string): number | null {
  if (!view.hasNode(from) || !view.hasNode(to)) return null;
  const dist = new Map([[from, 0]]);
  const queue = [from];
  while (queue.length) {
    const n = queue.shift()!;
    if (n === to) return dist.get(n)!;
    for (const m of view.neighbors(n)) if (!dist.has(m)) (dist.set(m, dist.get(n)! + 1), queue.push(m));
  }
  return null;
}

function checkShortestPath(full: ActorGraph, params: Record<string, unknown>, rows: Row[]): void {
  const view = viewGraph(full, { level: 'actor', modality: 'asserted' });
  const hops = distance(view, String(params.from), String(params.to));
  if (hops === null || hops > 6) {
    expect(rows).toEqual([]);
    return;
  }
  expect(rows).toHaveLength(1);
  const { actors, relations } = rows[0] as { actors: string[]; relations: string[] };
  expect(rows[0]!.hops).toBe(hops);
  expect(actors[0]).toBe(params.from);
  expect(actors.at(-1)).toBe(params.to);
  // Every step is a relation the in-memory graph has, in one direction or the other.
  relations.forEach((rel, i) => {
    const type = Object.entries(REL_TYPES).find(([, v]) => v === rel)![0];
    const [a, b] = [actors[i]!, actors[i + 1]!];
    expect(view.hasEdge(`${type}|${a}|${b}`) || view.hasEdge(`${type}|${b}|${a}`), `${a} ${rel} ${b}`).toBe(true);
  });
}

/** Runs all ten queries and holds each to its oracle; returns the rows for extra checks. */
async function checkAll(d: Driver, full: ActorGraph): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const q of QUERIES) {
    const rows = await run(d, q);
    out[q.id] = rows;
    if (q.id === 'shortest-path') checkShortestPath(full, q.params, rows);
    else expect(rows, q.id).toEqual(ORACLES[q.id]!(full, q.params));
    // Whatever a query names is an actor or article the in-memory graph has.
    for (const r of rows) {
      for (const k of ['actor', 'mediator', 'source', 'target', 'side', 'otherSide'] as const) if (k in r) expect(full.hasNode(String(r[k])), `${q.id} ${k}`).toBe(true);
      if ('article' in r) expect(full.getAttribute('articles')).toHaveProperty([String(r.article)]);
    }
  }
  return out;
}

/**
 * The hand-annotated seed relations (test/fixtures/seeds.gold.json) as an
 * extraction: the seed graph as it should be, independent of the extractor's
 * dictionaries, so its answers can be stated exactly.
 */
function goldExtractions(): ArticleExtraction[] {
  const gold = JSON.parse(readFileSync(resolve('test/fixtures/seeds.gold.json'), 'utf8')) as {
    actors: Record<string, { kind: string; label: string; aliases: string[] }>;
    documents: Record<string, { required: [RelationType, string, string, string][]; affiliations?: [string, string][] }>;
  };
  const dates = ['2014-02-03', '2015-02-20', '2016-12-29', '2016-12-13', '2017-01-24'];
  const actors: ActorRecord[] = Object.entries(gold.actors).map(([id, a]) => ({ id, label: a.label, kind: a.kind, aliases: a.aliases ?? [] }));
  return Object.entries(gold.documents).map(([doc, g], di) => {
    const persons = (g.affiliations ?? [])
      .filter(([p]) => !(p in gold.actors) && p !== 'free-syrian-army')
      .map(([p, actor]): ActorRecord => ({ id: p, label: p.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' '), kind: 'person', aliases: [], memberOf: actor }));
    const personOf = (actor: string) => persons.find((p) => p.memberOf === actor)?.id;
    const relations = g.required.map(([type, source, target, sentence], i): RelationMention => {
      const m: RelationMention = {
        type, source, target, doc, sentence, start: i * 200, end: i * 200 + 150, rule: 'gold', trigger: type,
        confidence: 1, modality: 'asserted', date: dates[di]!,
      };
      // Meetings are held by people: put the documented office holders on them.
      if (type === 'met-with') {
        const sp = personOf(source);
        const tp = personOf(target);
        if (sp) m.sourcePerson = sp;
        if (tp) m.targetPerson = tp;
      }
      return m;
    });
    relations.push({ type: 'met-with', source: 'syria', target: 'syrian-rebels', doc, sentence: 'Talks are planned.', start: 5000, end: 5020, rule: 'gold', trigger: 'talks', confidence: 0.5, modality: 'planned', date: dates[di]! });
    return {
      article: { id: doc, doc, title: `Seed article ${doc}`, date: dates[di]!, url: `https://example.org/${doc}`, source: 'gold' },
      actors: [...actors, ...persons],
      relations,
    };
  });
}

describe('docs/queries.cypher', () => {
  it('holds ten queries, each with a question and an oracle, and the README shows them verbatim', () => {
    expect(QUERIES).toHaveLength(10);
    expect(new Set(QUERIES.map((q) => q.id)).size).toBe(10);
    for (const q of QUERIES) {
      expect(q.question, q.id).not.toBe('');
      expect(q.id === 'shortest-path' || q.id in ORACLES, q.id).toBe(true);
      // Values are parameters, never spliced into the text.
      for (const v of Object.values(q.params)) if (typeof v === 'string') expect(q.cypher).not.toContain(`'${v}'`);
    }
    // The README carries the generated section (node scripts/neo4j-docs.mjs regenerates it).
    const docs = readFileSync(resolve('README.md'), 'utf8');
    expect(docs).toContain(queriesMarkdown(QUERIES));
  });
});

describeNeo4j('the ten example queries against a real Neo4j', () => {
  let d: Driver;
  beforeAll(() => {
    d = driver();
  });
  afterAll(async () => {
    await d?.close();
  });

  it('answer the documented questions on the hand-annotated seed graph', async () => {
    const full = buildGraph(goldExtractions());
    await clear(d);
    await loadGraph(d, full);
    const rows = await checkAll(d, full);
    // Stated exactly, because this graph does not depend on extraction quality.
    expect(rows.mediators!.map((r) => [r.mediator, r.mediatedFor])).toEqual([
      ['russia', ['syria', 'syrian-rebels']],
      ['turkey', ['syria', 'syrian-rebels']],
    ]);
    expect(rows['allies-and-supporters']!.map((r) => `${r.actor} ${r.role} ${r.weight}`)).toEqual([
      'russia ally 3',
      'iran ally 2',
      'iran supporter 2',
      'russia supporter 2',
    ]);
    expect(rows['meetings-per-actor']!.slice(0, 2)).toMatchObject([
      { actor: 'russia', meetings: 4, partners: 3 },
      { actor: 'syria', meetings: 4, partners: 2 },
    ]);
    expect(rows['shortest-path']![0]).toMatchObject({ hops: 2 });
    expect(rows.evidence!.map((r) => r.article)).toEqual(['000_8a3ebf87a8b1234d.txt', '004_6bb945685ed10791.txt']);
    expect(rows['date-range']!.every((r) => String(r.last) >= '2016-12-01' && String(r.first) <= '2017-01-31')).toBe(true);
    expect(rows['date-range']!.some((r) => r.first === '2014-02-03' && r.last === '2014-02-03')).toBe(false);
    expect(rows['most-connected']![0]).toMatchObject({ actor: 'syria' });
    expect(rows.conflicts!.map((r) => `${r.side} ${r.otherSide} ${r.mentions}`)).toContain('syria syrian-rebels 2');
    expect(rows.persons![0]).toMatchObject({ actor: 'syria', persons: ['Bashar Al Assad', 'Hadiyeh Khalaf Abbas', 'Walid Muallem'] });
    expect(rows.sources!.reduce((n, r) => n + Number(r.notAsserted), 0)).toBe(5);
  });

  it('answer the same questions on the seed articles as the in-memory graph built by the same code does', async () => {
    const { graph: full } = await buildFromPaths([resolve('seeds')]);
    // An empty seed graph would make every comparison vacuous.
    expect(full.size, 'the seed articles gave no relations: are the dictionaries (data/actors/*.json) present?').toBeGreaterThan(0);
    await clear(d);
    await loadGraph(d, full);
    const rows = await checkAll(d, full);
    expect(rows['most-connected']!.length).toBeGreaterThan(0);
    expect(rows.sources!.length).toBeGreaterThan(0);
  });
});
