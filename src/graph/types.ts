import type { MultiGraph } from 'graphology';
import type { Modality, RelationType } from '../extract/types.js';

export type Level = 'actor' | 'person';

export interface NodeAttrs {
  label: string;
  kind: string;
  aliases: string[];
  iso3?: string;
  /** For persons (person level) and sub-organisations: the actor they belong to. */
  memberOf?: string;
  /** Number of relation mentions the actor takes part in. */
  mentions: number;
  /** Layout position and size, written by layout/export steps only. */
  x?: number;
  y?: number;
  size?: number;
  color?: string;
}

/** One relation mention kept as evidence on an aggregated edge. */
export interface Evidence {
  /** The mention's own actor-level arguments, so evidence describes itself wherever it is shown. */
  source: string;
  target: string;
  doc: string;
  sentence: string;
  start: number;
  end: number;
  rule: string;
  trigger: string;
  confidence: number;
  modality: Modality;
  date: string | null;
  sourcePerson?: string;
  targetPerson?: string;
  place?: string;
  attributedTo?: string;
}

export type EdgeType = RelationType | 'member-of';

export interface EdgeAttrs {
  type: EdgeType;
  /** Number of distinct mentions (distinct doc + offsets). */
  weight: number;
  /** First and last date seen among the evidence, ISO, or null. */
  first: string | null;
  last: string | null;
  evidence: Evidence[];
}

export interface ArticleMeta {
  title: string;
  date: string | null;
  url: string | null;
  source: string | null;
}

export interface GraphAttrs {
  name: string;
  level: Level;
  /** 'all' when mentions of every modality are kept; 'asserted' for the default graph. */
  modality: 'asserted' | 'all';
  /** Article metadata by doc, so evidence can show its headline and date. */
  articles: Record<string, ArticleMeta>;
}

/**
 * The actor graph: a mixed multigraph. Symmetric relation types are undirected
 * edges whose endpoints are stored in lexicographic order of id; directed types
 * run source → target as the relation type defines. Edge keys are
 * `type|source|target`.
 */
export type ActorGraph = MultiGraph<NodeAttrs, EdgeAttrs, GraphAttrs>;
