import type { Driver } from 'neo4j-driver';
import type { ActorRecord, ArticleExtraction, Modality, RelationMention, RelationType } from '../extract/types.js';
import { GraphBuilder } from '../graph/build.js';
import type { GraphRecords } from '../graph/records.js';
import type { ActorGraph } from '../graph/types.js';
import { databaseOf } from './driver.js';
import { toPlain } from './values.js';

const ACTORS = `
MATCH (a:Actor)
OPTIONAL MATCH (a)-[:MEMBER_OF]->(m:Actor)
WITH a, min(m.id) AS memberOf
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases, a.iso3 AS iso3, memberOf
ORDER BY id`;

const ARTICLES = `
MATCH (a:Article)
RETURN a.id AS id, a.title AS title, a.source AS source, a.url AS url, a.published AS published
ORDER BY id`;

const CLAIMS = `
MATCH (c:Claim)
RETURN c {.type, .source, .target, .sourcePerson, .targetPerson, .doc, .sentence, .start, .end,
          .rule, .trigger, .confidence, .modality, .date, .place, .attributedTo} AS c
ORDER BY c.id`;

type Row = Record<string, unknown>;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

async function read(driver: Driver, database: string | undefined, query: string): Promise<Row[]> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    const res = await session.executeRead((tx) => tx.run(query));
    return res.records.map((r) => toPlain(r.toObject()) as Row);
  } finally {
    await session.close();
  }
}

function actorRecord(r: Row): ActorRecord {
  const a: ActorRecord = {
    id: String(r.id),
    label: str(r.name) ?? String(r.id),
    kind: str(r.kind) ?? 'other',
    aliases: Array.isArray(r.aliases) ? r.aliases.map(String) : [],
  };
  if (r.iso3) a.iso3 = String(r.iso3);
  if (r.memberOf) a.memberOf = String(r.memberOf);
  return a;
}

function mention(c: Row): RelationMention {
  const m: RelationMention = {
    type: String(c.type) as RelationType,
    source: String(c.source),
    target: String(c.target),
    doc: String(c.doc),
    sentence: String(c.sentence ?? ''),
    start: Number(c.start),
    end: Number(c.end),
    rule: String(c.rule ?? ''),
    trigger: String(c.trigger ?? ''),
    confidence: Number(c.confidence ?? 0),
    modality: String(c.modality ?? 'asserted') as Modality,
    date: str(c.date),
  };
  for (const k of ['sourcePerson', 'targetPerson', 'place', 'attributedTo'] as const) {
    const v = str(c[k]);
    if (v !== null) m[k] = v;
  }
  return m;
}

/** Reads every Actor, Article and Claim back as the records GraphBuilder takes. */
export async function pullRecords(driver: Driver, opts: { database?: string } = {}): Promise<GraphRecords> {
  const db = opts.database ?? databaseOf(driver);
  const actors = await read(driver, db, ACTORS);
  const articles = await read(driver, db, ARTICLES);
  const claims = await read(driver, db, CLAIMS);
  return {
    actors: actors.map(actorRecord),
    articles: articles.map(
      (r): ArticleExtraction['article'] => ({
        id: String(r.id),
        doc: String(r.id),
        title: str(r.title) ?? '',
        date: str(r.published),
        url: str(r.url),
        source: str(r.source),
      }),
    ),
    mentions: claims.map((r) => mention(r.c as Row)),
  };
}

/**
 * Rebuilds the full graph from the claims, so memory → Neo4j → memory gives
 * back the same actors, edges, weights and evidence.
 */
export async function pullGraph(driver: Driver, opts: { database?: string; name?: string } = {}): Promise<ActorGraph> {
  const records = await pullRecords(driver, opts);
  const builder = new GraphBuilder({ name: opts.name ?? 'actorgraph' });
  for (const a of records.actors) builder.addActor(a);
  for (const a of records.articles) builder.addArticle(a);
  for (const m of records.mentions) builder.addMention(m);
  return builder.graph();
}
