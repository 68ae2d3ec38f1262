import type { Span } from '../ingest/types.js';

/** The seven relation types; direction and symmetry come from data/relation-types.json. */
export type RelationType =
  | 'allies-with'
  | 'supports'
  | 'met-with'
  | 'negotiates-with'
  | 'mediated-by'
  | 'opposes'
  | 'fights';

export const RELATION_TYPES: readonly RelationType[] = [
  'allies-with',
  'supports',
  'met-with',
  'negotiates-with',
  'mediated-by',
  'opposes',
  'fights',
];

export const SYMMETRIC: ReadonlySet<RelationType> = new Set<RelationType>([
  'allies-with',
  'met-with',
  'negotiates-with',
  'fights',
]);

export type Modality = 'asserted' | 'planned' | 'hypothetical' | 'negated';

/** Actor kinds. Dictionaries may use others; these are the ones the tool colours and labels. */
export type ActorKind =
  | 'state'
  | 'igo'
  | 'armed-group'
  | 'group'
  | 'political-group'
  | 'state-body'
  | 'ngo'
  | 'media'
  | 'person'
  | 'other';

/** An actor as the extractor knows it: from a dictionary, or discovered in text. */
export interface ActorRecord {
  id: string;
  label: string;
  kind: ActorKind | string;
  aliases: string[];
  iso3?: string;
  /** For persons and sub-organisations: the actor they roll up into at actor level. */
  memberOf?: string;
  /** How the actor became known: a dictionary file name, or 'discovered'. */
  origin?: string;
}

/** One place in a sentence where an actor is named or referred to. */
export interface ActorMention {
  /** Actor-level id (persons already rolled up to their affiliation when known). */
  actor: string;
  /** Person id when the mention names a person. */
  person?: string;
  start: number;
  end: number;
  text: string;
  /** How it was found: 'alias', 'demonym', 'agent', 'title-name', 'surname', 'role', 'pronoun', 'discovered' … */
  via: string;
  /** Sector word joined with a country word ("Syrian troops" → 'military'). */
  sector?: string;
}

/** One relation stated in one sentence: the unit of evidence. */
export interface RelationMention {
  type: RelationType;
  /** Actor-level ids, direction as the relation type defines. */
  source: string;
  target: string;
  /** Person ids when an argument was a person (used at person level). */
  sourcePerson?: string;
  targetPerson?: string;
  doc: string;
  sentence: string;
  /** Offsets of the sentence in `Article.text`. */
  start: number;
  end: number;
  rule: string;
  trigger: string;
  confidence: number;
  modality: Modality;
  /** Event date (ISO) when the text gives one, else the article's publication date, else null. */
  date: string | null;
  place?: string;
  attributedTo?: string;
}

/** What the extractor emits for one article. It never builds a graph. */
export interface ArticleExtraction {
  article: {
    id: string;
    doc: string;
    title: string;
    date: string | null;
    url: string | null;
    source: string | null;
  };
  /** Every actor referred to in the article's relations (dictionary or discovered), persons included. */
  actors: ActorRecord[];
  relations: RelationMention[];
}

export type { Span };
