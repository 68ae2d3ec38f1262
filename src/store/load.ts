import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { RELATION_TYPES, type RelationMention, type RelationType } from '../extract/types.js';
import { graphRecords, type GraphRecords } from '../graph/records.js';
import type { ActorGraph } from '../graph/types.js';
import { databaseOf } from './driver.js';
import {
  actorRow,
  articleRow,
  CLAIM_FIELDS,
  CLAIM_OFFSET,
  claimEnds,
  claimRow,
  INTEGER_FIELDS,
  rollUp,
  SHARED_FIELDS,
  type ActorRow,
  type ArticleRow,
  type ClaimEnds,
  type ClaimRow,
  type Pair,
} from './rows.js';
import { SCHEMA, KIND_LABELS, kindLabel, relType } from './schema.js';

export type LoadPhase = 'schema' | 'actors' | 'articles' | 'claims' | 'relations';

export interface LoadProgress {
  phase: LoadPhase;
  done: number;
  total: number;
}

export interface LoadOptions {
  /** Claim transactions in flight at once (default 2). */
  concurrency?: number;
  /** Rows per UNWIND transaction. */
  batchSize?: number;
  database?: string;
  onProgress?: (p: LoadProgress) => void;
}

export interface LoadResult {
  actors: number;
  articles: number;
  claims: number;
  /** Aggregated actor-level relationships recomputed. */
  relations: number;
}

export const DEFAULT_BATCH_SIZE = 5_000;

type ArticleProps = Omit<ArticleRow, 'id'>;

// MERGE under a uniqueness constraint can still lose a race with a concurrent
// load (the loser sees a constraint violation instead of the new node); the
// retried transaction then finds the node and merges onto it.
const RACE_RETRIES = 5;

async function write(driver: Driver, database: string | undefined, work: (tx: ManagedTransaction) => Promise<unknown>) {
  for (let attempt = 0; ; attempt++) {
    const session = driver.session({ database, defaultAccessMode: 'WRITE' });
    try {
      await session.executeWrite(work);
      return;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== 'Neo.ClientError.Schema.ConstraintValidationFailed' || attempt >= RACE_RETRIES) throw err;
    } finally {
      await session.close();
    }
  }
}

async function inBatches<T>(
  rows: readonly T[],
  size: number,
  phase: LoadPhase,
  opts: LoadOptions,
  run: (batch: T[]) => Promise<void>,
): Promise<void> {
  opts.onProgress?.({ phase, done: 0, total: rows.length });
  const batches: T[][] = [];
  for (let i = 0; i < rows.length; i += size) batches.push(rows.slice(i, i + size));
  let done = 0;
  await inLanes(batches, opts.concurrency ?? 1, async (batch) => {
    await run(batch);
    done += batch.length;
    opts.onProgress?.({ phase, done, total: rows.length });
  });
}

/**
 * Runs jobs with up to `lanes` transactions in flight: a second one keeps the server's other core busy
 * while the driver encodes and the first commits. Conflicts on shared actors are deadlocks the managed
 * transaction retries.
 */
async function inLanes<T>(jobs: readonly T[], lanes: number, run: (job: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) await run(jobs[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, lanes) }, lane));
}

export async function ensureSchema(driver: Driver, database?: string): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    // Schema changes cannot share a transaction with anything else.
    for (const stmt of SCHEMA) await session.run(stmt);
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
}

// Every statement below reaches its nodes through unique-constraint seeks, element ids or an index hint,
// so its plan cannot go stale. A load changes the store's statistics enough that the server would otherwise
// replan each statement on every load, which on a warm server was half the time of the relations phase.
const PINNED = 'CYPHER replan=skip';

