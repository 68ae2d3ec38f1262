import * as crypto from 'node:crypto';
import type { ActorRecord, ArticleExtraction, RelationMention } from '../extract/types.js';
import { orient } from '../graph/graph.js';

// The one-shot digest (Node 20.12+) is the same SHA-256 at a third of the cost of a Hash object per id;
// ids must never change, so older Nodes fall back to the same digest the long way.
const sha256: (data: string) => string =
  typeof crypto.hash === 'function'
    ? (data) => crypto.hash('sha256', data, 'hex')
    : (data) => crypto.createHash('sha256').update(data).digest('hex');
const hash = (key: unknown[], length: number) => sha256(JSON.stringify(key)).slice(0, length);

/** Stable identity of one mention, so a reload MERGEs onto the same Claim node. */
export function claimId(m: RelationMention): string {
  return hash([m.doc, m.start, m.end, m.type, m.source, m.target, m.sourcePerson ?? null, m.targetPerson ?? null], 32);
}

/**
 * What makes two claims one mention for an edge's weight (as dedupeEvidence counts them): the same place in
 * the same article between the same actors, whichever persons were read as them. Stored with the claim so a
 * recount reads one short value instead of five.
 */
export function mentionKey(m: RelationMention): string {
  return hash([m.doc, m.start, m.end, m.source, m.target], 16);
}

/**
 * Where an id lands at actor level: follows memberOf while the parent is a known
 * actor, exactly as viewGraph's rollUpTarget does on the full graph.
 */
export function rollUp(actors: Iterable<ActorRecord>): (id: string) => string {
  const parent = new Map<string, string | undefined>();
  for (const a of actors) parent.set(a.id, a.memberOf);
  // A load asks for the same few hundred ids once per mention end.
  const landed = new Map<string, string>();
  return (id) => {
    const known = landed.get(id);
    if (known !== undefined) return known;
    let cur = id;
    const seen = new Set<string>();
    while (!seen.has(cur)) {
      seen.add(cur);
      const p = parent.get(cur);
      if (!p || !parent.has(p)) break;
      cur = p;
    }
    landed.set(id, cur);
    return cur;
  };
}

export interface ActorRow {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  iso3: string | null;
  memberOf: string | null;
}

export function actorRow(a: ActorRecord): ActorRow {
  return {
    id: a.id,
    name: a.label,
    kind: String(a.kind),
    aliases: [...new Set(a.aliases)],
    iso3: a.iso3 ?? null,
    memberOf: a.memberOf ?? null,
  };
}

export interface ArticleRow {
  id: string;
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
}

/** Articles are keyed by `doc`, the name evidence refers to them by. */
export function articleRow(a: ArticleExtraction['article']): ArticleRow {
  return { id: a.doc, title: a.title, source: a.source, url: a.url, published: a.date };
}

/**
 * The Claim properties, in the order a claim row carries them after its four
 * key columns (id, subject, object, doc). Positional rows instead of maps halve
 * the driver's encoding work, which dominates a large load.
 */
export const CLAIM_FIELDS = [
  'type',
  'source',
  'target',
  'sourcePerson',
  'targetPerson',
  'doc',
  'sentence',
  'start',
  'end',
  'rule',
  'trigger',
  'confidence',
  'modality',
  'date',
  'place',
  'attributedTo',
  // The aggregated relationship the claim counts toward (`type|source|target`, actor level), or null.
  'pair',
  'mention',
] as const;

/** Fields stored as Neo4j integers: JavaScript numbers travel as floats, so the query converts them. */
export const INTEGER_FIELDS: ReadonlySet<string> = new Set(['start', 'end']);

/**
 * Fields whose values repeat across a batch (a handful of types, rules and dates, a few hundred actors,
 * articles and pairs, one sentence for every relation it states): each distinct value travels once per
 * batch in a string table and the rows carry its position. That halves what the driver encodes and the
 * server decodes, which on two cores is time taken from the server's writes. Only the numbers and the
 * mention key, which no two claims share, travel as they are.
 */
export const SHARED_FIELDS: ReadonlySet<string> = new Set(CLAIM_FIELDS.filter((f) => !['start', 'end', 'confidence', 'mention'].includes(f)));

/** Where each claim property sits in a claim row. */
export const CLAIM_OFFSET = 4;

/** `[id, subject, object, doc, ...CLAIM_FIELDS]`; subject and object are the actor-level ends after roll-up. */
export type ClaimRow = [id: string, subject: string, object: string, doc: string, ...props: (string | number | null)[]];

export interface Pair {
  key: string;
  source: string;
  target: string;
}

/** Where a mention lands at actor level: its two ends after roll-up, and the aggregated pair they make. */
export interface ClaimEnds {
  subject: string;
  object: string;
  /** The aggregated actor-level relationship (the same key viewGraph gives the edge), or null when both ends roll up into one actor. */
  pair: Pair | null;
}

export function claimEnds(m: RelationMention, up: (id: string) => string): ClaimEnds {
  const subject = up(m.sourcePerson ?? m.source);
  const object = up(m.targetPerson ?? m.target);
  if (subject === object) return { subject, object, pair: null };
  const [s, t] = orient(m.type, subject, object);
  return { subject, object, pair: { key: `${m.type}|${s}|${t}`, source: s, target: t } };
}

/** One Claim's parameters: hashing its ids is the costly part, so it is done batch by batch as the load goes. */
export function claimRow(m: RelationMention, { subject, object, pair }: ClaimEnds): ClaimRow {
  // In CLAIM_FIELDS order (a unit test holds the two together); a literal, because a load makes one per mention.
  return [
    claimId(m),
    subject,
    object,
    m.doc,
    m.type,
    m.source,
    m.target,
    m.sourcePerson ?? null,
    m.targetPerson ?? null,
    m.doc,
    m.sentence,
    m.start,
    m.end,
    m.rule,
    m.trigger,
    m.confidence,
    m.modality,
    m.date,
    m.place ?? null,
    m.attributedTo ?? null,
    pair?.key ?? null,
    mentionKey(m),
  ];
}
