import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from './dictionary.js';
import { tokenize } from './tokenize.js';
import { RELATION_TYPES, type Modality, type RelationType } from './types.js';

export type Role = 'verb' | 'passive' | 'compound' | 'agentNoun' | 'actionNoun' | 'dislodge';

export interface Trigger {
  type: RelationType;
  role: Role;
  form: string;
  /** Trailing preposition that is part of the form ("met with", "fired rockets at"). */
  prep?: string;
  /** The object is the source ("Kyiv thanked Warsaw for its aid": Warsaw supports Kyiv). */
  reversed?: boolean;
}

interface Node {
  next: Map<string, Node>;
  hits: Trigger[];
}

export interface Lexicon {
  triggers: Node;
  confidence: Record<RelationType, number>;
  reciprocal: Set<string>;
  reciprocalNouns: Set<string>;
  /** Verbs that make a symmetric noun their object a joint act of their subjects ("A and B signed a pact"). */
  jointVerbs: Set<string>;
  /** Verbs that stop what their object noun names ("blocked EU aid"): the act is not done. */
  stoppingVerbs: Set<string>;
  /** Verbs that, before "to", threaten the act they govern ("threatened to strike"): the threat opposes its target. */
  threateningVerbs: Set<string>;
  /** Verbs whose first object receives what their second names ("gave Ukraine tanks"). */
  givingVerbs: Set<string>;
  modality: Record<Exclude<Modality, 'asserted'>, Node>;
  /** Every noun trigger word, so a demonym before it counts as an actor ("Russian allies"). */
  nouns: Set<string>;
  /** Every compound head ("backed" in "Turkey-backed"), so an actor before it stays a party. */
  compounds: Set<string>;
  version: string;
}

interface LexiconFile {
  version: number;
  types: Record<string, Partial<Record<Role, string[]>> & { confidence?: number }>;
  reciprocal: string[];
  reciprocalNouns: string[];
  jointVerbs?: string[];
  stoppingVerbs?: string[];
  threateningVerbs?: string[];
  givingVerbs?: string[];
  modality: Record<string, string[]>;
}

function node(): Node {
  return { next: new Map(), hits: [] };
}

function add(root: Node, phrase: string, hit: Trigger): void {
  let n = root;
  for (const t of tokenize(phrase)) {
    let c = n.next.get(t.l);
    if (!c) n.next.set(t.l, (c = node()));
    n = c;
  }
  n.hits.push(hit);
}

/** Where each role's forms sit in a type's entry of relations.json. */
const ROLE_KEYS: Readonly<Record<Role, string>> = {
  verb: 'verbs',
  passive: 'passive',
  compound: 'compounds',
  agentNoun: 'agentNouns',
  actionNoun: 'actionNouns',
  dislodge: 'dislodgeVerbs',
};

const PREPS = new Set(['with', 'against', 'to', 'on', 'at', 'into', 'for', 'of', 'by']);

export function loadLexicon(dataDir = DATA_DIR): Lexicon {
  const raw = readFileSync(join(dataDir, 'relations.json'), 'utf8');
  const file = JSON.parse(raw) as LexiconFile;
  const triggers = node();
  const confidence = {} as Record<RelationType, number>;
  const nouns = new Set<string>();
  const compounds = new Set<string>();
  for (const type of RELATION_TYPES) {
    const spec = file.types[type];
    if (!spec) throw new Error(`relations.json: missing type ${type}`);
    confidence[type] = spec.confidence ?? 0.8;
    for (const form of (spec as { reversedVerbs?: string[] }).reversedVerbs ?? []) {
      const words = tokenize(form).map((t) => t.l);
      const hit: Trigger = { type, role: 'verb', form, reversed: true };
      if (words.length > 1 && PREPS.has(words[words.length - 1]!)) hit.prep = words[words.length - 1];
      add(triggers, form, hit);
    }
    for (const [role, key] of Object.entries(ROLE_KEYS) as [Role, string][]) {
      for (const form of (spec as Record<string, string[]>)[key] ?? []) {
        const words = tokenize(form).map((t) => t.l);
        const last = words[words.length - 1]!;
        const hit: Trigger = { type, role, form };
        if (role === 'verb' && words.length > 1 && PREPS.has(last)) hit.prep = last;
        add(triggers, form, hit);
        if (role === 'agentNoun' || role === 'actionNoun') nouns.add(words[0]!);
        if (role === 'compound') compounds.add(words[0]!);
      }
    }
  }
  const modality = {} as Lexicon['modality'];
  for (const m of ['negated', 'planned', 'hypothetical'] as const) {
    const n = node();
    for (const cue of file.modality[m] ?? []) add(n, cue, { type: 'supports', role: 'verb', form: cue });
    modality[m] = n;
  }
  return {
    triggers,
    confidence,
    reciprocal: new Set(file.reciprocal.map((s) => s.toLowerCase())),
    reciprocalNouns: new Set(file.reciprocalNouns.map((s) => s.toLowerCase())),
    jointVerbs: new Set((file.jointVerbs ?? []).map((s) => s.toLowerCase())),
    stoppingVerbs: new Set((file.stoppingVerbs ?? []).map((s) => s.toLowerCase())),
    threateningVerbs: new Set((file.threateningVerbs ?? []).map((s) => s.toLowerCase())),
    givingVerbs: new Set((file.givingVerbs ?? []).map((s) => s.toLowerCase())),
    modality,
    nouns,
    compounds,
    version: String(file.version) + ':' + raw.length,
  };
}

/** Longest trigger forms starting at token i (lower-case match). */
export function triggersAt(lex: Lexicon, words: readonly string[], i: number): { end: number; hits: Trigger[] } | null {
  let n: Node | undefined = lex.triggers;
  let best: { end: number; hits: Trigger[] } | null = null;
  for (let j = i; j < words.length && n; j++) {
    n = n.next.get(words[j]!);
    if (n?.hits.length) best = { end: j + 1, hits: n.hits };
  }
  return best;
}

/** Whether a modality cue phrase starts at token i; returns its end. */
export function cueAt(root: Node, words: readonly string[], i: number): number {
  let n: Node | undefined = root;
  let end = -1;
  for (let j = i; j < words.length && n; j++) {
    n = n.next.get(words[j]!);
    if (n?.hits.length) end = j + 1;
  }
  return end;
}