function actorQuery(label: string | null): string {
  // Only the other kinds' labels are removed: taking a label off and putting it back makes the server
  // recount every relationship of the node, which for an actor with thousands of claims is most of a reload.
  const others = Object.values(KIND_LABELS).filter((l) => l !== label);
  return `${PINNED}
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a.name = row.name,
    a.kind = row.kind,
    a.iso3 = coalesce(row.iso3, a.iso3),
    a.aliases = coalesce(a.aliases, []) + [x IN row.aliases WHERE NOT x IN coalesce(a.aliases, [])]
REMOVE a:${others.join(':')}
${label ? `SET a:${label}` : ''}`;
}

const MEMBER_OF = `${PINNED}
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
MERGE (m:Actor {id: row.memberOf})
MERGE (a)-[:MEMBER_OF]->(m)
WITH a, m
MATCH (a)-[old:MEMBER_OF]->(x)
WHERE x <> m
DELETE old`;

// Articles no mention cites; the others are written by the claim batches that cite them (EXISTING_CLAIMS).
const ARTICLES = `${PINNED}
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.title = row.title, a.source = row.source, a.url = row.url, a.published = row.published`;

const BARE_ACTORS = `UNWIND $actors AS id MERGE (a:Actor {id: id}) ON CREATE SET a.name = id, a.kind = 'other', a.aliases = []`;

/** Each claim property with the Cypher expression reading it from a row `r` and the batch's `$strings`. */
const CLAIM_VALUES = CLAIM_FIELDS.map((f, i) => {
  const cell = `r[${i + CLAIM_OFFSET}]`;
  return [f, INTEGER_FIELDS.has(f) ? `toInteger(${cell})` : SHARED_FIELDS.has(f) ? `$strings[toInteger(${cell})]` : cell] as const;
});
const CLAIM_SET = CLAIM_VALUES.map(([f, v]) => `c.${f} = ${v}`).join(',\n    ');
const CLAIM_PROPS = CLAIM_VALUES.map(([f, v]) => `${f}: ${v}`).join(',\n  ');

// A claim links to the article its id hashes, so the claims already stored for a batch are found by walking
// from its articles rather than by seeking each of its thousands of ids in an index: a new article, the common
// case, costs one seek. The walk starts by writing each article, which write-locks it (in sorted order, so two
// batches never wait on each other in a circle): a concurrent load of the same article waits here until this
// batch commits and then finds its claims, which is what keeps claims unique without a uniqueness constraint
// on Claim.id. That constraint's index was a quarter of the time of every claim written. Writing the articles
// here rather than in a phase of their own saves a transaction and a seek per article. An article the records
// do not describe is only created and locked (`row.props` is empty).
const EXISTING_CLAIMS = `${PINNED}
UNWIND $articles AS row
MERGE (a:Article {id: row.id})
SET a += row.props, a._lock = true
REMOVE a._lock
WITH a
MATCH (a)<-[:IN]-(c:Claim)
RETURN c.id AS id, elementId(c) AS node`;

// A claim's id is a hash of everything that places it (type, actors, article, offsets), so an existing
// claim already has exactly these links: only its other properties can have changed. Its rows carry the
// node's element id, found by EXISTING_CLAIMS, in place of the claim id.
const UPDATE_CLAIMS = `${PINNED}
UNWIND $rows AS r
MATCH (c:Claim) WHERE elementId(c) = r[0]
SET ${CLAIM_SET}`;

// New claims are CREATEd whole, properties and links in one pattern. A batch names a few hundred actors and
// articles for thousands of claims, so each is looked up once (its position in $actors/$articles is what
// the row carries) instead of three index seeks per claim. Actors are written before claims (loadRecords adds a
// bare node for any id the records lack) and the batch's articles by EXISTING_CLAIMS in the same transaction,
// so every lookup finds its node; a claim and its three links are one statement, so a claim never exists
// half-linked.
const CREATE_CLAIMS = `${PINNED}
WITH [k IN $actors | COLLECT { MATCH (x:Actor {id: k}) RETURN x }[0]] AS actors,
     [k IN $articles | COLLECT { MATCH (x:Article {id: k}) RETURN x }[0]] AS articles
UNWIND $rows AS r
WITH actors[toInteger(r[1])] AS s, actors[toInteger(r[2])] AS o, articles[toInteger(r[3])] AS a, r
CREATE (s)<-[:SUBJECT]-(c:Claim {
  id: r[0],
  ${CLAIM_PROPS}
})-[:OBJECT]->(o), (c)-[:IN]->(a)`;

