import type { RelationType } from '../extract/types.js';

/**
 * Labels and relationship types are the only names that cannot be query
 * parameters, so they come from these fixed maps and nowhere else: text from
 * an article can never become part of a Cypher statement.
 */
export const KIND_LABELS: Readonly<Record<string, string>> = Object.freeze({
  state: 'State',
  igo: 'IGO',
  'armed-group': 'ArmedGroup',
  person: 'Person',
  ngo: 'NGO',
  media: 'Media',
  group: 'Group',
  'political-group': 'PoliticalGroup',
  'state-body': 'StateBody',
});

export const REL_TYPES: Readonly<Record<RelationType, string>> = Object.freeze({
  'allies-with': 'ALLIES_WITH',
  supports: 'SUPPORTS',
  'met-with': 'MET_WITH',
  'negotiates-with': 'NEGOTIATES_WITH',
  'mediated-by': 'MEDIATED_BY',
  opposes: 'OPPOSES',
  fights: 'FIGHTS',
});

const NAME = /^[A-Z][A-Za-z_]*$/;

/** The label for a kind, or null when the kind is not in the fixed list. */
export function kindLabel(kind: string): string | null {
  const label = Object.prototype.hasOwnProperty.call(KIND_LABELS, kind) ? KIND_LABELS[kind] : undefined;
  return label && NAME.test(label) ? label : null;
}

export function relType(type: RelationType): string {
  const name = Object.prototype.hasOwnProperty.call(REL_TYPES, type) ? REL_TYPES[type] : undefined;
  // Belt and braces: a name that is not a plain identifier never reaches a query string.
  if (!name || !NAME.test(name)) throw new Error(`unknown relation type: ${JSON.stringify(type)}`);
  return name;
}

export const SCHEMA: readonly string[] = [
  'CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE',
  'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE',
  // Claims are kept unique by locking their article instead (see EXISTING_CLAIMS in load.ts); earlier
  // versions created this constraint, whose index cost a quarter of every claim's write.
  'DROP CONSTRAINT claim_id IF EXISTS',
  // Recomputing an aggregated relationship looks its claims up by pair.
  'CREATE INDEX claim_pair IF NOT EXISTS FOR (c:Claim) ON (c.pair)',
];
