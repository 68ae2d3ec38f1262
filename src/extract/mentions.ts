import { affiliationAt, longestMatch, roleWithin, type Dictionary, type Term } from './dictionary.js';
import { isCapitalized, type Token } from './tokenize.js';
import { triggersAt, type Lexicon } from './lexicon.js';

/** An actor mention inside one sentence, by token range. */
export interface Mention {
  i: number;
  j: number;
  /** Actor-level id: the person's affiliation for persons (or the person id when unknown). */
  actor: string;
  person?: string;
  via: string;
  /** The alias or pattern text that matched. */
  matched: string;
  sector?: string;
  /** Named as the place of an event ("talks in Damascus"), not as a party. */
  place?: boolean;
  /** A news medium: reports, is never a party. */
  media?: boolean;
  /** Part of a modifier ("pro-Moscow separatists", "Chinese-made drones", "Tripoli-based"): names no party. */
  modifier?: boolean;
  pronoun?: boolean;
  /** Demonym used as a plain adjective ("Syrian territory"): weak, only used where a rule asks for it. */
  weak?: boolean;
}

/** A person met in the article so far. */
export interface PersonInfo {
  id: string;
  label: string;
  memberOf?: string;
  title?: string;
}

/** What the article has told us so far: persons, their surnames, and the last actors seen, for coreference. */
export class ArticleContext {
  persons = new Map<string, PersonInfo>();
  surnames = new Map<string, string>();
  lastPerson: Mention | null = null;
  /** Sentence number, and per person: mentions so far and the sentence last named in, for pronoun salience. */
  sentence = 0;
  /** Persons referred to in each sentence, in order (pronouns resolved), for pronoun resolution. */
  sentencePersons = new Map<number, Mention[]>();
  notePerson(m: Mention): void {
    const list = this.sentencePersons.get(this.sentence) ?? [];
    list.push(m);
    this.sentencePersons.set(this.sentence, list);
    this.sentencePersons.delete(this.sentence - 4);
  }
  lastActor: Mention | null = null;
  /** The last state or organisation named, which "it"/"its" refer to (plural groups take "they"). */
  lastState: Mention | null = null;
  /** The sentence lastState was named in. */
  lastStateAt = -1;
  /** The last coordinated pair or list of parties ("Afghan and American forces"), and its sentence: what "they" may mean. */
  lastGroup: Mention[] | null = null;
  lastGroupAt = -1;
  /** The state the article is about, for contextual words ("the regime", "rebels"). */
  focus: string | null = null;
  /** Actors mentioned anywhere in the article (non-place), to prefer when a person has several roles. */
  present = new Set<string>();
  /** How often each state is named in the article (first pass), for contextual words. */
  stateCounts = new Map<string, number>();
  /** Distinct actors named most recently, newest last, for "the two nations". */
  recent: Mention[] = [];
  /** The two parties of the last symmetric relation ("met", "talks between"): what "the two sides" usually means. */
  lastPair: [Mention, Mention] | null = null;
  /** The parties of the last asserted talks or meeting, and the sentence they were in. */
  lastTalks: { pair: [Mention, Mention]; sentence: number } | null = null;
  discovered = new Map<string, { id: string; label: string; kind: string; memberOf?: string }>();

  constructor(
    readonly date: string | null,
    /** The relation lexicon: which words are relation nouns, compound heads and triggers. */
    readonly lex: Lexicon,
  ) {}

  /** An actor the dictionaries do not know, found in the text; kept as a node of its own. */
  discover(id: string, label: string, kind: string, memberOf?: string): string {
    if (!this.discovered.has(id)) this.discovered.set(id, { id, label, kind, ...(memberOf ? { memberOf } : {}) });
    return id;
  }

  addPerson(p: PersonInfo, nameTokens: string[]): void {
    const prev = this.persons.get(p.id);
    this.persons.set(p.id, { ...prev, ...p, memberOf: prev?.memberOf ?? p.memberOf });
    const last = nameTokens[nameTokens.length - 1];
    if (last && last.length > 2) this.surnames.set(last, p.id);
    // "de Mistura" / "al-Assad": the particle-less surname alone also refers back.
    if (nameTokens.length >= 2) {
      const tail = nameTokens.slice(-2).join(' ');
      this.surnames.set(tail, p.id);
    }
  }
}

const PRONOUNS_PERSON = new Set(['he', 'she', 'him', 'his', 'her']);
const PRONOUNS_IT = new Set(['it', 'its']);
const PRONOUNS_THEY = new Set(['they', 'their', 'them']);
const PLACE_PREPS = new Set(['in', 'at', 'near', 'across', 'throughout', 'inside', 'outside', 'around', 'from', 'to', 'into', 'via', 'towards', 'toward']);
const NAME_PARTICLES = new Set(['al', 'el', 'de', 'del', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'abu', 'abd', 'ben', 'la', 'le', 'bint']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'top', 'senior', 'former', 'then', 'new', 'deputy', 'acting', 'chief', 'main', 'key', 'special', 'veteran', 'powerful', 'visiting', 'interim', 'outgoing', 'incoming']);
/** Capitalised words that start sentences or name dates, never part of a person's name. */
const NOT_NAMES = new Set(['on', 'in', 'at', 'the', 'a', 'an', 'but', 'and', 'for', 'from', 'with', 'after', 'before', 'when', 'while', 'as', 'if', 'since', 'by', 'last', 'next', 'this', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'mr', 'mrs', 'ms']);
const GOVERNMENT_KINDS = new Set(['unity', 'interim', 'transitional', 'national', 'federal', 'central', 'elected', 'recognised', 'recognized', 'legitimate', 'caretaker', 'provisional', 'coalition']);
const EVENT_NOUNS = new Set(['talks', 'summit', 'meeting', 'meetings', 'conference', 'process', 'agreement', 'agreements', 'accord', 'accords', 'deal', 'ceasefire', 'truce', 'negotiations', 'format', 'declaration', 'protocol', 'memorandum', 'communique', 'round']);

/** Words that may sit before a title inside a person pattern, when a title follows. */
const TITLE_MODIFIERS = new Set(['former', 'ousted', 'exiled', 'late', 'slain', 'jailed', 'detained', 'imprisoned', 'deposed', 'elected', 'current', 'military', 'army', 'opposition', 'rebel', 'humanitarian', 'foreign', 'top', 'senior', 'chief', 'deputy', 'veteran', 'retired', 'prominent', 'leading', 'influential', 'conservative', 'liberal', 'socialist', 'nationalist', 'communist', 'hardline', 'moderate', 'reformist', 'pro-western', 'pro-russian']);

function titleWithin(dict: Dictionary, tokens: Token[], k: number, max: number): boolean {
  for (let x = k; x < Math.min(tokens.length, k + max); x++) {
    if (longestMatch(dict.titles, tokens, x, (t) => t.l)) return true;
    if (!(DETERMINERS.has(tokens[x]!.l) || TITLE_MODIFIERS.has(tokens[x]!.l) || dict.sectors.has(tokens[x]!.l))) return false;
  }
  return false;
}

/** Nouns after a demonym that make it a mention of the country's people or state rather than an attribute. */
const PEOPLE_NOUNS = new Set(['people', 'nation', 'state', 'side', 'proposal', 'plan', 'initiative', 'efforts', 'presence', 'embassy', 'role', 'position', 'demands', 'delegation']);