/** Numbers each distinct value in first-seen order, for a batch's lookup lists. */
class Positions {
  private readonly index = new Map<string, number>();
  at(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) this.index.set(value, (i = this.index.size));
    return i;
  }
  values(): string[] {
    return [...this.index.keys()];
  }
}

const SHARED_AT = CLAIM_FIELDS.map((f) => SHARED_FIELDS.has(f));

/**
 * A batch of claims as it travels: each row `[key, subject, object, article, ...props]` with the actors,
 * the articles and every shared property as a position in the batch's lists. `key` is the claim id.
 */
interface WireBatch {
  rows: (string | number | null)[][];
  actors: string[];
  articles: string[];
  strings: string[];
}

/** Encodes a batch in one pass over its rows, the per-mention work of every load. */
function encodeBatch(batch: readonly ClaimRow[]): WireBatch {
  const actors = new Positions();
  const articles = new Positions();
  const strings = new Positions();
  const rows = batch.map((claim) => {
    const row: (string | number | null)[] = new Array(claim.length);
    row[0] = claim[0];
    row[1] = actors.at(claim[1]);
    row[2] = actors.at(claim[2]);
    row[3] = articles.at(claim[3]);
    for (let i = CLAIM_OFFSET; i < claim.length; i++) {
      const v = claim[i] as string | number | null;
      row[i] = v !== null && SHARED_AT[i - CLAIM_OFFSET] ? strings.at(String(v)) : v;
    }
    return row;
  });
  return { rows, actors: actors.values(), articles: articles.values(), strings: strings.values() };
}

/** Writes one batch of claims in the caller's transaction: updates those that exist, creates the rest. */
async function writeClaimBatch(tx: ManagedTransaction, wire: WireBatch, articleProps: ReadonlyMap<string, ArticleProps>): Promise<void> {
  const articleRows = [...wire.articles].sort().map((id) => ({ id, props: articleProps.get(id) ?? {} }));
  const found = await tx.run(EXISTING_CLAIMS, { articles: articleRows });
  if (found.records.length === 0) {
    await tx.run(CREATE_CLAIMS, wire);
    return;
  }
  const existing = new Map(found.records.map((rec) => [rec.get('id') as string, rec.get('node') as string]));
  const fresh: WireBatch['rows'] = [];
  const old: WireBatch['rows'] = [];
  for (const row of wire.rows) {
    const node = existing.get(row[0] as string);
    if (node === undefined) fresh.push(row);
    else old.push([node, ...row.slice(1)]);
  }
  if (old.length) await tx.run(UPDATE_CLAIMS, { rows: old, strings: wire.strings });
  if (fresh.length) await tx.run(CREATE_CLAIMS, { ...wire, rows: fresh });
}

/**
 * Recomputes one relation type's aggregated relationships for the given pairs
 * from the asserted claims. Touching both actors first takes their write locks,
 * so a concurrent load's claims are either counted here or recounted by its own
 * recompute: the last writer always sees every committed claim.
 */
