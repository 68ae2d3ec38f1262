import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenize } from './tokenize.js';
import type { ActorRecord } from './types.js';

/** One actor entry as written in data/actors/*.json (see data/README.md). */
export interface ActorEntry {
  id: string;
  kind: string;
  label: string;
  iso3?: string;
  aliases?: string[];
  demonyms?: string[];
  metonyms?: string[];
  generic?: string[];
  country?: string;
  memberOf?: string;
  note?: string;
}

export interface PersonRole {
  actor: string;
  title: string;
  from: string | null;
  to: string | null;
}

export interface PersonEntry {
  id: string;
  label: string;
  aliases: string[];
  roles: PersonRole[];
}

export interface Agents {
  sectors: Record<string, string[]>;
  titles: string[];
  media_words: string[];
  descriptors?: string[];
  attributiveHeads?: string[];
}

/** 'place' blocks a longer name that contains an actor's name ("the West Bank" is not "the West"). */
export type TermKind = 'alias' | 'demonym' | 'metonym' | 'generic' | 'person' | 'place';

export interface Term {
  kind: TermKind;
  id: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  terms: Term[];
}

export interface Dictionary {
  actors: Map<string, ActorEntry>;
  persons: Map<string, PersonEntry>;
  /** Sector of an agent word ("troops" → military), lower case, single and multi-word keys. */
  sectors: Map<string, string>;
  /** Title phrases, lower case, tokenised. */
  titles: TrieNode;
  mediaWords: TrieNode;
  /** Lower-case words describing an organisation in front of its name ("the militant group Hamas"). */
  descriptors: Set<string>;
  /** Nouns a sector word before them modifies as an adjective ("a military base"). */
  attributiveHeads: Set<string>;
  /** Case-sensitive names, demonyms, metonyms and person names. */
  proper: TrieNode;
  /** Lower-case contextual nouns ("rebels", "the regime"). */
  generic: TrieNode;
  /** Hash of every data file: a cache key part, so a dictionary change reprocesses everything. */
  version: string;
}

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

function newNode(): TrieNode {
  return { next: new Map(), terms: [] };
}

/** Tokens of a phrase as the trie stores them: "the" is case-folded so "The West" matches "the West". */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase).map((t) => (t.l === 'the' ? 'the' : t.t));
}

function insert(root: TrieNode, keys: string[], term: Term): void {
  if (!keys.length) return;
  let node = root;
  for (const k of keys) {
    let n = node.next.get(k);
    if (!n) node.next.set(k, (n = newNode()));
    node = n;
  }
  if (!node.terms.some((x) => x.kind === term.kind && x.id === term.id)) node.terms.push(term);
}

/** Longest phrase in `root` starting at token i; `key` maps a token to its trie key. */
export function longestMatch<T extends { t: string; l: string }>(
  root: TrieNode,
  tokens: readonly T[],
  i: number,
  key: (tok: T) => string,
): { end: number; terms: Term[] } | null {
  let node: TrieNode | undefined = root;
  let best: { end: number; terms: Term[] } | null = null;
  for (let j = i; j < tokens.length && node; j++) {
    node = node.next.get(key(tokens[j]!));
    if (node?.terms.length) best = { end: j + 1, terms: node.terms };
  }
  return best;
}

/** The terms of exactly the phrase tokens[i..j) ("Iran" inside "Iran-backed militia"), if any. */
export function exactMatch<T extends { t: string; l: string }>(root: TrieNode, tokens: readonly T[], i: number, j: number): Term[] | undefined {
  let node: TrieNode | undefined = root;
  for (let k = i; k < j && node; k++) node = node.next.get(tokens[k]!.l === 'the' ? 'the' : tokens[k]!.t);
  return node?.terms.length ? node.terms : undefined;
}

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (err) {
    throw new Error(`dictionary ${path}: ${(err as Error).message}`);
  }
}

export interface LoadOptions {
  /** A user dictionary (same format as data/actors/*.json, optionally with "persons"), merged over the built-in one. */
  actorsFile?: string;
  dataDir?: string;
}

