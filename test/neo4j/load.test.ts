import neo4j, { type Driver } from 'neo4j-driver';
import { expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build.js';
import { viewGraph } from '../../src/graph/view.js';
import { loadGraph } from '../../src/store/neo4j.js';
import { REL_TYPES } from '../../src/store/schema.js';
import type { RelationType } from '../../src/extract/types.js';
import { ACTORS, article, mention, smallExtractions, smallGraph, syntheticExtractions } from './fixtures.js';
import { clear, counts, cypher, describeNeo4j, driver, useCleanDatabase } from './helpers.js';

describeNeo4j('loadGraph', () => {
  let d: Driver;
  useCleanDatabase((x) => (d = x));

  it('creates the uniqueness constraints when they are missing, and drops the Claim.id one earlier versions made', async () => {
    for (const name of ['actor_id', 'article_id']) await cypher(d, `DROP CONSTRAINT ${name} IF EXISTS`);
    await cypher(d, 'CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.id IS UNIQUE');
    await loadGraph(d, smallGraph());
    const rows = await cypher<{ name: string; type: string; labelsOrTypes: string[]; properties: string[] }>(
      d,
      'SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties',
    );
    const unique = rows.filter((r) => r.type === 'UNIQUENESS').map((r) => `${r.labelsOrTypes.join()}.${r.properties.join()}`);
    expect(unique).toEqual(expect.arrayContaining(['Actor.id', 'Article.id']));
    // Claims are kept unique by locking their article: the index of a constraint on them slowed every write.
    expect(unique).not.toContain('Claim.id');
    // A second load finds them and does not fail on "already exists".
    await loadGraph(d, smallGraph());
  });

  it('stores actors with their kind label, persons with MEMBER_OF, articles and one Claim per mention', async () => {
    const full = smallGraph();
    const res = await loadGraph(d, full);
    expect(res.claims).toBe(11);
    const labels = Object.fromEntries(
      (await cypher<{ id: string; labels: string[] }>(d, 'MATCH (a:Actor) RETURN a.id AS id, labels(a) AS labels')).map((r) => [
        r.id,
        [...r.labels].sort(),
      ]),
    );
    expect(labels.syria).toEqual(['Actor', 'State']);
    expect(labels['syrian-rebels']).toEqual(['Actor', 'ArmedGroup']);
    expect(labels['united-nations']).toEqual(['Actor', 'IGO']);
    expect(labels['bashar-al-assad']).toEqual(['Actor', 'Person']);
    expect(labels.sohr).toEqual(['Actor', 'NGO']);
    expect(labels.mystery).toEqual(['Actor']);
    const members = await cypher(d, 'MATCH (p:Person)-[:MEMBER_OF]->(a:Actor) RETURN p.id AS p, a.id AS a ORDER BY p');
    expect(members).toEqual([
      { p: 'ali-larijani', a: 'iran' },
      { p: 'bashar-al-assad', a: 'syria' },
    ]);
    const [syria] = await cypher(d, "MATCH (a:Actor {id: 'syria'}) RETURN a {.id, .name, .kind, .aliases, .iso3} AS a");
    expect(syria!.a).toEqual({ id: 'syria', name: 'Syrian government', kind: 'state', aliases: ['Syria', 'Damascus'], iso3: 'SYR' });
    const [art] = await cypher(d, "MATCH (a:Article {id: 'a2.txt'}) RETURN a {.*} AS a");
    expect(art!.a).toEqual({ id: 'a2.txt', title: 'Title of a2.txt', source: 'Example', url: 'https://example.org/a2.txt', published: '2016-12-01' });
    // Claims link to the actor-level actors (persons rolled up) and to their article.
    const [met] = await cypher(
      d,
      `MATCH (c:Claim {type: 'met-with', modality: 'asserted'})-[:SUBJECT]->(s), (c)-[:OBJECT]->(o), (c)-[:IN]->(a:Article)
       RETURN s.id AS s, o.id AS o, a.id AS a, c.sourcePerson AS sp, c.targetPerson AS tp`,
    );
    expect(met).toEqual({ s: 'syria', o: 'iran', a: 'a1.txt', sp: 'bashar-al-assad', tp: 'ali-larijani' });
  });

  it('aggregates actor-level relationships exactly as the asserted actor view does', async () => {
    const full = smallGraph();
    await loadGraph(d, full);
    const view = viewGraph(full, { level: 'actor', modality: 'asserted' });
    const stored = await cypher<{ s: string; t: string; type: string; weight: unknown; first: string | null; last: string | null }>(
      d,
      `MATCH (s:Actor)-[r:ALLIES_WITH|SUPPORTS|MET_WITH|NEGOTIATES_WITH|MEDIATED_BY|OPPOSES|FIGHTS]->(t:Actor)
       RETURN s.id AS s, t.id AS t, type(r) AS type, r.weight AS weight, r.first AS first, r.last AS last`,
    );
    const got = stored.map((r) => `${r.type} ${r.s} ${r.t} ${String(r.weight)} ${r.first} ${r.last}`).sort();
    const want = view
      .mapEdges((_k, e, s, t) => `${REL_TYPES[e.type as RelationType]} ${s} ${t} ${e.weight} ${e.first} ${e.last}`)
      .sort();
    expect(got).toEqual(want);
    // Symmetric types are stored once, lower id first; both fights mentions count toward it.
    const fights = stored.filter((r) => r.type === 'FIGHTS');
    expect(fights).toHaveLength(1);
    expect(fights[0]).toMatchObject({ s: 'syria', t: 'syrian-rebels', first: '2016-11-30', last: '2017-01-03' });
    expect(String(fights[0]!.weight)).toBe('2');
    // WHO rolls up into the United Nations; planned and negated mentions make no relationship.
    expect(stored.some((r) => r.type === 'NEGOTIATES_WITH' && r.s === 'syria' && r.t === 'united-nations')).toBe(true);
    expect(stored.some((r) => r.type === 'MET_WITH' && r.t === 'syrian-rebels')).toBe(false);
    expect(stored.some((r) => r.s === 'mystery')).toBe(false);
  });

  it('stores an article no mention cites as well as those the claims cite, with its properties', async () => {
    const res = await loadGraph(d, buildGraph([...smallExtractions(), article('quiet.txt', [])]));
    expect(res.articles).toBe(3);
    const rows = await cypher<{ id: string; title: string; claims: unknown }>(
      d,
      'MATCH (a:Article) RETURN a.id AS id, a.title AS title, COUNT { (a)<-[:IN]-(:Claim) } AS claims ORDER BY id',
    );
    expect(rows.map((r) => [r.id, r.title, Number(r.claims) > 0])).toEqual([
      ['a1.txt', 'Title of a1.txt', true],
      ['a2.txt', 'Title of a2.txt', true],
      ['quiet.txt', 'Title of quiet.txt', false],
    ]);
    // the lock a claim batch takes on its articles leaves nothing behind
    expect(await cypher(d, 'MATCH (a:Article) WHERE a._lock IS NOT NULL RETURN a.id')).toEqual([]);
  });

  it('stores counts and offsets as integers, not floats', async () => {
    await loadGraph(d, smallGraph());
    const [r] = await cypher<Record<string, unknown>>(
      d,
      `MATCH (:Actor {id: 'syria'})-[r:FIGHTS]-(:Actor {id: 'syrian-rebels'})
       MATCH (c:Claim {type: 'fights'})
       RETURN r.weight AS weight, valueType(r.weight) AS wtype, valueType(c.start) AS stype, valueType(c.end) AS etype,
              valueType(c.confidence) AS ctype LIMIT 1`,
    );
    expect(neo4j.isInt(r!.weight)).toBe(true);
    expect(r!.wtype).toBe('INTEGER NOT NULL');
    expect(r!.stype).toBe('INTEGER NOT NULL');
    expect(r!.etype).toBe('INTEGER NOT NULL');
    expect(r!.ctype).toBe('FLOAT NOT NULL');
  });

  it('is idempotent: loading the same graph twice changes no count', async () => {
    const full = smallGraph();
    await loadGraph(d, full);
    const once = await counts(d);
    await loadGraph(d, full);
    expect(await counts(d)).toEqual(once);
    expect(once).toMatchObject({ articles: 2, claims: 11, claimLinks: 33 });
  });

  it('is incremental: new articles add evidence and weight without duplicates', async () => {
    const [a1, a2] = smallExtractions();
    await loadGraph(d, buildGraph([a1!, a2!]));
    const together = await counts(d);
    await clear(d);

    await loadGraph(d, buildGraph([a1!]));
    const first = await counts(d);
    const weightOf = async () =>
      Number((await cypher<{ w: unknown }>(d, "MATCH (:Actor {id: 'syria'})-[r:FIGHTS]-() RETURN r.weight AS w"))[0]!.w);
    expect(await weightOf()).toBe(1);
    await loadGraph(d, buildGraph([a2!]));
    expect(await weightOf()).toBe(2);
    const after = await counts(d);
    expect(after.claims).toBeGreaterThan(first.claims!);
    expect(after).toEqual(together);
    // And a1 again on top changes nothing.
    await loadGraph(d, buildGraph([a1!]));
    expect(await counts(d)).toEqual(together);
  });

  it('a reload updates what changed on an existing claim and recounts its relationship', async () => {
    const asserted = mention('r1.txt', 'opposes', 'turkey', 'iran', { start: 0, end: 40, rule: 'old-rule' });
    await loadGraph(d, buildGraph([article('r1.txt', [asserted])]));
    const opposes = async () =>
      cypher<{ w: unknown }>(d, "MATCH (:Actor {id: 'turkey'})-[r:OPPOSES]->(:Actor {id: 'iran'}) RETURN r.weight AS w");
    expect((await opposes()).map((r) => Number(r.w))).toEqual([1]);
    // Same place in the same article (same claim id), now read as negated by a newer extractor.
    await loadGraph(d, buildGraph([article('r1.txt', [{ ...asserted, modality: 'negated', rule: 'new-rule' }])]));
    const claims = await cypher<{ modality: string; rule: string; links: unknown }>(
      d,
      "MATCH (c:Claim {type: 'opposes'}) RETURN c.modality AS modality, c.rule AS rule, COUNT { (c)--() } AS links",
    );
    expect(claims.map((c) => [c.modality, c.rule, Number(c.links)])).toEqual([['negated', 'new-rule', 3]]);
    expect(await opposes()).toEqual([]);
  });

  it('two loads of the same articles at once leave no duplicate nodes or relationships', async () => {
    const full = buildGraph(syntheticExtractions(3_000, 60, 50));
    await loadGraph(d, full, { batchSize: 200 });
    const single = await counts(d);
    await clear(d);

    const d2 = driver();
    try {
      await Promise.all([loadGraph(d, full, { batchSize: 200 }), loadGraph(d2, full, { batchSize: 200 })]);
    } finally {
      await d2.close();
    }
    expect(await counts(d)).toEqual(single);
    const [dupes] = await cypher<{ n: unknown }>(
      d,
      'MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, count(r) AS c WHERE c > 1 RETURN count(*) AS n',
    );
    expect(Number(dupes!.n)).toBe(0);
  });

  it('stores hostile text verbatim and takes labels and types only from the fixed lists', async () => {
    const hostile = [
      `'; MATCH (n) DETACH DELETE n //`,
      `"}) RETURN 1 UNION MATCH (x) SET x.pwned = true //`,
      'back\\slash \\\' \\" \\u0041 and $param and {curly}',
      '<script>alert("x")</script> & <b>bold</b>',
      'line one\nline two\ttab \u0000 nul 🇸🇾 عربي',
    ];
    const text = hostile.join(' | ');
    const evil = { id: "evil') DETACH DELETE n //", label: hostile[1]!, kind: 'State:Hacked`) DELETE n //', aliases: hostile };
    const x = article('evil`doc\'".txt', [
      mention('evil`doc\'".txt', 'opposes', evil.id, 'syria', { sentence: text, trigger: hostile[0]!, rule: hostile[2]! }),
      mention('evil`doc\'".txt', 'fights' as RelationType, 'syria', evil.id, { sentence: hostile[3]! }),
    ], [...ACTORS, evil]);
    x.article.title = text;
    await loadGraph(d, smallGraph());
    const before = await counts(d);
    await loadGraph(d, buildGraph([x]));

    const [c] = await cypher(d, "MATCH (c:Claim {type: 'opposes'})-[:SUBJECT]->(a:Actor {id: $id}) RETURN c.sentence AS s, c.trigger AS t, c.rule AS r, c.doc AS doc", { id: evil.id });
    expect(c).toEqual({ s: text, t: hostile[0], r: hostile[2], doc: 'evil`doc\'".txt' });
    const [a] = await cypher(d, 'MATCH (a:Actor {id: $id}) RETURN a.name AS name, a.kind AS kind, a.aliases AS aliases, labels(a) AS labels', { id: evil.id });
    expect(a).toEqual({ name: hostile[1], kind: evil.kind, aliases: hostile, labels: ['Actor'] });
    const [art] = await cypher(d, 'MATCH (a:Article {id: $id}) RETURN a.title AS title', { id: 'evil`doc\'".txt' });
    expect(art!.title).toBe(text);

    // Nothing was deleted or flagged by the injected text.
    const after = await counts(d);
    expect(after.claims).toBe(before.claims! + 2);
    expect((await cypher(d, 'MATCH (x) WHERE x.pwned IS NOT NULL RETURN x'))).toHaveLength(0);
    const labels = (await cypher<{ l: string }>(d, 'CALL db.labels() YIELD label RETURN label AS l')).map((r) => r.l);
    expect(labels.every((l) => ['Actor', 'Article', 'Claim', 'State', 'IGO', 'ArmedGroup', 'Person', 'NGO', 'Media', 'Group', 'PoliticalGroup', 'StateBody'].includes(l))).toBe(true);
    const types = (await cypher<{ t: string }>(d, 'MATCH ()-[r]->() RETURN DISTINCT type(r) AS t')).map((r) => r.t);
    expect(types.every((t) => [...Object.values(REL_TYPES), 'SUBJECT', 'OBJECT', 'IN', 'MEMBER_OF'].includes(t))).toBe(true);
  });
});