function relationQuery(type: RelationType): string {
  const rel = relType(type);
  return `${PINNED}
UNWIND $pairs AS p
MATCH (s:Actor {id: p.source}), (t:Actor {id: p.target})
SET s._lock = true, t._lock = true
REMOVE s._lock, t._lock
WITH s, t, p
// The hint matters: a plan cached while the store held few claims would scan every claim per pair.
OPTIONAL MATCH (c:Claim {pair: p.key}) USING INDEX c:Claim(pair)
WHERE c.modality = 'asserted'
// One per distinct mention, as dedupeEvidence counts them. A claim stored before claims carried their
// mention key is keyed by the five values it hashes (a list of nulls is not null: only real claims count).
WITH s, t, count(DISTINCT CASE WHEN c.mention IS NOT NULL THEN c.mention WHEN c IS NOT NULL THEN [c.doc, c.start, c.end, c.source, c.target] END) AS weight,
     min(c.date) AS first, max(c.date) AS last
OPTIONAL MATCH (s)-[old:${rel}]->(t)
FOREACH (_ IN CASE WHEN weight > 0 THEN [1] ELSE [] END |
  MERGE (s)-[r:${rel}]->(t)
  SET r.weight = weight, r.first = first, r.last = last)
FOREACH (x IN CASE WHEN weight = 0 AND old IS NOT NULL THEN [old] ELSE [] END | DELETE x)`;
}

/**
 * Where a load's mentions land (their ends after roll-up and the aggregated pair), and every pair it touches
 * per relation type. A load of thousands of mentions names a few thousand pairs, so each is made once.
 */
class TouchedPairs {
  readonly byType = new Map<RelationType, Map<string, Pair>>();
  private readonly landed = new Map<RelationType, Map<string, Map<string, ClaimEnds>>>();
  constructor(private readonly up: (id: string) => string) {}

  ends(m: RelationMention): ClaimEnds {
    let forType = this.landed.get(m.type);
    if (!forType) this.landed.set(m.type, (forType = new Map()));
    const from = m.sourcePerson ?? m.source;
    let bySource = forType.get(from);
    if (!bySource) forType.set(from, (bySource = new Map()));
    const to = m.targetPerson ?? m.target;
    let ends = bySource.get(to);
    if (!ends) {
      ends = claimEnds(m, this.up);
      bySource.set(to, ends);
      if (ends.pair) {
        let pairs = this.byType.get(m.type);
        if (!pairs) this.byType.set(m.type, (pairs = new Map()));
        if (!pairs.has(ends.pair.key)) pairs.set(ends.pair.key, ends.pair);
      }
    }
    return ends;
  }
}

