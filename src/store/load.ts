import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { RELATION_TYPES, type RelationType } from '../extract/types.js';
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
function positions<T>(): { at: (value: T) => number; values: () => T[] } {
  const index = new Map<T, number>();
  return {
    at(value) {
      let i = index.get(value);
      if (i === undefined) index.set(value, (i = index.size));
      return i;
    },
    values: () => [...index.keys()],
  };
}

/** A row's properties with every shared field replaced by its position in the batch's string table. */
function encodeProps(props: readonly (string | number | null)[], strings: ReturnType<typeof positions<string>>) {
  return props.map((v, i) => (v !== null && SHARED_FIELDS.has(CLAIM_FIELDS[i]!) ? strings.at(String(v)) : v));
}

/** Writes one batch of claims in the caller's transaction: updates those that exist, creates the rest. */
async function writeClaimBatch(tx: ManagedTransaction, batch: readonly ClaimRow[], articleProps: ReadonlyMap<string, ArticleProps>): Promise<void> {
  const articleRows = [...new Set(batch.map((r) => r[3]))].sort().map((id) => ({ id, props: articleProps.get(id) ?? {} }));
  const found = await tx.run(EXISTING_CLAIMS, { articles: articleRows });
  const existing = new Map(found.records.map((rec) => [rec.get('id') as string, rec.get('node') as string]));
  const old = batch.filter((r) => existing.has(r[0]));
  if (old.length) {
    const strings = positions<string>();
    const rows = old.map(([id, , , , ...props]) => [existing.get(id), null, null, null, ...encodeProps(props, strings)]);
    await tx.run(UPDATE_CLAIMS, { rows, strings: strings.values() });
  }
  if (old.length === batch.length) return;
  const actors = positions<string>();
  const articles = positions<string>();
  const strings = positions<string>();
  const rows = batch
    .filter((r) => !existing.has(r[0]))
    .map(([id, subject, object, doc, ...props]) => [id, actors.at(subject), actors.at(object), articles.at(doc), ...encodeProps(props, strings)]);
  await tx.run(CREATE_CLAIMS, { rows, actors: actors.values(), articles: articles.values(), strings: strings.values() });
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

/** The aggregated pairs a load touches, per relation type, gathered as its claim batches are made. */
class TouchedPairs {
  readonly byType = new Map<RelationType, Map<string, Pair>>();
  add(type: RelationType, pair: Pair | null): void {
    if (!pair) return;
    let forType = this.byType.get(type);
    if (!forType) this.byType.set(type, (forType = new Map()));
    if (!forType.has(pair.key)) forType.set(pair.key, pair);
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
  const step = async (n: number, work: (tx: ManagedTransaction) => Promise<unknown>) => {
    await write(driver, db, work);
    actorDone += n;
    opts.onProgress?.({ phase: 'actors', done: actorDone, total: actorTotal });
  };
  for (const [label, rows] of byLabel) {
    for (let i = 0; i < rows.length; i += size) {
      const batch = rows.slice(i, i + size);
      await step(batch.length, (tx) => tx.run(actorQuery(label), { rows: batch }));
    }
  }
  for (let i = 0; i < members.length; i += size) {
    const batch = members.slice(i, i + size);
    await step(batch.length, (tx) => tx.run(MEMBER_OF, { rows: batch }));
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
  for (const m of records.mentions) {
    for (const end of [up(m.sourcePerson ?? m.source), up(m.targetPerson ?? m.target)]) if (!knownActors.has(end)) bareActors.add(end);
  }
  if (bareActors.size) await write(driver, db, (tx) => tx.run(BARE_ACTORS, { actors: [...bareActors] }));

  // Each lane places and hashes its next batch just before sending it, so the driver's work overlaps the server's.
  const touched = new TouchedPairs();
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
      const ends = claimEnds(m, up);
      touched.add(m.type, ends.pair);
      const row = claimRow(m, ends);
      // the same mention twice in one load is one claim
      if (seen.has(row[0])) continue;
      seen.add(row[0]);
      batch.push(row);
    }
    if (batch.length) await write(driver, db, (tx) => writeClaimBatch(tx, batch, articleProps));
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