/** Head words that end an organisation's name, and the kind of actor each suggests. */
const ORG_HEADS: Record<string, string> = {
  front: 'armed-group', army: 'armed-group', brigade: 'armed-group', brigades: 'armed-group', militia: 'armed-group', battalion: 'armed-group', battalions: 'armed-group', corps: 'armed-group', forces: 'armed-group', guard: 'armed-group', guards: 'armed-group', legion: 'armed-group', mujahideen: 'armed-group',
  movement: 'political-group', party: 'political-group', alliance: 'political-group', congress: 'political-group', council: 'political-group', coalition: 'political-group', union: 'political-group', league: 'political-group', federation: 'political-group', assembly: 'political-group', committee: 'political-group', bloc: 'political-group',
  organisation: 'group', organization: 'group', agency: 'group', commission: 'group', authority: 'group', institute: 'group', foundation: 'group', association: 'group', network: 'group', society: 'group', centre: 'group', center: 'group', group: 'group',
};
const ORG_LINKS = new Set(['of', 'for', 'and', 'the', 'de', 'al', '-']);

/**
 * "the Azawad Liberation Front", "Democratic Forces for the Liberation of Rwanda": two or more
 * capitalised words ending in an organisation head (or linked to one by "for"/"of"), not a known actor.
 */
function discoverOrganisation(tokens: Token[], i: number, dict: Dictionary, ctx: ArticleContext): Mention | null {
  let k = i;
  let head = -1;
  while (k < tokens.length && k - i < 8) {
    const t = tokens[k]!;
    if (isCapitalized(t.t) && /^\p{L}/u.test(t.t)) {
      if (ORG_HEADS[t.l] && k > i) head = k;
      k++;
    } else if (ORG_LINKS.has(t.l) && k > i && isCapitalized(tokens[k + 1]?.t ?? '')) k++;
    else break;
  }
  // End at the last capitalised word, which may follow the head ("Forces for the Liberation of Rwanda").
  let end = k;
  while (end > i && !isCapitalized(tokens[end - 1]!.t)) end--;
  if (head < 0 || end - i < 2) return null;
  // Sentence-initial words and dictionary names inside are not enough: at least one part must be unknown.
  const name = span(tokens, i, end);
  const id = slug(name);
  if (dict.actors.has(id)) return null;
  const kind = ORG_HEADS[tokens[head]!.l]!;
  // A known country inside the name is its home, kept as a hint in the label only: it is its own actor.
  ctx.discover(id, name, kind);
  return { i, j: end, actor: id, via: 'discovered', matched: name };
}