/** Writes flat records: the unit both `loadGraph` and the benchmark use. */
export async function loadRecords(driver: Driver, records: GraphRecords, opts: LoadOptions = {}): Promise<LoadResult> {
  const size = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const db = opts.database ?? databaseOf(driver);
  opts.onProgress?.({ phase: 'schema', done: 0, total: 1 });
  await ensureSchema(driver, db);
  opts.onProgress?.({ phase: 'schema', done: 1, total: 1 });

  const actors = records.actors.map(actorRow);
  const byLabel = new Map<string | null, ActorRow[]>();
  for (const a of actors) {
    const label = kindLabel(a.kind);
    const list = byLabel.get(label);
    if (list) list.push(a);
    else byLabel.set(label, [a]);
  }
  const members = actors.filter((a) => a.memberOf !== null);
  const actorTotal = actors.length + members.length;
  let actorDone = 0;
  opts.onProgress?.({ phase: 'actors', done: 0, total: actorTotal });
  // Every statement for the actors, in order (MEMBER_OF after the actors it links), packed into as few
  // transactions as the batch size allows: a load names a few hundred actors, so usually one.
  const statements: { query: string; rows: ActorRow[] }[] = [];
  for (const [label, rows] of byLabel) {
    for (let i = 0; i < rows.length; i += size) statements.push({ query: actorQuery(label), rows: rows.slice(i, i + size) });
  }
  for (let i = 0; i < members.length; i += size) statements.push({ query: MEMBER_OF, rows: members.slice(i, i + size) });
  while (statements.length) {
    const group = [statements.shift()!];
    let n = group[0]!.rows.length;
    while (statements.length && n + statements[0]!.rows.length <= size) {
      const next = statements.shift()!;
      group.push(next);
      n += next.rows.length;
    }
    await write(driver, db, async (tx) => {
      for (const { query, rows } of group) await tx.run(query, { rows });
    });
    actorDone += n;
    opts.onProgress?.({ phase: 'actors', done: actorDone, total: actorTotal });
  }

  const cited = new Set(records.mentions.map((m) => m.doc));
  const articleProps = new Map<string, ArticleProps>();
  const uncited: ArticleRow[] = [];
  for (const row of records.articles.map(articleRow)) {
    const { id, ...props } = row;
    if (cited.has(id)) articleProps.set(id, props);
    else uncited.push(row);
  }
  // (the usual case has none: no phase to report)
  if (uncited.length) await inBatches(uncited, size, 'articles', opts, (rows) => write(driver, db, (tx) => tx.run(ARTICLES, { rows })));

  const up = rollUp(records.actors);
  // Claims MATCH their actors: give any id the records do not describe a bare node.
  const knownActors = new Set(actors.map((a) => a.id));
  const bareActors = new Set<string>();
  const touched = new TouchedPairs(up);
  for (const m of records.mentions) {
    const { subject, object } = touched.ends(m);
    if (!knownActors.has(subject)) bareActors.add(subject);
    if (!knownActors.has(object)) bareActors.add(object);
  }
  if (bareActors.size) await write(driver, db, (tx) => tx.run(BARE_ACTORS, { actors: [...bareActors] }));

  // Each lane hashes and encodes its next batch just before sending it, so the driver's work overlaps the server's.
  const seen = new Set<string>();
  const starts: number[] = [];
  for (let i = 0; i < records.mentions.length; i += size) starts.push(i);
  let claimsDone = 0;
  opts.onProgress?.({ phase: 'claims', done: 0, total: records.mentions.length });
  await inLanes(starts, opts.concurrency ?? 2, async (start) => {
    const batch: ClaimRow[] = [];
    const end = Math.min(start + size, records.mentions.length);
    for (let i = start; i < end; i++) {
      const m = records.mentions[i]!;
      const row = claimRow(m, touched.ends(m));
      // the same mention twice in one load is one claim
      if (seen.has(row[0])) continue;
      seen.add(row[0]);
      batch.push(row);
    }
    if (batch.length) {
      const wire = encodeBatch(batch);
      await write(driver, db, (tx) => writeClaimBatch(tx, wire, articleProps));
    }
    claimsDone += end - start;
    opts.onProgress?.({ phase: 'claims', done: claimsDone, total: records.mentions.length });
  });

  const pairs = touched.byType;
  const pairTotal = [...pairs.values()].reduce((n, m) => n + m.size, 0);
  const jobs: { type: RelationType; pairs: Pair[] }[] = [];
  for (const type of RELATION_TYPES) {
    const list = [...(pairs.get(type)?.values() ?? [])];
    for (let i = 0; i < list.length; i += size) jobs.push({ type, pairs: list.slice(i, i + size) });
  }
  let pairDone = 0;
  opts.onProgress?.({ phase: 'relations', done: 0, total: pairTotal });
  // One at a time: recounts lock both actors of every pair, so two in flight mostly deadlock each other.
  await inLanes(jobs, 1, async (job) => {
    await write(driver, db, (tx) => tx.run(relationQuery(job.type), { pairs: job.pairs }));
    pairDone += job.pairs.length;
    opts.onProgress?.({ phase: 'relations', done: pairDone, total: pairTotal });
  });
  return { actors: actors.length, articles: records.articles.length, claims: seen.size, relations: pairTotal };
}

/**
 * Writes the full graph (person level, every modality): actors with their kind
 * label, MEMBER_OF, articles and one Claim per mention, then the aggregated
 * actor-level relationships of every pair the mentions touch. Idempotent and
 * incremental: everything is MERGEd on stable ids and weights are recounted
 * from the claims, never added to.
 */
export async function loadGraph(driver: Driver, full: ActorGraph, opts: LoadOptions = {}): Promise<LoadResult> {
  return loadRecords(driver, graphRecords(full), opts);
}