/** Loads and indexes the dictionaries. Entries in later files override earlier ones with the same id. */
export function loadDictionary(opts: LoadOptions = {}): Dictionary {
  const dir = opts.dataDir ?? DATA_DIR;
  const hash = createHash('sha256');
  const actors = new Map<string, ActorEntry>();
  const persons = new Map<string, PersonEntry>();

  const actorDir = join(dir, 'actors');
  const files = existsSync(actorDir)
    ? readdirSync(actorDir).filter((f) => f.endsWith('.json')).sort().map((f) => join(actorDir, f))
    : [];
  const personsFile = join(dir, 'persons.json');
  const sources = [...files, ...(existsSync(personsFile) ? [personsFile] : [])];
  if (opts.actorsFile) sources.push(opts.actorsFile);

  for (const file of sources) {
    const raw = readFileSync(file, 'utf8');
    hash.update(file === opts.actorsFile ? 'user:' : '').update(raw);
    let data: { actors?: ActorEntry[] | Record<string, Omit<ActorEntry, 'id'>>; persons?: PersonEntry[] };
    try {
      data = JSON.parse(raw);
    } catch (err) {
      throw new Error(`dictionary ${file}: malformed JSON (${(err as Error).message})`);
    }
    const list = Array.isArray(data.actors)
      ? data.actors
      : Object.entries(data.actors ?? {}).map(([id, a]) => ({ id, ...a }) as ActorEntry);
    for (const a of list) {
      if (!a.id || !a.kind) throw new Error(`dictionary ${file}: every actor needs "id" and "kind"`);
      const prev = actors.get(a.id);
      actors.set(a.id, prev ? mergeEntry(prev, a) : { ...a, label: a.label ?? a.id });
    }
    for (const p of data.persons ?? []) {
      const prev = persons.get(p.id);
      persons.set(p.id, prev ? { ...prev, ...p, aliases: uniq([...prev.aliases, ...(p.aliases ?? [])]) } : { ...p, aliases: p.aliases ?? [], roles: p.roles ?? [] });
    }
  }

  const agentsPath = join(dir, 'agents.json');
  const agents: Agents = existsSync(agentsPath)
    ? readJson<Agents>(agentsPath)
    : { sectors: {}, titles: [], media_words: [] };
  hash.update(JSON.stringify(agents));

  const proper = newNode();
  const generic = newNode();
  for (const a of actors.values()) {
    for (const alias of [a.label, ...(a.aliases ?? [])]) {
      // Lower-case aliases in the gold-style lists ("rebels") are contextual, not names.
      if (/^\p{Ll}/u.test(alias) && !alias.startsWith('the ')) insert(generic, phraseKeys(alias).map((k) => k.toLowerCase()), { kind: 'generic', id: a.id });
      else if (alias.startsWith('the ') && /^the \p{Ll}/u.test(alias)) insert(generic, phraseKeys(alias).map((k) => k.toLowerCase()), { kind: 'generic', id: a.id });
      else insert(proper, phraseKeys(alias), { kind: 'alias', id: a.id });
    }
    for (const d of a.demonyms ?? []) insert(proper, phraseKeys(d), { kind: 'demonym', id: a.id });
    for (const m of a.metonyms ?? []) insert(proper, phraseKeys(m), { kind: 'metonym', id: a.id });
    for (const g of a.generic ?? []) insert(generic, phraseKeys(g).map((k) => k.toLowerCase()), { kind: 'generic', id: a.id });
  }
  for (const p of persons.values()) {
    for (const alias of uniq([p.label, ...p.aliases])) insert(proper, phraseKeys(alias), { kind: 'person', id: p.id });
  }
  const placesPath = join(dir, 'places.json');
  if (existsSync(placesPath)) {
    const places = readJson<{ places: string[] }>(placesPath);
    hash.update(JSON.stringify(places));
    for (const name of places.places ?? []) insert(proper, phraseKeys(name), { kind: 'place', id: name });
  }

  const sectors = new Map<string, string>();
  for (const [sector, words] of Object.entries(agents.sectors ?? {})) {
    for (const w of words) sectors.set(w.toLowerCase(), sector);
  }
  const titles = newNode();
  for (const t of agents.titles ?? []) insert(titles, tokenize(t).map((x) => x.l), { kind: 'alias', id: t.toLowerCase() });
  const mediaWords = newNode();
  for (const t of agents.media_words ?? []) insert(mediaWords, tokenize(t).map((x) => x.l), { kind: 'alias', id: 'media' });

  const descriptors = new Set((agents.descriptors ?? []).map((w) => w.toLowerCase()));
  const attributiveHeads = new Set((agents.attributiveHeads ?? []).map((w) => w.toLowerCase()));

  return { actors, persons, sectors, titles, mediaWords, descriptors, attributiveHeads, proper, generic, version: hash.digest('hex').slice(0, 16) };
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function mergeEntry(prev: ActorEntry, next: ActorEntry): ActorEntry {
  return {
    ...prev,
    ...next,
    aliases: uniq([...(prev.aliases ?? []), ...(next.aliases ?? [])]),
    demonyms: uniq([...(prev.demonyms ?? []), ...(next.demonyms ?? [])]),
    metonyms: uniq([...(prev.metonyms ?? []), ...(next.metonyms ?? [])]),
    generic: uniq([...(prev.generic ?? []), ...(next.generic ?? [])]),
  };
}

/**
 * The actor's affiliation on a date: the role in force then. Without a date, the latest role among
 * those whose actor (or its home country) the article names, else the latest role.
 */
export function affiliationAt(p: PersonEntry, date: string | null, prefer?: ReadonlySet<string>, dict?: Dictionary): PersonRole | undefined {
  if (!p.roles.length) return undefined;
  if (date) {
    const inForce = p.roles.filter((r) => (!r.from || r.from <= date) && (!r.to || r.to >= date));
    if (inForce.length) return inForce[0];
  }
  const latest = (rs: PersonRole[]) => [...rs].sort((a, b) => ((b.from ?? '') < (a.from ?? '') ? -1 : 1))[0];
  if (prefer) {
    const named = p.roles.filter((r) => prefer.has(r.actor) || (dict && prefer.has(dict.actors.get(r.actor)?.country ?? '')));
    if (named.length) return latest(named);
  }
  return latest(p.roles);
}

/** The role of a known person that fits an affiliation the text gives ("Yemen's Saleh" → his Yemeni faction), if any. */
export function roleWithin(p: PersonEntry, org: string, date: string | null, dict: Dictionary): PersonRole | undefined {
  const fits = p.roles.filter((r) => r.actor === org || dict.actors.get(r.actor)?.country === org || dict.actors.get(r.actor)?.memberOf === org);
  if (!fits.length) return undefined;
  return affiliationAt({ ...p, roles: fits }, date);
}

export function actorRecord(dict: Dictionary, id: string): ActorRecord | undefined {
  const a = dict.actors.get(id);
  if (!a) return undefined;
  const r: ActorRecord = { id, label: a.label, kind: a.kind, aliases: uniq([...(a.aliases ?? []), ...(a.demonyms ?? []), ...(a.metonyms ?? [])]) };
  if (a.iso3) r.iso3 = a.iso3;
  if (a.memberOf) r.memberOf = a.memberOf;
  return r;
}