/** "-Harari" in "al-Harari", "-moon" in "Ki-moon": a hyphen joined on both sides to a name part. */
function joinedNamePart(tokens: Token[], k: number): boolean {
  const dash = tokens[k];
  const next = tokens[k + 1];
  return !!dash && dash.t === '-' && !dash.sp && !!next && !next.sp && /^\p{L}[\p{L}\p{M}'’]*$/u.test(next.t) && (isCapitalized(next.t) || NAME_PARTICLES.has(tokens[k - 1]?.l ?? '') || isCapitalized(tokens[k - 1]?.t ?? ''));
}

function isNameToken(t: Token | undefined): boolean {
  return !!t && isCapitalized(t.t) && /^[\p{L}][\p{L}\p{M}'’.]*$/u.test(t.t) && t.t.length > 1;
}

export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Finds actor mentions in one sentence. Order of precedence: title+name person
 * patterns, dictionary names (longest match), demonym+agent phrases, known
 * surnames, contextual generics, then pronouns and role nouns resolved against
 * the article context.
 */
export function findMentions(tokens: Token[], dict: Dictionary, ctx: ArticleContext, opts: { focusPass?: boolean } = {}): Mention[] {
  const out: Mention[] = [];
  if (!opts.focusPass) ctx.sentence++;
  const n = tokens.length;
  let i = 0;
  while (i < n) {
    // "the two nations", "both sides": the last two actors named.
    const pair = opts.focusPass ? 0 : pairReference(tokens, i);
    const two = ctx.lastPair ?? (ctx.recent.length >= 2 ? (ctx.recent.slice(-2) as [Mention, Mention]) : null);
    if (pair && two) {
      const [a, b] = two;
      for (const m of [a, b]) out.push({ ...m, i, j: i + pair, via: 'pair-reference', matched: span(tokens, i, i + pair), pronoun: true });
      i += pair;
      continue;
    }
    // "they" right after a coordinated subject ("A and B said they …"): both of them.
    if (!opts.focusPass && PRONOUNS_THEY.has(tokens[i]!.l) && ctx.lastGroup && ctx.lastGroupAt >= ctx.sentence - 1) {
      for (const g of ctx.lastGroup) out.push({ ...g, i, j: i + 1, via: 'pronoun-group', matched: tokens[i]!.t, pronoun: true });
      i++;
      continue;
    }
    const m = matchAt(tokens, i, dict, ctx, opts.focusPass ?? false, out[out.length - 1]?.j ?? -1);
    // A place name that contains an actor's name ("the West Bank"): skipped whole, no actor.
    if (m?.via === 'place-name') {
      i = m.j;
      continue;
    }
    if (m) {
      const prev = out[out.length - 1];
      // A coordinated pair of parties: "A and B", "A, B and C".
      if (!opts.focusPass && prev && !prev.pronoun && !m.pronoun && !prev.place && !m.place && !prev.media && !m.media && (tokens[prev.j]?.l === 'and' || tokens[prev.j]?.t === ',') && (m.i === prev.j + 1 || tokens.slice(prev.j + 1, m.i).every((t) => t.l === 'the' || dict.descriptors.has(t.l))) && prev.actor !== m.actor) {
        const inGroup = ctx.lastGroupAt === ctx.sentence && ctx.lastGroup?.includes(prev);
        ctx.lastGroup = inGroup ? [...ctx.lastGroup!, m] : [prev, m];
        ctx.lastGroupAt = ctx.sentence;
      }
      out.push(m);
      if (!opts.focusPass) remember(ctx, m, dict);
      i = m.j;
    } else i++;
  }
  // "the National Liberation Army (ELN)": a bracketed acronym restates the name, so the two are one mention
  for (let x = 0; x + 1 < out.length; x++) {
    const a = out[x]!;
    const b = out[x + 1]!;
    if (a.actor === b.actor && !a.pronoun && !b.pronoun && tokens[a.j]?.t === '(' && b.i === a.j + 1 && tokens[b.j]?.t === ')') {
      a.j = b.j + 1;
      a.matched = span(tokens, a.i, a.j);
      out.splice(x + 1, 1);
    }
  }
  markPlaces(tokens, out, dict, ctx.lex);
  governmentsIn(tokens, out, dict, ctx.lex);
  ownedAgents(tokens, out, dict);
  // "Afghan and American forces": a bare demonym shares the agent noun of its conjunct.
  for (let x = 0; x + 1 < out.length; x++) {
    const a = out[x]!;
    const b = out[x + 1]!;
    if (a.via === 'demonym' && b.sector && b.via === 'agent' && tokens[a.j]?.l === 'and' && b.i === a.j + 1) {
      a.sector = b.sector;
      a.via = 'agent';
      delete a.weak;
    }
  }
  // "met his Iranian counterpart": a possessive pronoun before another mention only determines it.
  for (let x = 0; x + 1 < out.length; x++) {
    const a = out[x]!;
    if (a.pronoun && /^(his|her|its|their)$/.test(tokens[a.i]!.l) && out[x + 1]!.i === a.j && !out[x + 1]!.pronoun) a.modifier = true;
  }
  // "the Afghan wing of Islamic State": a demonym describing a part of another actor is no party.
  for (const m of out) {
    if (m.via === 'demonym' && m.weak && tokens[m.j + 1]?.l === 'of' && out.some((o) => o.i === m.j + 2)) m.modifier = true;
    // "thousands of Yemenis protested": a crowd of a country's people is not its government
    if (m.via === 'demonym' && tokens[m.i - 1]?.l === 'of' && /^(thousands|hundreds|dozens|millions|tens|scores)$/.test(tokens[m.i - 2]?.l ?? '')) m.modifier = true;
  }
  markDescriptions(tokens, out, dict);
  markModifiers(tokens, out, ctx.lex.compounds);
  if (!opts.focusPass) {
    namesWithAppositiveRoles(tokens, out, dict, ctx);
    headsOfPlacesVisited(out, dict, ctx);
    resolveAppositions(tokens, out, ctx);
    // A medium's reporters report, as the medium does.
    for (const m of out) if (m.person && dict.actors.get(m.actor)?.kind === 'media') m.media = true;
  }
  return out;
}

/**
 * "Uwe Corsepius, current secretary-general of the European Union council", "Dmitry Gudkov, the sole
 * member of Russia's parliament", "a German politician, Karl-Georg Wellmann,": a name no dictionary
 * knows, next to a role, is a person of the role's organisation.
 */
function namesWithAppositiveRoles(tokens: Token[], out: Mention[], dict: Dictionary, ctx: ArticleContext): void {
  const covered = new Uint8Array(tokens.length);
  for (const m of out) for (let k = m.i; k < m.j; k++) covered[k] = 1;
  const roleAfter = (e: number): string | undefined => {
    if (tokens[e]?.t !== ',') return undefined;
    let x = e + 1;
    while (x < tokens.length && (DETERMINERS.has(tokens[x]!.l) || TITLE_MODIFIERS.has(tokens[x]!.l) || /^(sole|only|current|longtime|long-time)$/.test(tokens[x]!.l))) x++;
    const first = out.find((m) => m.i >= e + 1 && m.i <= x && !m.pronoun);
    // ", Russia's envoy", ", a Saudi general": the role starts with its organisation.
    if (first && (first.via === 'role' || first.via === 'agent' || first.via === 'demonym') && !first.person && dict.actors.get(first.actor)?.kind !== 'media') return first.actor;
    const title = longestMatch(dict.titles, tokens, x, (t) => t.l) ?? (/^(member|head|leader|chief|official)$/.test(tokens[x]?.l ?? '') ? { end: x + 1 } : null);
    if (!title) return undefined;
    const stop = tokens.findIndex((t, y) => y > title.end && (t.t === ',' || t.t === ';'));
    // "the commander of NATO forces", "a spokesman for the eastern NOC", "an aide to President X".
    const org = out.find((m) => m.i >= e + 1 && (stop < 0 || m.i < stop) && m.i <= title.end + 4 && !m.pronoun && !m.media && (m.i >= title.end || m.person));
    return org?.actor;
  };
  // Known names with no affiliation yet ("General Scott Miller, the commander of NATO forces").
  for (const m of out) {
    if (!m.person || m.actor !== m.person || m.pronoun) continue;
    const actor = roleAfter(m.j);
    if (actor && actor !== m.person) {
      m.actor = actor;
      ctx.addPerson({ id: m.person, label: ctx.persons.get(m.person)?.label ?? m.matched, memberOf: actor }, m.matched.split(/\s+/));
      const p = ctx.persons.get(m.person);
      if (p) p.memberOf = actor;
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    if (covered[k] || !isNameToken(tokens[k])) continue;
    let e = k;
    while (e < tokens.length && !covered[e] && e - k < 5) {
      if (e > k && joinedNamePart(tokens, e)) e += 2;
      else if (isNameToken(tokens[e]) || (NAME_PARTICLES.has(tokens[e]!.l) && (isNameToken(tokens[e + 1]) || joinedNamePart(tokens, e + 1)))) e++;
      else break;
    }
    if (e - k < 2 || tokens.slice(k, e).some((t) => NOT_NAMES.has(t.l))) {
      k = e;
      continue;
    }
    let actor = roleAfter(e);
    // Before the name: "a conservative German politician, X".
    if (!actor && tokens[k - 1]?.t === ',') {
      const role = out.find((m) => m.j === k - 1 && m.via === 'role' && !m.person);
      if (role) actor = role.actor;
    }
    if (actor) {
      const name = span(tokens, k, e);
      const pid = ctx.surnames.get(name) ?? slug(name);
      ctx.addPerson({ id: pid, label: name, memberOf: actor }, name.split(/\s+/));
      out.push({ i: k, j: e, actor, person: pid, via: 'appositive-name', matched: name });
      for (let x = k; x < e; x++) covered[x] = 1;
    }
    k = e;
  }
  out.sort((a, b) => a.i - b.i);
}

const NAMED_PERSON = new Set(['title-name', 'person-dictionary', 'surname', 'possessive-name', 'appositive-name']);

/** "Adel al-Jubeir, the Saudi foreign minister," / "Yemen's former president, Ali Abdullah Saleh,": the role is the named person. */
function resolveAppositions(tokens: Token[], mentions: Mention[], ctx: ArticleContext): void {
  for (let x = 0; x + 1 < mentions.length; x++) {
    const a = mentions[x]!;
    const b = mentions[x + 1]!;
    if (b.i - a.j > 2 || tokens[a.j]?.t !== ',' || (b.i - a.j === 2 && tokens[a.j + 1]?.l !== 'the')) continue;
    const [role, named] = a.via === 'role' && NAMED_PERSON.has(b.via) ? [a, b] : b.via === 'role' && NAMED_PERSON.has(a.via) ? [b, a] : [null, null];
    if (!role || !named?.person) continue;
    role.person = named.person;
    role.actor = named.actor;
    if (named === b) ctx.lastPerson = named;
  }
}

/**
 * "pro-Moscow separatists", "Chinese-made drones", "India-flagged tanker", "Russian-speaking": an actor
 * name inside a hyphenated modifier describes something else and is not a party to the sentence.
 */
/**
 * "military aid", "the militant group Hamas", "the paramilitary Rapid Support Forces": a bare agent word
 * used as an adjective, before a noun of the lexicon, a descriptor or a name, is no agent.
 */
function attributive(tokens: Token[], i: number, dict: Dictionary, ctx: ArticleContext): boolean {
  const next = tokens[i + 1];
  if (!next || next.t === '-') return false;
  return dict.descriptors.has(next.l) || dict.attributiveHeads.has(next.l) || ctx.lex.nouns.has(next.l) || /^\p{Lu}/u.test(next.t) || startsNounPhrase(tokens, i, ctx.lex);
}

/** "military exercises", "military aid": the word opens one of the lexicon's noun phrases. */
function startsNounPhrase(tokens: Token[], i: number, lex: Lexicon): boolean {
  let n = lex.triggers.next.get(tokens[i]!.l);
  for (let k = i + 1; k < tokens.length && n; k++) {
    n = n.next.get(tokens[k]!.l);
    if (n?.hits.some((h) => h.role === 'actionNoun' || h.role === 'agentNoun')) return true;
  }
  return false;
}

/**
 * "the ADF rebels", "Tuareg militants": a name no dictionary knows qualifies the generic word, so the
 * phrase is some other group, never the known group a bare "rebels" would stand for.
 */
function namedByUnknown(tokens: Token[], i: number, prevEnd: number): boolean {
  const prev = tokens[i - 1];
  if (!prev || !/^\p{Lu}/u.test(prev.t) || i - 1 === 0 || DETERMINERS.has(prev.l)) return false;
  // a name already read as a mention ends where this word starts; an unknown one was left unread
  return prevEnd !== i;
}

/**
 * "the junta in Bamako", "the authorities in Tripoli", "the new rulers in Mali": a word for a government
 * followed by "in" and a country or its capital is that country's government, whatever state the article
 * is about; the name after "in" is no place then, and no second mention.
 */
function governmentsIn(tokens: Token[], out: Mention[], dict: Dictionary, lex: Lexicon): void {
  for (let x = 0; x + 1 < out.length; x++) {
    const m = out[x]!;
    const n = out[x + 1]!;
    if (m.person || m.pronoun || (m.via !== 'generic' && m.via !== 'agent-focus') || m.sector !== 'government' && !/\b(junta|regime|government|authorities)$/i.test(m.matched)) continue;
    if (tokens[m.j]?.l !== 'in' || n.i !== m.j + 1 || n.person || (n.via !== 'metonym' && n.via !== 'alias') || dict.actors.get(n.actor)?.kind !== 'state') continue;
    // "the UN-backed government in Tripoli" names a government of its own, not the state's
    if (dict.actors.get(m.actor)?.kind !== 'state' || (tokens[m.i - 2]?.t === '-' && lex.compounds.has(tokens[m.i - 1]?.l ?? ''))) continue;
    m.actor = n.actor;
    m.j = n.j;
    m.matched = `${m.matched} in ${n.matched}`;
    out.splice(x + 1, 1);
  }
}

/**
 * "travelled to Eritrea for talks with President Isaias Afwerki": a head of state or government no
 * dictionary knows, named with a bare title after a country that the sentence names as a place, leads it.
 */
function headsOfPlacesVisited(out: Mention[], dict: Dictionary, ctx: ArticleContext): void {
  for (const m of out) {
    if (!m.person || m.actor !== m.person || m.pronoun || m.via !== 'title-name' || dict.persons.has(m.person)) continue;
    if (!/^(president|prime minister|premier|king|emir|sultan|crown prince|chancellor)\s/i.test(m.matched)) continue;
    const place = [...out].reverse().find((o) => o.j <= m.i && o.place && dict.actors.get(o.actor)?.kind === 'state');
    if (!place) continue;
    m.actor = place.actor;
    const p = ctx.persons.get(m.person);
    if (p) p.memberOf = place.actor;
  }
}

/**
 * "the Lebanese group Hezbollah", "the Syrian Kurdish YPG": a weak demonym followed only by descriptors
 * and then a named organisation describes that organisation and is no party of its own.
 */
function markDescriptions(tokens: Token[], mentions: Mention[], dict: Dictionary): void {
  for (let x = 0; x + 1 < mentions.length; x++) {
    const m = mentions[x]!;
    if (m.via !== 'demonym' || !m.weak) continue;
    // "Japanese car maker Mitsubishi Motors", "Russian energy giant Gazprom": a few common nouns and then a
    // name no dictionary knows describe that name (a firm, a village), not the state.
    let c = m.j;
    while (c < m.j + 3 && c < tokens.length && /^\p{Ll}[\p{Ll}-]*$/u.test(tokens[c]!.t) && !NOT_NAMES.has(tokens[c]!.l) && tokens[c]!.l !== 'of') c++;
    if (c > m.j && c < tokens.length && /^\p{Lu}\p{Ll}/u.test(tokens[c]!.t) && !mentions.some((o) => o.i <= c && c < o.j)) {
      m.modifier = true;
      continue;
    }
    const n = mentions[x + 1]!;
    if (n.via !== 'alias' || n.person || dict.actors.get(n.actor)?.kind === 'state') continue;
    let k = m.j;
    while (k < n.i && dict.descriptors.has(tokens[k]!.l)) k++;
    if (k === n.i) m.modifier = true;
  }
}

function markModifiers(tokens: Token[], mentions: Mention[], compounds: ReadonlySet<string>): void {
  for (const m of mentions) {
    if (m.person || m.pronoun) continue;
    const before = tokens[m.i - 1];
    if (before?.t === '-' && !before.sp && tokens[m.i - 2]?.l === 'pro' && !tokens[m.i - 2]!.sp) m.modifier = true;
    const dash = tokens[m.j];
    const head = tokens[m.j + 1];
    if (dash?.t === '-' && !dash.sp && head && !head.sp && /^\p{Ll}/u.test(head.t) && !compounds.has(head.l)) m.modifier = true;
  }
}

function pairReference(tokens: Token[], i: number): number {
  const w0 = tokens[i]?.l;
  const w1 = tokens[i + 1]?.l;
  const w2 = tokens[i + 2]?.l;
  const noun = /^(nations|countries|sides|states|governments|capitals|leaders|neighbours|neighbors)$/;
  if (w0 === 'the' && w1 === 'two' && w2 && noun.test(w2)) return 3;
  if (w0 === 'both' && w1 && noun.test(w1)) return 2;
  return 0;
}

/**
 * Who "he"/"she" is: the first person named in this sentence before the pronoun (usually its subject),
 * else the first person of the nearest sentence before that names one (centering: the topic carries on),
 * else the last named.
 */
function salientPerson(ctx: ArticleContext): Mention {
  const here = ctx.sentencePersons.get(ctx.sentence);
  if (here?.length) return here[0]!;
  for (let back = 1; back <= 3; back++) {
    const before = ctx.sentencePersons.get(ctx.sentence - back);
    if (before?.length) return before[0]!;
  }
  return ctx.lastPerson!;
}

/** Coreference memory: the last person and the last organisation or state named. */
function remember(ctx: ArticleContext, m: Mention, dict: Dictionary): void {
  if (m.media || m.place || m.modifier) return;
  if (m.person) {
    if (!m.pronoun) ctx.lastPerson = m;
    ctx.notePerson(m);
    return;
  }
  if (m.pronoun) return;
  // "The United States condemned the Chinese actions and reaffirmed its commitment": an adjective later in the
  // sentence is a worse antecedent than the actor named as such before it.
  if (m.weak && ctx.lastState && !ctx.lastState.weak && ctx.lastStateAt === ctx.sentence) return;
  ctx.recent = [...ctx.recent.filter((r) => r.actor !== m.actor), m].slice(-4);
  const kind = dict.actors.get(m.actor)?.kind;
  if (kind && kind !== 'person') ctx.lastActor = { ...m, sector: undefined } as Mention;
  if (kind && m.via !== 'generic' && m.via !== 'agent-focus' && kind !== 'person') {
    ctx.lastState = { ...m, sector: undefined } as Mention;
    ctx.lastStateAt = ctx.sentence;
  }
}

function properKey(t: Token): string {
  return t.l === 'the' ? 'the' : t.t;
}

/**
 * Whether any rule of matchAt could start at this token. Most tokens are lower-case words no trie
 * starts with; skipping them up front is what keeps extraction at megabytes per second.
 */
function mayStart(tok: Token, dict: Dictionary): boolean {
  if (isCapitalized(tok.t)) return true;
  let words = startWords.get(dict);
  if (!words) {
    words = new Set<string>([...dict.proper.next.keys(), ...[...dict.proper.next.keys()].map((k) => k.toLowerCase()), ...dict.titles.next.keys(), ...dict.generic.next.keys(), ...dict.sectors.keys(), ...DETERMINERS, ...TITLE_MODIFIERS, ...PRONOUNS_PERSON, ...PRONOUNS_IT, ...PRONOUNS_THEY]);
    startWords.set(dict, words);
  }
  return words.has(tok.l) || words.has(tok.t);
}

const startWords = new WeakMap<Dictionary, Set<string>>();

/** `prevEnd`: where the sentence's last mention so far ends (-1: none). */
function matchAt(tokens: Token[], i: number, dict: Dictionary, ctx: ArticleContext, focusPass: boolean, prevEnd = -1): Mention | null {
  const tok = tokens[i]!;
  if (!mayStart(tok, dict)) return null;

  // 1. Person with a title: [Country|Demonym|Org ('s)?] [titles] Name Name …
  const titled = focusPass ? null : matchTitledPerson(tokens, i, dict, ctx);
  if (titled) return titled;

  // 2. Dictionary names.
  const hit = longestMatch(dict.proper, tokens, i, properKey);
  if (hit) {
    const term = pickTerm(hit.terms);
    const text = span(tokens, i, hit.end);
    if (term.kind === 'place') return { i, j: hit.end, actor: '', via: 'place-name', matched: text };
    if (term.kind === 'person') return personMention(tokens, i, hit.end, term.id, dict, ctx, 'person-dictionary');
    const entry = dict.actors.get(term.id);
    const kind = entry?.kind ?? 'other';
    if (term.kind === 'demonym') {
      // Demonym + media word: "Syrian daily Al-Watan", "a Japanese TV station" — a reporter, not the state.
      const media = longestMatch(dict.mediaWords, tokens, hit.end, (t) => t.l);
      if (media) {
        let end = media.end;
        while (end < tokens.length && isNameToken(tokens[end])) end++;
        return { i, j: end, actor: term.id, via: 'media', matched: span(tokens, i, end), media: true };
      }
      // Demonym + agent/sector word: "Syrian troops", "Iranian officials", "Russian foreign ministry".
      let k = hit.end;
      const words: string[] = [];
      while (k < tokens.length && k < hit.end + 3) {
        const w = tokens[k]!.l;
        if (dict.sectors.has(w) || (words.length < 2 && /^(foreign|defence|defense|interior|air|armed|security|special|naval|state|government|military)$/.test(w))) {
          words.push(w);
          k++;
        } else break;
      }
      // "Venezuelan opposition leader": the leader of the opposition, not of the state.
      const side = words.find((w) => /^(rebels|opposition|militants|insurgents|separatists)$/.test(dict.sectors.get(w) ?? ''));
      const lastSector = side ?? [...words].reverse().find((w) => dict.sectors.has(w));
      if (lastSector) {
        const sector = dict.sectors.get(lastSector)!;
        const end = hit.end + words.lastIndexOf(lastSector) + 1;
        // "Kenyan rebels" with no Kenyan group on file: a discovered group of that country, not the state.
        // "Kurdish militants": the fighters named after a group that is no state are that group
        const ownFighters = !!entry && entry.kind !== 'state' && ARMED_SECTORS.has(sector);
        const actor = ownFighters ? term.id : sideActor(dict, ctx, term.id, sector);
        // "the Syrian leader", "the Iranian official": a role naming a person met earlier.
        const role = roleReference(ctx, actor, lastSector, dict);
        return { i, j: end, actor, ...(role ? { person: role } : {}), via: role ? 'role' : 'agent', matched: span(tokens, i, end), sector };
      }
      const title = longestMatch(dict.titles, tokens, hit.end, (t) => t.l);
      if (title && !isNameToken(tokens[title.end])) {
        const role = roleReference(ctx, term.id, tokens[title.end - 1]!.l, dict);
        return { i, j: title.end, actor: term.id, ...(role ? { person: role } : {}), via: 'role', matched: span(tokens, i, title.end) };
      }
      const next = tokens[hit.end];
      const weak = !(next && (PEOPLE_NOUNS.has(next.l) || !/^\p{L}/u.test(next.t) || next.l === 'and' || ctx.lex.nouns.has(next.l)));
      return { i, j: hit.end, actor: term.id, via: 'demonym', matched: text, ...(weak ? { weak: true } : {}) };
    }
    if (kind === 'media') return { i, j: hit.end, actor: term.id, via: 'media', matched: text, media: true };
    // "US forces", "UN troops": a name and its agents, one mention with a sector.
    if ((kind === 'state' || kind === 'igo') && term.kind === 'alias') {
      // "EU foreign ministers", "US special forces": one office word may come first.
      const at = /^(foreign|defence|defense|interior|finance|security|special|armed|naval|air|government)$/.test(tokens[hit.end]?.l ?? '') && dict.sectors.has(tokens[hit.end + 1]?.l ?? '') ? hit.end + 1 : hit.end;
      const sector = dict.sectors.get(tokens[at]?.l ?? '');
      if (sector && /^\p{Ll}/u.test(tokens[at]!.t) && /^\p{Ll}/u.test(tokens[hit.end]!.t) && (sector === 'military' || sector === 'government' || sector === 'diplomats' || sector === 'police')) {
        return { i, j: at + 1, actor: term.id, via: 'agent', matched: span(tokens, i, at + 1), sector };
      }
    }
    // "TTP militants", "Hamas gunmen": a group's name before a word for its fighters is one mention, or the
    // word would start a mention of its own and resolve to whichever group the article is about.
    if (kind !== 'state' && kind !== 'igo' && kind !== 'person' && term.kind === 'alias') {
      const sector = dict.sectors.get(tokens[hit.end]?.l ?? '');
      if (sector && /^\p{Ll}/u.test(tokens[hit.end]!.t) && (sector === 'military' || sector === 'militants' || sector === 'rebels' || sector === 'insurgents' || sector === 'separatists')) {
        return { i, j: hit.end + 1, actor: term.id, via: 'alias', matched: span(tokens, i, hit.end + 1) };
      }
    }
    // "Ukraine's forces", "Syria's government": the possessor's own agents, one mention with a sector.
    if (tokens[hit.end]?.l === "'s" && (kind === 'state' || kind === 'armed-group')) {
      const w = tokens[hit.end + 1]?.l ?? '';
      const sector = dict.sectors.get(w);
      if (sector && sector !== 'rebels' && sector !== 'opposition' && sector !== 'separatists' && sector !== 'insurgents') {
        return { i, j: hit.end + 2, actor: term.id, via: 'agent', matched: span(tokens, i, hit.end + 2), sector };
      }
      // "Venezuela's opposition (leaders)": the state's opposition, as "Venezuelan opposition" is
      if (sector && !focusPass && kind === 'state' && /^(opposition|separatists|insurgents)$/.test(sector)) {
        let end = hit.end + 2;
        while (end < tokens.length && /^\p{Ll}/u.test(tokens[end]!.t) && dict.sectors.has(tokens[end]!.l)) end++;
        return { i, j: end, actor: sideActor(dict, ctx, term.id, sector), via: 'agent', matched: span(tokens, i, end), sector };
      }
    }
    return { i, j: hit.end, actor: term.id, via: term.kind === 'metonym' ? 'metonym' : 'alias', matched: text };
  }

  // 3. A surname of a person already met in this article ("Lavrov", "De Mistura").
  if (isCapitalized(tok.t)) {
    const two = i + 1 < tokens.length ? `${tok.t} ${tokens[i + 1]!.t}` : '';
    const pid = (two && ctx.surnames.get(two)) || ctx.surnames.get(tok.t);
    if (pid) {
      const end = two && ctx.surnames.get(two) ? i + 2 : i + 1;
      return personMention(tokens, i, end, pid, dict, ctx, 'surname');
    }
    // "Iran's Larijani": a country's name + 's + an unknown capitalised name is a person of that country.
  }

  // 3b. An organisation no dictionary knows, named by its head word ("the Azawad Liberation Front").
  if (!focusPass && isCapitalized(tok.t) && !DETERMINERS.has(tok.l) && !/^(this|that|these|those|in|on|at|for|as|by|but|and|after|before|when|while|if|under|with|from)$/.test(tok.l)) {
    const org = discoverOrganisation(tokens, i, dict, ctx);
    if (org) return org;
  }

  // 4. Contextual generics ("rebels", "the regime", "government forces").
  const g = namedByUnknown(tokens, i, prevEnd) ? null : longestMatch(dict.generic, tokens, i, (t) => t.l);
  if (g) {
    const actor = resolveGeneric(g.terms, dict, ctx);
    if (actor) return { i, j: g.end, actor, via: 'generic', matched: span(tokens, i, g.end) };
  }
  // A bare sector word stands for the article's state ("the government", "troops") or its rebels.
  if (!focusPass && ctx.focus) {
    const sector = dict.sectors.get(tok.l);
    // "the new rulers", "the military junta": an adjective between the article and the word
    const prev = /^(new|military|ruling|current|interim|incoming|outgoing)$/.test(tokens[i - 1]?.l ?? '') && tokens[i - 2]?.l === 'the' ? 'the' : tokens[i - 1]?.l;
    // "the UN-backed government", "a unity government": a government named by what backs or forms it.
    const qualified = sector === 'government' && !!prev && ((tokens[i - 2]?.t === '-' && ctx.lex.compounds.has(prev)) || GOVERNMENT_KINDS.has(prev));
    // "a military operation", "an army base": after an indefinite article the word is an adjective.
    // "Army and RSF agree to talks": a headline or a sentence may start with the word capitalised.
    const lower = /^\p{Ll}/u.test(tok.t) || ((i === 0 || /^[:"“‘]$/.test(tokens[i - 1]!.t)) && /^\p{Lu}\p{Ll}+$/u.test(tok.t));
    if (sector && lower && prev !== 'a' && prev !== 'an' && !attributive(tokens, i, dict, ctx) && !namedByUnknown(tokens, i, prevEnd) && (qualified || prev === 'the' || prev === 'his' || prev === 'its' || prev === 'their' || sector === 'military' || sector === 'rebels' || sector === 'opposition' || sector === 'militants')) {
      // A bare "rebels" is the focus state's known group or nobody: the article may be about another country's war.
      const actor = sectorActor(dict, ctx, ctx.focus, sector);
      if (actor && sector !== 'diplomats' && !(sector === 'government' && !qualified && prev !== 'the' && prev !== 'its' && tokens[i + 1]?.l !== 'forces' && tokens[i + 1]?.l !== 'troops')) {
        return { i, j: i + 1, actor, via: 'agent-focus', matched: tok.t, sector };
      }
    }
  }

  // 5. Pronouns, and "the group" for the organisation named last ("Israel vowed to keep striking the group").
  if (!focusPass && tok.l === 'the' && /^(group|movement|militia|organisation|organization)$/.test(tokens[i + 1]?.l ?? '') && !/^(of|\p{Lu})/u.test(tokens[i + 2]?.t ?? '')) {
    const org = [...ctx.recent].reverse().find((r) => /^(armed-group|political-group|group)$/.test(dict.actors.get(r.actor)?.kind ?? ''));
    if (org) return { ...org, i, j: i + 2, via: 'pronoun', matched: span(tokens, i, i + 2), pronoun: true };
  }
  if (!focusPass) {
    const l = tok.l;
    // "his government", "its army": the possessor's actor, as one mention.
    const nextSector = dict.sectors.get(tokens[i + 1]?.l ?? '');
    if (nextSector && (l === 'his' || l === 'her') && ctx.lastPerson) {
      return { i, j: i + 2, actor: salientPerson(ctx).actor, via: 'agent-pronoun', matched: span(tokens, i, i + 2), sector: nextSector };
    }
    if (nextSector && l === 'its' && ctx.lastState) {
      return { i, j: i + 2, actor: ctx.lastState.actor, via: 'agent-pronoun', matched: span(tokens, i, i + 2), sector: nextSector };
    }
    if (PRONOUNS_PERSON.has(l) && ctx.lastPerson) {
      const p = salientPerson(ctx);
      // "his Russian allies": the demonym after a possessive is the ally, not the pronoun.
      return { ...p, i, j: i + 1, via: 'pronoun', matched: tok.t, pronoun: true };
    }
    const it = ctx.lastState ?? ctx.lastActor;
    if (PRONOUNS_IT.has(l) && it && !tokens[i + 1]?.l.match(/^(is|was|'s|would|will)$/)) {
      return { ...it, i, j: i + 1, via: 'pronoun', matched: tok.t, pronoun: true };
    }
    if (PRONOUNS_THEY.has(l) && ctx.lastActor && !(ctx.lastGroup && ctx.lastGroupAt >= ctx.sentence - 1)) {
      return { ...ctx.lastActor, i, j: i + 1, via: 'pronoun', matched: tok.t, pronoun: true };
    }
  }
  return null;
}


function pickTerm(terms: Term[]): Term {
  const order: Record<string, number> = { person: 0, alias: 1, metonym: 2, demonym: 3, generic: 4, place: 5 };
  return [...terms].sort((a, b) => (order[a.kind] ?? 9) - (order[b.kind] ?? 9))[0]!;
}

function span(tokens: Token[], i: number, j: number): string {
  let s = '';
  for (let k = i; k < j; k++) s += (k > i && tokens[k]!.sp ? ' ' : '') + tokens[k]!.t;
  return s;
}

/** A state's side (its opposition, rebels …): the group on file, else one discovered for the article. */
function sideActor(dict: Dictionary, ctx: ArticleContext, country: string, sector: string): string {
  const label = `${dict.actors.get(country)?.label ?? country} ${sector}`;
  return sectorActor(dict, ctx, country, sector) ?? ctx.discover(`${country}-${sector}`, label, sector === 'opposition' ? 'political-group' : 'armed-group');
}

/** "Syrian rebels" → Syria's rebel group; "Syrian troops" → Syria. */
function sectorActor(dict: Dictionary, ctx: ArticleContext, country: string, sector: string): string | null {
  if (sector === 'rebels' || sector === 'opposition' || sector === 'militants' || sector === 'insurgents' || sector === 'separatists') {
    for (const a of dict.actors.values()) {
      if (a.country === country && a.id !== country && (a.generic ?? []).some((g) => g.toLowerCase().includes(sector === 'opposition' ? 'opposition' : sector.replace(/s$/, '')))) return a.id;
    }
    for (const a of dict.actors.values()) {
      if (a.country === country && a.id !== country && a.kind === 'armed-group' && (a.generic ?? []).length) return a.id;
    }
    // A state's rebels are not the state: with no group on file, "the rebels" names nobody we know.
    return null;
  }
  return country;
}

/**
 * A contextual word ("rebels", "separatists") names the group of the article's focus state, else of
 * another state the article names, most-named first; an article about neither says nothing by it.
 */
function resolveGeneric(terms: Term[], dict: Dictionary, ctx: ArticleContext): string | null {
  const homeOf = (t: Term) => {
    const a = dict.actors.get(t.id);
    return a?.country ?? (a?.kind === 'state' ? a.id : undefined);
  };
  for (const t of terms) {
    const home = homeOf(t);
    if (!home || home === ctx.focus) return t.id;
  }
  let best: { id: string; n: number } | null = null;
  for (const t of terms) {
    const n = ctx.stateCounts.get(homeOf(t)!) ?? 0;
    if (n > 0 && (!best || n > best.n)) best = { id: t.id, n };
  }
  return best?.id ?? null;
}

function roleReference(ctx: ArticleContext, actor: string, word: string, dict: Dictionary): string | undefined {
  const sector = dict.sectors.get(word);
  if (sector !== 'government' && sector !== 'diplomats' && !/^(leader|president|official|counterpart|minister|envoy|speaker|premier|king|chancellor)$/.test(word)) return undefined;
  let found: string | undefined;
  for (const p of ctx.persons.values()) if (p.memberOf === actor) found = p.id;
  return found;
}

function personMention(tokens: Token[], i: number, j: number, pid: string, dict: Dictionary, ctx: ArticleContext, via: string): Mention {
  const known = ctx.persons.get(pid);
  let memberOf = known?.memberOf;
  const entry = dict.persons.get(pid);
  if (entry) {
    if (!memberOf) memberOf = affiliationAt(entry, ctx.date, ctx.present, dict)?.actor;
    // Registered in the first pass too, so a headline's bare surname finds the person the story names in full.
    if (!known) ctx.addPerson({ id: pid, label: entry.label, ...(memberOf ? { memberOf } : {}) }, entry.label.split(/[\s-]+/));
  }
  return { i, j, actor: memberOf ?? pid, person: pid, via, matched: span(tokens, i, j) };
}

/**
 * "Russian Foreign Minister Sergei Lavrov", "UN envoy to Syria Staffan de Mistura",
 * "Syria's President Bashar al-Assad", "Save the Children Syria Director Sonia Khush",
 * "President Vladimir Putin", "Iran's Larijani".
 */
function matchTitledPerson(tokens: Token[], i: number, dict: Dictionary, ctx: ArticleContext, medium?: string): Mention | null {
  let k = i;
  let org: string | undefined = medium;
  // Optional affiliation prefix.
  const hit = medium ? null : longestMatch(dict.proper, tokens, k, properKey);
  if (hit) {
    const term = pickTerm(hit.terms);
    if (term.kind === 'person' || term.kind === 'place') return null;
    // "Al Jazeera's Mohamed Vall": a reporter of the medium, who reports and is never a party.
    if (dict.actors.get(term.id)?.kind === 'media') {
      if (tokens[hit.end]?.l !== "'s") return null;
      const m = matchTitledPerson(tokens, hit.end + 1, dict, ctx, term.id);
      // A first and last name: "the BBC's Today" is a programme, not a person.
      return m && (m.via === 'title-name' || /\s/.test(m.matched.slice(m.matched.indexOf("'s") + 3))) ? { ...m, i, media: true } : null;
    }
    org = term.id;
    k = hit.end;
    if (tokens[k]?.l === "'s") k++;
    // "Save the Children Syria Director": a country name after an org is the posting, not the affiliation.
    const again = longestMatch(dict.proper, tokens, k, properKey);
    if (again && tokens[k - 1]?.l !== "'s") k = again.end;
  }
  const start = k;
  // Title words, possibly with "to Syria" / "for Yemen" inside ("UN envoy to Syria").
  // An alias may already end in a title ("UN envoy"): it still opens a person pattern.
  let sawTitle = !!hit && hit.end - 1 > i && !!longestMatch(dict.titles, tokens, hit.end - 1, (x) => x.l);
  while (k < tokens.length) {
    const t = longestMatch(dict.titles, tokens, k, (x) => x.l);
    if (t) {
      sawTitle = true;
      k = t.end;
      continue;
    }
    if (DETERMINERS.has(tokens[k]!.l) && !sawTitle && !org) {
      k++;
      continue;
    }
    // "Ukrainian military pilot X", "Yemen's former president, X", "Russian opposition politician X".
    if ((DETERMINERS.has(tokens[k]!.l) || TITLE_MODIFIERS.has(tokens[k]!.l) || dict.sectors.has(tokens[k]!.l)) && /^\p{Ll}/u.test(tokens[k]!.t) && titleWithin(dict, tokens, k + 1, 2)) {
      k++;
      continue;
    }
    if (sawTitle && /^(to|for|of|on)$/.test(tokens[k]!.l)) {
      const place = longestMatch(dict.proper, tokens, k + 1, properKey);
      if (place) {
        // "Foreign Minister of Nepal X" serves Nepal; "UN envoy to Syria X" is only posted there
        const term = tokens[k]!.l === 'of' ? pickTerm(place.terms) : undefined;
        if (!org && term && term.kind !== 'person' && dict.actors.get(term.id)?.kind === 'state') org = term.id;
        k = place.end;
        continue;
      }
    }
    break;
  }
  const possessiveName = !!org && (tokens[start - 1]?.l === "'s" || !!medium) && !sawTitle;
  // "the UN agency's Syria representative X": the country is the posting; the organisation before it employs X.
  if (org && hit && tokens[i - 1]?.l === "'s" && dict.actors.get(org)?.kind === 'state') {
    for (let b = i - 2; b >= Math.max(0, i - 5); b--) {
      const emp = longestMatch(dict.proper, tokens, b, properKey);
      const kind = emp ? dict.actors.get(pickTerm(emp.terms).id)?.kind : undefined;
      if (emp && emp.end <= i - 1 && (kind === 'igo' || kind === 'ngo')) {
        org = pickTerm(emp.terms).id;
        break;
      }
    }
  }
  if (!sawTitle && !possessiveName) return null;
  if (possessiveName && PLACE_PREPS.has(tokens[i - 1]?.l ?? '')) return null; // "in Germany's Hamburg"
  if (possessiveName && NOT_NAMES.has(tokens[k]?.l ?? '')) return null;
  // The name itself.
  const nameStart = k;
  while (k < tokens.length && k - nameStart < 6) {
    if (k > nameStart && joinedNamePart(tokens, k)) {
      k += 2;
      continue;
    }
    const t = tokens[k]!;
    if (isNameToken(t) || (NAME_PARTICLES.has(t.l) && (isNameToken(tokens[k + 1]) || joinedNamePart(tokens, k + 1)))) k++;
    else break;
  }
  // Trailing particle or hyphen can't end a name.
  while (k > nameStart && (NAME_PARTICLES.has(tokens[k - 1]!.l) || tokens[k - 1]!.t === '-')) k--;
  if (k === nameStart) {
    // "the UN humanitarian coordinator for Yemen", "Yemen's former president": a role of the org, no name.
    if (!sawTitle || !org || possessiveName) return null;
    const role = roleReference(ctx, org, tokens[start]?.l ?? '', dict);
    return { i, j: k, actor: org, ...(role ? { person: role } : {}), via: 'role', matched: span(tokens, i, k) };
  }
  const nameTokens = tokens.slice(nameStart, k);
  // "Iran's Speaker of Parliament" (or a misspelt "Speak of"): a word followed by "of" is a title, not a name.
  if (possessiveName && nameTokens.length === 1 && tokens[k]?.l === 'of') return null;
  // A dictionary actor is not a name ("President Assad" is; "Foreign Minister Russia" is not).
  const inner = longestMatch(dict.proper, tokens, nameStart, properKey);
  if (inner && pickTerm(inner.terms).kind !== 'person' && inner.end >= k) return null;
  const name = span(tokens, nameStart, k);
  // A known person: prefer the dictionary id (and role) over the surface form.
  const known = longestMatch(dict.proper, tokens, nameStart, properKey);
  let pid: string;
  let label = name;
  if (known && pickTerm(known.terms).kind === 'person' && known.end === k) {
    pid = pickTerm(known.terms).id;
    label = dict.persons.get(pid)?.label ?? name;
  } else {
    let sur = ctx.surnames.get(name) ?? ctx.surnames.get(nameTokens[nameTokens.length - 1]!.t);
    // "Michael Howard" is not the "John Howard" met earlier: a different first name is a different person.
    const known = sur ? ctx.persons.get(sur)?.label.split(/\s+/)[0] : undefined;
    if (sur && nameTokens.length >= 2 && known && !nameTokens.some((t) => t.t === known) && ctx.persons.get(sur)!.label.split(/\s+/).length >= 2) sur = undefined;
    pid = sur ?? slug(name);
    label = ctx.persons.get(pid)?.label ?? name;
  }
  const entry = dict.persons.get(pid);
  // For a known office holder the prefix is a nationality; the dated role says which body of it ("Yemen's Saleh").
  let memberOf = (org && entry ? roleWithin(entry, org, ctx.date, dict)?.actor : undefined) ?? org ?? ctx.persons.get(pid)?.memberOf;
  if (!memberOf && entry) memberOf = affiliationAt(entry, ctx.date, ctx.present, dict)?.actor;
  // "Venezuelan opposition leader X", "a Syrian rebel commander X": a member of the country's opposition.
  if (org && !entry && dict.actors.get(org)?.kind === 'state') {
    const side = tokens.slice(i, nameStart).map((t) => dict.sectors.get(t.l)).find((x) => !!x && /^(rebels|opposition|militants|insurgents|separatists)$/.test(x));
    if (side) memberOf = sideActor(dict, ctx, org, side);
  }
  // Sub-bodies of a state stay with the state for persons ("Russian foreign ministry spokeswoman").
  ctx.addPerson({ id: pid, label, ...(memberOf ? { memberOf } : {}) }, label.split(/[\s]+/));
  return {
    i,
    j: k,
    actor: memberOf ?? pid,
    person: pid,
    via: sawTitle ? 'title-name' : 'possessive-name',
    matched: span(tokens, i, k),
  };
}

/**
 * Agent nouns whose owner the sentence names, though the article's focus would claim them: "Eritrea, whose
 * troops …" are Eritrea's; "forces from the northern Tigray region" are the group the dictionary calls
 * "Tigray forces".
 */
function ownedAgents(tokens: Token[], mentions: Mention[], dict: Dictionary): void {
  for (const m of mentions) {
    if (m.person || m.pronoun || !m.sector || (m.via !== 'agent-focus' && m.via !== 'generic')) continue;
    if (tokens[m.i - 1]?.l === 'whose' && tokens[m.i - 2]?.t === ',') {
      const owner = mentions.find((o) => o.j === m.i - 2 && !o.pronoun && !o.place && !o.media);
      if (owner) m.actor = owner.actor;
      continue;
    }
    let k = m.j;
    if (tokens[k]?.l !== 'from') continue;
    k++;
    if (tokens[k]?.l === 'the') k++;
    // "militants from the Pakistani Taliban": fighters from a group the dictionary knows are that group's
    const group = mentions.find((o) => o.i === k && !o.person && !o.pronoun && !o.place && !o.media && o.via !== 'agent-focus' && dict.actors.get(o.actor)?.kind !== 'state');
    if (group) {
      m.actor = group.actor;
      continue;
    }
    while (/^(northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western|restive|breakaway)$/.test(tokens[k]?.l ?? '')) k++;
    const name = tokens[k]?.t ?? '';
    if (!isCapitalized(name)) continue;
    const named = dict.proper.next.get(name);
    for (const w of [tokens[m.j - 1]!.l, 'forces', 'rebels', 'fighters']) {
      const term = named?.next.get(w)?.terms.find((t) => t.kind === 'alias' && dict.actors.get(t.id)?.kind !== 'state');
      if (term) {
        m.actor = term.id;
        break;
      }
    }
  }
}

function endsTrigger(lex: Lexicon, words: string[], at: number): boolean {
  // A meeting "at"/"in" a capital names its venue ("held talks at Damascus"); other triggers take an object.
  for (let s = Math.max(0, at - 5); s < at; s++) {
    const t = triggersAt(lex, words, s);
    if (t?.end === at && t.hits.some((h) => h.type !== 'met-with')) return true;
    // "fired a ballistic missile at Saudi Arabia", "launched drones into Russia": what is fired at a country
    // is aimed at it
    if (t?.end === at - 1 && /^(at|into)$/.test(words[at - 1] ?? '') && t.hits.some((h) => h.type === 'fights' && h.role === 'actionNoun') && words.slice(Math.max(0, s - 4), s).some((x) => FIRING.has(x))) return true;
  }
  return false;
}

/** The sectors of agent nouns that are fighting forces ("troops", "militants", "rebels" …). */
export const ARMED_SECTORS: ReadonlySet<string> = new Set(['military', 'militants', 'rebels', 'insurgents', 'separatists']);

const FIRING = new Set(['fired', 'fire', 'fires', 'firing', 'launched', 'launch', 'launches', 'launching', 'lobbed', 'hurled', 'sent', 'shot']);

/** Seats of government and countries after "in/at/near" name a place, not a party. */
function markPlaces(tokens: Token[], mentions: Mention[], dict: Dictionary, lex: Lexicon): void {
  const words = tokens.map((t) => t.l);
  for (const m of mentions) {
    if (m.person || m.pronoun || m.media || m.sector) continue;
    if (m.via !== 'metonym' && m.via !== 'alias') continue;
    const kind = dict.actors.get(m.actor)?.kind;
    if (m.via === 'alias' && kind !== 'state') continue;
    const prev = tokens[m.i - 1]?.l;
    const prev2 = tokens[m.i - 2]?.l;
    // "took aim at Moscow", "fired rockets into Saudi Arabia": the preposition ends a relation trigger.
    if (prev && PLACE_PREPS.has(prev) && endsTrigger(lex, words, m.i)) continue;
    if (prev && PLACE_PREPS.has(prev) && !(prev === 'to' && m.via === 'alias' && /^(support|aid|help|assistance|arms|weapons|threat|visit|trip|ally|allies)$/.test(prev2 ?? ''))) {
      // "visit to Moscow" is still a place; "support to Syria" is not.
      if (prev === 'to' && m.via === 'alias' && prev2 !== 'visit' && prev2 !== 'trip' && prev2 !== 'travelled' && prev2 !== 'traveled' && prev2 !== 'flew' && prev2 !== 'returned') continue;
      if (prev === 'from' && m.via === 'alias') continue;
      // "received Patriot missiles from Berlin", "aid from Washington": what comes from a capital is its gift
      if (prev === 'from' && triggersAt(lex, words, m.i - 2)?.hits.some((h) => h.type === 'supports' && h.role === 'actionNoun')) continue;
      m.place = true;
    }
    // "the Astana talks", "the Geneva conference": a seat of government naming an event is its venue.
    if (m.via === 'metonym' && EVENT_NOUNS.has(tokens[m.j]?.l ?? '')) m.place = true;
    // "Sochi, Russia": a country after a place name and comma is that place's country.
    if (prev === ',' && tokens[m.i - 2] && isCapitalized(tokens[m.i - 2]!.t) && m.via === 'alias' && (tokens[m.j]?.l === 'on' || tokens[m.j]?.t === ',' || tokens[m.j]?.t === '.' || !tokens[m.j])) {
      const before = tokens[m.i - 3]?.l;
      if (before && PLACE_PREPS.has(before)) m.place = true;
    }
  }
}
