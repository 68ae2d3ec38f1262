import { exactMatch, longestMatch, type Dictionary } from './dictionary.js';
import { cueAt, triggersAt, type Lexicon, type Trigger } from './lexicon.js';
import { ARMED_SECTORS, type Mention } from './mentions.js';
import { isCapitalized, type Token } from './tokenize.js';
import { SYMMETRIC, type Modality, type RelationType } from './types.js';

/** A relation found in one sentence, before it gets its article-level evidence fields. */
export interface SentenceRelation {
  type: RelationType;
  source: Mention;
  target: Mention;
  rule: string;
  trigger: string;
  confidence: number;
  modality: Modality;
  /** Token index of the trigger, for dating and explanation. */
  at: number;
  attributedTo?: string;
}

interface Group {
  members: Mention[];
  i: number;
  j: number;
}

const BOUNDARY = new Set([';', ':', '—', '–', 'but', 'while', 'whereas', 'although', 'though', 'because', 'whose', 'despite']);
const RELATIVE = new Set(['which', 'who', 'that']);
const SPEECH = new Set(['said', 'says', 'say', 'told', 'tells', 'added', 'stated', 'announced', 'reported', 'stressed', 'emphasised', 'emphasized', 'noted', 'warned', 'insisted', 'declared', 'quoted', 'claimed']);
const FIRST_PERSON = new Set(['i', 'we', 'our', 'us', 'my']);
const DEAL_NOUNS = new Set(['ceasefire', 'cease-fire', 'truce', 'talks', 'deal', 'agreement', 'accord', 'negotiations', 'process', 'conference', 'dialogue', 'meeting', 'plan', 'reconciliation', 'summit', 'swap', 'exchange', 'initiative']);
const OBJECT_HEADS = new Set(['of', 'dozens', 'hundreds', 'thousands', 'scores', 'number', 'wing', 'branch', 'affiliate', 'affiliates', 'faction', 'factions', 'arm', 'offshoot', 'remnants', 'cells', 'cell', 'leaders', 'leader', 'officials', 'official', 'representatives', 'envoys', 'envoy', 'delegation', 'delegations', 'forces', 'troops', 'positions', 'bases', 'base', 'targets', 'members', 'fighters', 'strongholds', 'stronghold', 'government', 'president', 'minister', 'counterpart', 'counterparts', 'head', 'chief', 'heads', 'foreign', 'defence', 'defense', 'ministers', 'commanders', 'with', 'against', 'to', 'for', 'on', 'into', 'at', 'from', 'over', 'in', 'top', 'senior', 'embassy', 'regime', 'allies', 'ally', 'units', 'militants', 'rebels', 'supporters', 'barrage', 'salvo', 'volley', 'wave', 'hail', 'swarm']);
/** Verbs that carry out the act an action noun names ("launched an offensive", "imposed sanctions", "gave support"). */
const ACT_VERBS = new Set(['launched', 'launch', 'launches', 'launching', 'waged', 'wage', 'wages', 'waging', 'began', 'begin', 'begins', 'started', 'start', 'starts', 'continued', 'continue', 'continues', 'intensified', 'intensify', 'stepped', 'escalated', 'carried', 'conducted', 'conduct', 'mounted', 'mount', 'pressed', 'imposed', 'impose', 'imposes', 'imposing', 'extended', 'extend', 'extends', 'offered', 'offer', 'offers', 'gave', 'give', 'gives', 'giving', 'provided', 'provide', 'provides', 'providing', 'pledged', 'pledge', 'pledges', 'expressed', 'express', 'expresses', 'voiced', 'voice', 'sent', 'send', 'sends', 'announced', 'announce', 'announces', 'declared', 'declare', 'declares', 'renewed', 'renew', 'tightened', 'tighten', 'levelled', 'leveled', 'made', 'make', 'makes', 'issued', 'issue', 'issues', 'signed', 'held', 'hold', 'holds', 'holding', 'had', 'lent', 'lend', 'lends', 'threw', 'throw', 'delivered', 'deliver', 'supplied', 'supply', 'supplies', 'supplying', 'slapped', 'slap', 'slaps', 'deepen', 'deepened', 'deepening', 'strengthen', 'strengthened', 'expanded', 'expand', 'fired', 'fire', 'fires', 'firing', 'lobbed', 'placed', 'place', 'places', 'shipped', 'ship', 'transferred', 'transfer', 'maintained', 'maintain', 'maintains', 'increased', 'increase', 'boosted', 'boost', 'stepped-up', 'up', 'out', 'opened', 'open', 'reaffirmed', 'reaffirm', 'reiterated', 'reiterate', 'confirmed', 'confirm', 'showed', 'show', 'shows', 'agreed', 'agree', 'reached', 'reach', 'struck', 'forged', 'formed']);
/** Verbs whose object already exists: "extend sanctions", "violate the truce". */
const PRESUPPOSE = new Set(['continue', 'continued', 'continues', 'continuing', 'keep', 'pursue', 'pursued', 'extend', 'extended', 'extending', 'renew', 'renewed', 'renewing', 'maintain', 'maintained', 'lift', 'lifted', 'lifting', 'ease', 'eased', 'easing', 'tighten', 'tightened', 'expand', 'expanded', 'strengthen', 'strengthened', 'violate', 'violated', 'violating', 'breach', 'breached', 'break', 'broke', 'end', 'ended', 'ending', 'suspend', 'suspended', 'prolong', 'prolonged']);
const NOUNY_VERBS = new Set(['arms', 'funds', 'attacks', 'strikes', 'bombs', 'shells', 'targets', 'battles', 'aids', 'sanctions', 'raids', 'supplies', 'supply']);
/** Verbs of asking someone to act: the act is only asked for. */
const REQUEST = /^(urged|urge|urges|urging|asked|ask|asks|asking|pressed|press|presses|pressing|encouraged|encourage|encourages|encouraging|invited|invite|invites|inviting|told|tell|tells|persuade|persuaded|convince|convinced|begged|implored|challenged|advised)$/;
const DEMAND = new Set(['demanded', 'demands', 'demand', 'demanding', 'insisted', 'insists', 'urged', 'urges', 'asked', 'asks', 'ordered', 'orders', 'accused', 'accuses']);
const CAPTURE = new Set(['seized', 'captured', 'retook', 'recaptured']);
/** Tokens of an amount ("$2 billion in", "€500m of"): they may stand between a verb and the noun it performs. */
const AMOUNT = /^([$€£¥]|\d[\d.,]*(bn|m|k)?|million|billion|trillion|bn|worth|of|in|dollars|euros|pounds|more|than|about|some|nearly|almost|over|thousands|hundreds|dozens|tens|scores|a|an|barrage|salvo|volley|wave|series)$/i;
/** Participles that open a phrase describing the noun before them ("forces backed by X"). */
const PARTICIPLES = new Set(['backed', 'supported', 'led', 'funded', 'financed', 'armed', 'trained', 'aided', 'assisted', 'helped', 'joined', 'accompanied', 'flanked', 'bolstered', 'escorted', 'sponsored', 'equipped', 'reinforced', 'advised', 'commanded']);
/** Conjunctions opening a subordinate clause with its own subject. */
const SUBORDINATORS = new Set(['after', 'before', 'when', 'while', 'because', 'although', 'though', 'since', 'until', 'once', 'whereas', 'unless']);
/** Verbs whose "that" clause is said to be false. */
const DENY = new Set(['denied', 'denies', 'deny', 'denying', 'dismissed', 'dismisses', 'rejected', 'rejects', 'refuted', 'refutes']);
const CLAIM_VERBS = new Set(['claimed', 'claims', 'claim', 'claiming']);
const HELP = new Set(['help', 'helps', 'helped', 'helping', 'assist', 'assisted', 'aided', 'enabled', 'backed']);
const HOLDER_OF = new Set(['support', 'backing', 'help', 'aid', 'assistance', 'mediation', 'auspices', 'solidarity', 'funding', 'endorsement']);
const OPEN_QUOTE = new Set(['"', '“', "'", '‘']);

const TARGET_PREPS: Record<RelationType, Set<string>> = {
  'allies-with': new Set(['with', 'between', 'among']),
  supports: new Set(['for', 'to', 'with']),
  'met-with': new Set(['with', 'between', 'at']),
  'negotiates-with': new Set(['with', 'between', 'among']),
  'mediated-by': new Set(['between']),
  opposes: new Set(['against', 'on', 'of', 'to', 'over']),
  // 'at', 'into': "fired dozens of rockets into northern Israel"
  fights: new Set(['against', 'on', 'with', 'of', 'between', 'at', 'into']),
};

/** Words that may sit between a trigger and its object without breaking the link. */
function skippable(w: string): boolean {
  // counts ("killed 12 TTP militants") and compass words ("fired rockets at northern Israel") too
  return /^(the|a|an|its|their|his|her|our|all|any|some|several|various|other|many|both|main|key|top|also|further|more|most|new|local|armed|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|and|,|fellow|allied|remaining|beleaguered|so-called|"|“|”|'|’|\d[\d,]*|northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|southeastern|southwestern)$/.test(w);
}

export class SentenceRelations {
  private words: string[];
  private groups: Group[] = [];
  private groupAt: Int32Array;
  private clauseStart: Int32Array;
  private sayer: Mention | null = null;
  private helpedBy = new Map<number, Group>();
  out: SentenceRelation[] = [];

  constructor(
    private tokens: Token[],
    private mentions: Mention[],
    private dict: Dictionary,
    private lex: Lexicon,
  ) {
    this.words = tokens.map((t) => t.l);
    this.groupAt = new Int32Array(tokens.length).fill(-1);
    this.clauseStart = new Int32Array(tokens.length);
    this.buildGroups();
    this.buildClauses();
    this.findSayer();
  }

  private party(m: Mention): boolean {
    return !m.place && !m.media && !m.modifier;
  }

  /** Coordinated mentions ("Turkey and Russia", "The US, Britain and France") form one argument. */
  private buildGroups(): void {
    const ms = this.mentions.filter((m) => this.party(m));
    let cur: Group | null = null;
    for (const m of ms) {
      if (cur) {
        const between = this.words.slice(cur.j, m.i);
        // "Sudan's army and the paramilitary Rapid Support Forces": a descriptor of the next conjunct still coordinates.
        const plain = between.length > 0 && between.length <= 4 && between.every((w) => w === ',' || w === 'and' || w === 'or' || w === 'as' || w === 'well' || w === 'the' || w === '&' || this.dict.descriptors.has(w)) && (between.includes('and') || between.includes(',') || between.includes('or'));
        // "The Syrian regime and key ally Russia": an agent noun inside the conjunction still coordinates.
        const titled = between[0] === 'and' && between.length <= 4 && between.slice(1).every((w) => /^(key|main|close|closest|staunch|its|his|their|the|ally|allies|partner|partners|supporter|backer|allied|,)$/.test(w));
        // "the insurgents of the Taliban": a generic word and the name it belongs to are one argument.
        const last = cur.members[cur.members.length - 1]!;
        if (last.actor === m.actor && between.length <= 2 && between[0] === 'of' && (between.length === 1 || between[1] === 'the')) {
          cur.j = m.j;
          continue;
        }
        // "the two nations" resolves to two mentions on one span: they are one argument.
        const samespan = m.i === cur.i && m.j === cur.j;
        const joined = plain || titled || samespan;
        // "A, B and C" but not "A, which …": a comma alone only joins when an "and" closes the list later.
        // A comma with no "and" joins only when the list goes on to an "and" ("A, B and C"), not in "Iran, the Syria ceasefire".
        if (joined && (titled || samespan || between.includes('and') || between.includes('or') || this.listContinues(m.j))) {
          cur.members.push(m);
          cur.j = m.j;
          continue;
        }
      }
      cur = { members: [m], i: m.i, j: m.j };
      this.groups.push(cur);
    }
    this.groups.forEach((g, gi) => {
      for (let k = g.i; k < g.j; k++) this.groupAt[k] = gi;
    });
  }

  private listContinues(from: number): boolean {
    for (let k = from; k < Math.min(this.words.length, from + 8); k++) {
      const w = this.words[k]!;
      if (w === 'and' || w === 'or') return true;
      if (w !== ',' && this.groupAt[k] === -1 && !this.mentions.some((m) => m.i === k)) return false;
    }
    return false;
  }

  private buildClauses(): void {
    let start = 0;
    for (let k = 0; k < this.tokens.length; k++) {
      const t = this.tokens[k]!;
      if (BOUNDARY.has(t.l) || (t.t === '-' && t.sp && this.tokens[k + 1]?.sp !== false)) start = k + 1;
      // "told the AP that …", "said that …": the reported clause has its own subject.
      if (t.l === 'that' && this.speechBefore(k)) start = k + 1;
      this.clauseStart[k] = start;
    }
  }

  private speechBefore(k: number): boolean {
    for (let x = k - 1; x >= Math.max(0, k - 6); x--) if (SPEECH.has(this.words[x]!) || /^(warned|warns|believes|believed|thinks|hopes|hoped|fears|feared|knows|knew|suggested|argued|insists)$/.test(this.words[x]!)) return true;
    return false;
  }

  /** Who speaks in this sentence: "X said", "said X", "according to X". */
  private findSayer(): void {
    for (let k = 0; k < this.words.length; k++) {
      const w = this.words[k]!;
      if (SPEECH.has(w)) {
        const left = this.groupEndingNear(k, 4);
        if (left) return void (this.sayer = left.members[0]!);
        // A news medium reports: it is the source of the claim, never a party to it.
        const medium = this.mentions.find((m) => m.media && m.j <= k && m.j >= k - 2);
        if (medium) return void (this.sayer = medium);
        // "said X" names the speaker; "said that X …" starts the reported clause.
        const right = this.words[k + 1] === 'that' ? undefined : this.groups.find((g) => g.i > k && g.i <= k + 2);
        if (right) return void (this.sayer = right.members[0]!);
      }
      if (w === 'according' && this.words[k + 1] === 'to') {
        const g = this.groups.find((x) => x.i > k + 1 && x.i <= k + 4);
        if (g) return void (this.sayer = g.members[0]!);
        const m = this.mentions.find((x) => x.i > k + 1 && x.i <= k + 4);
        if (m) return void (this.sayer = m);
      }
    }
  }

  private groupEndingNear(k: number, max: number): Group | null {
    for (let x = k - 1; x >= Math.max(0, k - max); x--) {
      const gi = this.groupAt[x]!;
      if (gi >= 0) return this.groups[gi]!;
      if (!/^(has|have|had|also|later|earlier|then|was|is|were|,|quoted|as|reportedly|previously|recently|on|in|a|statement)$/.test(this.words[x]!)) return null;
    }
    return null;
  }

  /** The argument to the left of a trigger within its clause: the nearest group, through "X, which …". */
  private leftGroup(p: number, floor = this.clauseStart[p] ?? 0): Group | null {
    for (let k = p - 1; k >= floor; k--) {
      const w = this.words[k]!;
      // Past a relative clause or an appositive noun phrase to its head, whether the phrase closes right
      // before the verb or earlier: "Saleh, who was accused of …, was later defiant", "Iran, another key
      // backer of Assad, condemned …", "Poland, a staunch ally of Kyiv, has sent tanks".
      if (w === ',') {
        const head = this.relativeHeadBefore(k, floor) ?? this.appositiveHeadBefore(k, floor) ?? this.asideHeadBefore(k, floor);
        if (head) return head;
      }
      // "… held drills after the island's president visited the US": the subordinate clause has a subject
      // of its own that is no actor we know; the main clause's subject is not it.
      if (SUBORDINATORS.has(w) && k < p - 1) return null;
      if (RELATIVE.has(w) && this.words[k - 1] === ',' && this.groupAt[k - 2]! >= 0) return this.groups[this.groupAt[k - 2]!]!;
      if (RELATIVE.has(w) && this.groupAt[k - 1]! >= 0) return this.groups[this.groupAt[k - 1]!]!;
      // "the countries that are supporting …": the relative's head is no actor we know.
      if (RELATIVE.has(w) && k < p - 1) return null;
      const gi = this.groupAt[k]!;
      if (gi >= 0) return this.participleHead(this.groups[gi]!, floor) ?? this.holderOfAct(this.groups[gi]!, floor) ?? this.groups[gi]!;
      if (FIRST_PERSON.has(w) && this.sayer) return { members: [this.sayer], i: k, j: k + 1 };
    }
    // A relative clause may start its own clause: look past the boundary for "X, which".
    const cs = this.clauseStart[p] ?? 0;
    if (floor === cs && cs > 0 && RELATIVE.has(this.words[cs] ?? '')) return this.leftGroup(cs, 0);
    return null;
  }

  /**
   * "Kurdish forces backed by the coalition captured …", "Iraqi forces, supported by militias, retook …":
   * the agent of a participle phrase is not the subject; the noun the phrase describes is.
   */
  private participleHead(g: Group, floor: number): Group | null {
    const by = /^(the|a|an)$/.test(this.words[g.i - 1] ?? '') ? g.i - 2 : g.i - 1;
    // "Syrian rebels allied with Ankara", "militias loyal to Tehran": the phrase describes the noun before it.
    const loyal = /^(with|to)$/.test(this.words[by] ?? '') && /^(allied|aligned|loyal|linked|affiliated|close)$/.test(this.words[by - 1] ?? '');
    if (!loyal && (this.words[by] !== 'by' || !PARTICIPLES.has(this.words[by - 1] ?? ''))) return null;
    const k = this.words[by - 2] === ',' ? by - 3 : by - 2;
    if (k < floor) return null;
    const gi = this.groupAt[k] ?? -1;
    return gi >= 0 ? this.groups[gi]! : null;
  }

  /**
   * "Turkey's purchase of Russian missiles angered Washington", "the United States' support for Taiwan
   * angered Beijing": an actor in a phrase after its holder's act noun is not the subject; the holder is.
   * (A noun for the actor's own people keeps it: "the leader of Hamas met …".)
   */
  private holderOfAct(g: Group, floor: number): Group | null {
    const w = this.words;
    const prep = /^(the|a|an)$/.test(w[g.i - 1] ?? '') ? g.i - 2 : g.i - 1;
    if (!/^(for|to|of|on|against|with|into|over)$/.test(w[prep] ?? '')) return null;
    const head = w[prep - 1] ?? '';
    if (!/^\p{Ll}/u.test(this.tokens[prep - 1]?.t ?? '') || OBJECT_HEADS.has(head) || this.groupAt[prep - 1]! >= 0) return null;
    // the act noun and up to two words before it ("arms sales", "military support"), then the possessive
    for (let k = prep - 1; k >= Math.max(floor, prep - 3); k--) {
      if (w[k] === "'s") {
        const gi = this.groupAt[k - 1] ?? -1;
        return gi >= 0 ? this.groups[gi]! : null;
      }
      if (this.groupAt[k]! >= 0 || w[k] === ',' || !/^\p{Ll}/u.test(this.tokens[k]?.t ?? '')) return null;
    }
    return null;
  }

  /** "<verb> a travel ban imposed by X", "<verb> the decision of X": X, within a short noun phrase. */
  private authorOfObject(q: number): Group | null {
    // "headed back into his path from X": a trigger followed by a preposition is an adverb, with no object
    if (/^(into|to|from|in|on|at|with|onto|out|off|up|down|away)$/.test(this.words[q] ?? '')) return null;
    for (let k = q; k < Math.min(this.words.length, q + 9); k++) {
      const w = this.words[k]!;
      if (this.groupAt[k]! >= 0 || BOUNDARY.has(w) || RELATIVE.has(w) || w === ',' || w === '.' || w === 'that') return null;
      if (/^(by|of|from)$/.test(w) && k > q) {
        // "drills by the United States and South Korea"
        const at = this.words[k + 1] === 'the' ? k + 2 : k + 1;
        const gi = this.groupAt[at] ?? -1;
        const g = gi >= 0 && this.groups[gi]!.i === at ? this.groups[gi]! : null;
        // "the killing of its general by the United States": the one the act befell is no author; one may follow
        if (g && w === 'of' && g.members.every((m) => m.pronoun)) {
          k = g.j;
          continue;
        }
        // "a celebration of American democracy": a demonym before a noun describes it, it wrote nothing
        if (g && g.members.every((m) => m.via === 'demonym') && /^\p{Ll}/u.test(this.tokens[g.j]?.t ?? '')) return null;
        return g;
      }
    }
    return null;
  }

  /** For a comma closing "X, the/another/a … NOUN …," at k: the group X, when the middle starts like a noun phrase. */
  private appositiveHeadBefore(k: number, floor: number): Group | null {
    for (let r = k - 1; r > floor; r--) {
      if (this.words[r] !== ',') continue;
      // "Turkey, Azerbaijan's closest ally, backed Baku": an appositive may open on a possessor
      const owner = this.groupAt[r + 1] ?? -1;
      const possessive = owner >= 0 && this.words[this.groups[owner]!.j] === "'s";
      if (!possessive && !/^(the|a|an|another|its|his|her|their|one|both|also)$/.test(this.words[r + 1] ?? '')) return null;
      const gi = this.groupAt[r - 1] ?? -1;
      return gi >= 0 ? this.groups[gi]! : null;
    }
    return null;
  }

  /**
   * For a comma closing a prepositional aside at k ("The Somali government, with the backing of African Union
   * troops, retook …"): the group before the aside, which is the subject; the aside's actors are not.
   */
  private asideHeadBefore(k: number, floor: number): Group | null {
    for (let r = k - 1; r > floor; r--) {
      const w = this.words[r]!;
      if (w === '.' || BOUNDARY.has(w)) return null;
      if (w !== ',') continue;
      if (!/^(with|without|amid|despite|alongside|under|along)$/.test(this.words[r + 1] ?? '')) return null;
      const gi = this.groupAt[r - 1] ?? -1;
      return gi >= 0 ? this.groups[gi]! : null;
    }
    return null;
  }

  /** For a comma closing "X, who …," at k: the group X. */
  private relativeHeadBefore(k: number, floor: number): Group | null {
    for (let r = k - 1; r > floor; r--) {
      if (this.words[r] === ',' && RELATIVE.has(this.words[r + 1] ?? '') && this.words[r + 1] !== 'that') {
        const gi = this.groupAt[r - 1] ?? -1;
        return gi >= 0 ? this.groups[gi]! : null;
      }
      if (this.words[r] === ',') return null;
    }
    return null;
  }

  /** The argument to the right of a trigger: the first group within `limit` words of skippable filler. */
  private rightGroup(q: number, limit = 6, strict = true, others = 2): Group | null {
    let filler = 0;
    let compound: Group | null = null;
    let other = 0;
    for (let k = q; k < this.tokens.length && filler <= limit; k++) {
      const gi = this.groupAt[k]!;
      if (gi >= 0 && this.groups[gi]!.i === k) {
        const g = this.groups[gi]!;
        // "toppled UN-backed President Hadi": the compound's actor modifies the head, which is the object.
        if (this.tokens[g.j]?.t === '-' && !this.tokens[g.j]!.sp && this.lex.compounds.has(this.words[g.j + 1] ?? '')) {
          // …unless no actor heads it: "supports the U.N.-led process" is about the UN.
          compound ??= g;
          k = g.j + 1;
          continue;
        }
        return g;
      }
      const w = this.words[k]!;
      if (w === 'that' && k === q) continue;
      // "condemned what it called Turkish interference": the naming clause is not the object.
      if (w === 'what' && k === q && /^(it|he|she|they)$/.test(this.words[k + 1] ?? '') && /^(called|described|termed|saw|sees|considers|considered)$/.test(this.words[k + 2] ?? '')) {
        k += this.words[k + 3] === 'as' ? 3 : 2;
        continue;
      }
      // The end of a quotation: what follows is its attribution, not an object.
      if (/^["”’]$/.test(this.tokens[k]!.t) && (this.words[k + 1] === ',' || this.words[k - 1] === ',')) return compound;
      if (BOUNDARY.has(w) || RELATIVE.has(w) || w === '.' || (this.tokens[k]!.t === '-' && this.tokens[k]!.sp)) return compound;
      // Between a verb and its object only a head noun may stand ("met the leaders of Iran", "struck Hezbollah positions").
      // "Aleppo's rebels", "Azawadi rebels": a possessor or a name modifying the object.
      const possessor = w === "'s" || this.words[k + 1] === "'s" || (isCapitalized(this.tokens[k]!.t) && (this.groupAt[k + 1] ?? -1) >= 0) || this.mentions.some((m) => m.modifier && m.i <= k && k < m.j);
      const title = longestMatch(this.dict.titles, this.tokens, k, (t) => t.l);
      const head = OBJECT_HEADS.has(w) || !!title;
      // "clashed with the paramilitary Rapid Support Forces": words describing the named object.
      const described = this.dict.descriptors.has(w);
      if (strict && !skippable(w) && !possessor && !described && (!head || (others > 0 && ++other > others))) return compound;
      if (FIRST_PERSON.has(w) && this.sayer && k === q) return { members: [this.sayer], i: k, j: k + 1 };
      filler++;
      // "meets with Deputy Prime Minister and …": a title of several words is one head
      if (title && !possessor) k = title.end - 1;
    }
    return compound;
  }

  private score: boolean | null = null;

  private hasScore(): boolean {
    if (this.score === null) {
      const t = this.tokens;
      // a score names its sides ("defeated Australia 2-1", "beat Maleeva 4-6 6-4") or its result ("their
      // 18-17 defeat"); a bare "10-15" (a range of casualties) is no score
      this.score = t.some(
        (x, k) =>
          k + 2 < t.length && /^\d{1,2}$/.test(x.t) && /^[-–]$/.test(t[k + 1]!.t) && !t[k + 1]!.sp && /^\d{1,2}$/.test(t[k + 2]!.t) && !t[k + 2]!.sp &&
          (this.mentions.some((m) => m.j === k) || (k > 0 && /^\p{Lu}\p{Ll}/u.test(t[k - 1]!.t)) || /^(win|wins|victory|defeat|draw|loss|lead|triumph|half-time|aggregate|scoreline)$/.test(t[k + 3]?.l ?? '')),
      );
    }
    return this.score;
  }

  /** Comma-delimited relative clauses (", which … ,") as [opening comma, closing comma], found once. */
  private relativeSpans: Array<[number, number]> | null = null;

  /** Whether k lies in a comma-delimited relative clause that closes before p. */
  private insideRelative(k: number, p: number): boolean {
    if (!this.relativeSpans) {
      this.relativeSpans = [];
      const w = this.words;
      for (let r = 0; r < w.length; r++) {
        if (w[r] !== ',' || !RELATIVE.has(w[r + 1] ?? '')) continue;
        const c = w.indexOf(',', r + 1);
        if (c > r) this.relativeSpans.push([r, c]);
      }
    }
    for (const [open, close] of this.relativeSpans) if (open < k && k < close && close < p) return true;
    return false;
  }

  private modality(from: number, p: number, q: number): Modality {
    let found: Modality = 'asserted';
    let at = -1;
    for (const m of ['negated', 'planned', 'hypothetical'] as const) {
      for (let k = Math.max(0, from); k < p; k++) {
        // "The M23, which is not a party to the deal, is holding talks": the relative clause's own negation.
        if (this.insideRelative(k, p)) continue;
        const end = cueAt(this.lex.modality[m], this.words, k);
        if (end > 0 && end <= p && k > at) {
          found = m;
          at = k;
        }
      }
    }
    // "If Russia attacks Ukraine, …": a conditional clause opened before the subject holds the trigger.
    if (found === 'asserted') {
      for (let k = Math.min(from, p) - 1; k >= 0; k--) {
        const x = this.words[k]!;
        if (x === ',' || x === '.' || BOUNDARY.has(x)) break;
        if (x === 'if' || x === 'unless') return 'hypothetical';
      }
    }
    // Right after the trigger: "talks failed", "meeting did not take place".
    for (let k = q; k < Math.min(this.words.length, q + 3); k++) {
      // ("agreed not to use force": the agreement stands, what it rules out is the infinitive)
      if (/^(not|n't|never)$/.test(this.words[k]!) && this.words[k + 1] !== 'to') return 'negated';
    }
    // "vowed to continue fighting", "will keep backing": an act said to go on is already happening.
    // "said Britain would continue to support Ukraine": reported speech's "would" for "will".
    const goesOn = found === 'planned' || (found === 'hypothetical' && this.words[at] === 'would');
    // ("agreed to resume talks" is not: what resumes has stopped.)
    if (goesOn && /^(continue|continued|continues|continuing|keep|kept|keeps|still|extend|extended|maintain|maintained)$/.test(this.words[p - 1] ?? (this.words[p - 2] ?? ''))) return 'asserted';
    if (goesOn && this.words[p - 1] === 'to' && /^(continue|continued|continues|keep|extend|renew|maintain)$/.test(this.words[p - 2] ?? '')) return 'asserted';
    return found;
  }

  /**
   * "called on the warring parties in Sudan to agree a ceasefire": a verb of asking between the subject found
   * and the infinitive asked someone else to act, who is no actor here.
   */
  private askedOther(subj: Group, p: number): boolean {
    const w = this.words;
    const to = w[p - 1] === 'to' ? p - 1 : -1;
    if (to < 0) return false;
    for (let k = subj.j; k < to - 1; k++) if (this.asks(k)) return true;
    return false;
  }

  /** A verb of asking someone to act ends at k: "urged", "called on". */
  private asks(k: number): boolean {
    const w = this.words;
    return REQUEST.test(w[k] ?? '') || (w[k] === 'on' && /^(called|calls|call|calling)$/.test(w[k - 1] ?? ''));
  }

  /**
   * "urged Israel to negotiate with Hamas", "refused to allow a UN envoy to meet X": a subject that is the
   * object of a verb of asking acts only as asked, and the object of a verb of allowing in that verb's mood
   * ("did not allow", "refused to let"). Null when the subject is no such object.
   */
  private controlled(subj: Group, p: number): Modality | null {
    const w = this.words;
    let d = subj.i - 1;
    while (d >= 0 && /^(a|an|the)$/.test(w[d]!)) d--;
    const v = w[d] ?? '';
    const bare = /^(let|lets|letting)$/.test(v);
    if (!bare && !w.slice(subj.j, p).includes('to')) return null;
    if (this.asks(d)) return 'planned';
    if (bare || /^(allowed|allow|allows|allowing|permitted|permit|permits|permitting|enabled|enable|enables|authorised|authorized|authorise|authorize)$/.test(v)) {
      return this.modality(this.clauseStart[d] ?? 0, d, d + 1);
    }
    return null;
  }

  private emit(type: RelationType, a: Mention, b: Mention, rule: string, trig: Trigger | string, p: number, base: number, modality: Modality): void {
    // "Brazil defeated Argentina 2-0": a sentence with a match score is sport, not war
    if (type === 'fights' && this.hasScore()) return;
    // "summoned China's ambassador" is a protest, not a meeting; "summoned to Moscow" is one
    if (type === 'met-with' && /^summon/.test(typeof trig === 'string' ? trig : trig.form) && [a, b].some((m) => /\b(ambassador|ambassadors|envoy|envoys|diplomat|diplomats|charg[eé] d'affaires)$/i.test(m.matched))) return;
    if (a.actor === b.actor && (a.person ?? '') === (b.person ?? '')) return;
    if (a.actor === b.actor && !a.person && !b.person) return;
    if (a.actor === b.actor && a.person === undefined !== (b.person === undefined)) return;
    let conf = base * this.lex.confidence[type] / 0.8;
    for (const m of [a, b]) {
      if (m.pronoun) conf *= 0.85;
      if (m.via === 'generic' || m.via === 'agent-focus') conf *= 0.9;
      if (m.weak) conf *= 0.8;
    }
    const rel: SentenceRelation = {
      type,
      source: a,
      target: b,
      rule,
      trigger: typeof trig === 'string' ? trig : trig.form,
      confidence: Math.round(Math.min(1, Math.max(0, conf)) * 100) / 100,
      modality,
      at: p,
    };
    if (this.sayer && this.sayer.actor !== a.actor && this.sayer.actor !== b.actor) rel.attributedTo = this.sayer.person ?? this.sayer.actor;
    this.out.push(rel);
  }

  private pairs(type: RelationType, src: Group, dst: Group, rule: string, trig: Trigger | string, p: number, base: number, modality: Modality): void {
    for (const a of src.members) for (const b of dst.members) this.emit(type, a, b, rule, trig, p, base, modality);
  }

  private withinGroup(type: RelationType, g: Group, rule: string, trig: Trigger | string, p: number, base: number, modality: Modality): void {
    const ms = g.members;
    for (let x = 0; x < ms.length; x++) for (let y = x + 1; y < ms.length; y++) this.emit(type, ms[x]!, ms[y]!, rule, trig, p, base, modality);
  }

  /** "between A and B" at or just after k. */
  private between(k: number): Group | null {
    for (let x = k; x < Math.min(this.words.length, k + 3); x++) {
      if (this.words[x] === 'between' || this.words[x] === 'among') {
        const g = this.rightGroup(x + 1, 3);
        if (g && g.members.length >= 2) return g;
        // "between his government and rebel groups": two groups split by "and".
        if (g) {
          const and = this.words.indexOf('and', g.j);
          if (and >= g.j && and <= g.j + 1) {
            const g2 = this.rightGroup(and + 1, 3);
            if (g2) return { members: [...g.members, ...g2.members], i: g.i, j: g2.j };
          }
        }
        return null;
      }
    }
    return null;
  }

  /** Parties to a brokered deal: "between A and B", else the actor naming the deal ("the Syria ceasefire"), else the clause's other actors. */
  /**
   * `loose`: with no "between" and no actor naming the deal, fall back to the clause's other actors. A
   * compound ("the U.N.-led process") gives no such licence: "Washington supports the U.N.-led process"
   * does not make Washington a party to it; only joint subjects of the clause are.
   */
  private participants(p: number, exclude: Group, loose = true): Mention[] {
    const b = this.between(p) ?? this.betweenAnywhere();
    if (b) return b.members;
    const cs = this.clauseStart[p] ?? 0;
    for (let k = 0; k < this.words.length; k++) {
      if (DEAL_NOUNS.has(this.words[k]!)) {
        const gi = this.groupAt[k - 1] ?? -1;
        if (gi >= 0 && this.groups[gi] !== exclude) return this.groups[gi]!.members;
      }
    }
    if (!loose) {
      const subj = this.groups.find((g) => g.i >= cs && g.j <= exclude.i && g !== exclude);
      return subj && subj.members.length >= 2 && this.words.slice(subj.j, exclude.i).some((x) => this.lex.jointVerbs.has(x)) ? subj.members : [];
    }
    const out: Mention[] = [];
    for (const g of this.groups) {
      if (g === exclude || g.i < cs) continue;
      // "proposed by Saudi Arabia, which is leading the coalition": the relative clause is about the mediator.
      if (g.i > exclude.j && this.words.slice(exclude.j, g.i).some((w) => RELATIVE.has(w))) continue;
      if (this.isHolderOfNoun(g)) continue;
      out.push(...g.members);
    }
    return out.filter((m) => !exclude.members.some((x) => x.actor === m.actor)).slice(0, 3);
  }

  private betweenAnywhere(): Group | null {
    for (let k = 0; k < this.words.length; k++) if (this.words[k] === 'between') return this.between(k);
    return null;
  }

  /** "with the support of Iran": Iran holds the support, it is not a party to the deal. */
  private isHolderOfNoun(g: Group): boolean {
    return this.words[g.i - 1] === 'of' && HOLDER_OF.has(this.words[g.i - 2] ?? '') || (this.words[g.i - 1] === 'from' && HOLDER_OF.has(this.words[g.i - 2] ?? ''));
  }

  /** "Iran-backed militia" as a dictionary name still says that Iran backs the militia. */
  private compoundsInsideNames(): void {
    for (const m of this.mentions) {
      if (!this.party(m) || m.j - m.i < 3 || m.person) continue;
      for (let d = m.i + 1; d < m.j - 1; d++) {
        if (this.tokens[d]!.t !== '-' || this.tokens[d]!.sp || this.tokens[d + 1]!.sp) continue;
        const hit = triggersAt(this.lex, this.words, d + 1);
        const trig = hit?.hits.find((h) => h.role === 'compound' && h.type !== 'mediated-by');
        const term = exactMatch(this.dict.proper, this.tokens, m.i, d)?.find((t) => t.kind !== 'place' && t.kind !== 'person');
        if (!trig || !term || term.id === m.actor || this.dict.actors.get(term.id)?.kind === 'media') continue;
        const x: Mention = { i: m.i, j: d, actor: term.id, via: 'alias', matched: this.tokens.slice(m.i, d).map((t) => t.t).join(' ') };
        this.emit(trig.type, x, m, `compound:-${trig.form} (in name)`, trig, d + 1, 0.9, 'asserted');
      }
    }
  }

  run(): SentenceRelation[] {
    this.compoundsInsideNames();
    const n = this.words.length;
    for (let p = 0; p < n; p++) {
      if (this.groupAt[p]! >= 0 && this.mentions.find((m) => m.i <= p && p < m.j && m.via !== 'demonym' && m.via !== 'agent-focus')) {
        // Trigger words inside an actor name ("Iran-backed militia" as an alias) are not triggers; a bare
        // word for the article's troops is no name ("sent thousands of soldiers to Russia").
        continue;
      }
      const hit = triggersAt(this.lex, this.words, p);
      if (!hit) continue;
      const q = hit.end;
      for (const trig of hit.hits) this.apply(trig, p, q);
    }
    // "The Kremlin denied that Russia had supplied weapons": what the denial's clause says is negated.
    const denial = this.denialEnd();
    if (denial >= 0) {
      for (const r of this.out) if (r.modality === 'asserted' && r.at >= denial) r.modality = 'negated';
    }
    return this.dedupe();
  }

  /** Where a "denied that" clause starts (the token after "that"), or -1. */
  private denialEnd(): number {
    const w = this.words;
    for (let k = 0; k + 1 < w.length; k++) {
      if (!DENY.has(w[k]!)) continue;
      // "denied that", "denied reports that", "dismissed claims that"
      if (w[k + 1] === 'that') return k + 2;
      if (/^(reports|claims|allegations|accusations|suggestions|charges)$/.test(w[k + 1] ?? '') && w[k + 2] === 'that') return k + 3;
    }
    return -1;
  }

  private apply(trig: Trigger, p: number, q: number): void {
    switch (trig.role) {
      case 'verb':
        return this.verb(trig, p, q);
      case 'passive':
        return this.passive(trig, p, q);
      case 'compound':
        return this.compound(trig, p, q);
      case 'agentNoun':
        return this.agentNoun(trig, p, q);
      case 'actionNoun':
        return this.actionNoun(trig, p, q);
      case 'dislodge':
        return this.dislodge(trig, p, q);
    }
  }

  private verb(trig: Trigger, p: number, q: number): void {
    const w = this.words;
    if (w[q] === 'by') return; // passive reading handles it
    // "pushed back Russian forces", "hit back at": "back" is the particle of the verb before it
    if (w[p] === 'back' && /(ed|ing)$|^(push|pushes|pull|pulls|fight|fights|fought|hit|hits|strike|strikes|struck|beat|beats|hold|holds|held|turn|turns|roll|rolls|scale|scales|cut|cuts|come|comes|came|go|goes|went|give|gives|gave|bring|brings|brought|fall|falls|fell|draw|draws|drew|drawn|win|wins|won|get|gets|got|pay|pays|paid|send|sends|sent|set|sets|shot|shoot|shoots|step|steps|move|moves|call|calls|look|looks|write|writes|wrote|bounce|bounces|kick|kicks|fire|fires)$/.test(w[p - 1] ?? '')) return;
    if (this.tokens[p - 1]?.t === '-' && !this.tokens[p - 1]!.sp) return; // compound reading
    // "the Astana talks", "its support": a noun use of a verb form is not a verb.
    if (/^(the|a|an|its|their|his|her|our|'s|with|of|for|from|without|under|any|no|military|financial|political|medical|humanitarian|much-needed|needed|on|in|at|hunger|general|labour|labor|air|missile|rocket|drone|terror|terrorist|suicide|chemical|nuclear|cyber|september|11)$/.test(w[p - 1] ?? '')) return;
    // "the internationally recognised government": a participle between a determiner and its noun.
    if (/ly$/.test(w[p - 1] ?? '') && /^(the|a|an|its|their)$/.test(w[p - 2] ?? '') && /ed$/.test(w[p]!)) return;
    // "civilians are bombed": a passive with no agent names no attacker.
    if (/^(is|are|was|were|been|being|be|get|got)$/.test(w[p - 1] ?? '') && !w[p]!.endsWith('ing') && !/^(in|at) /.test(trig.form)) return;
    let subj = this.leftGroup(p);
    // "He spoke with Putin and urged him …": a verb after "and" shares the clause's subject, not the
    // object of the verb before it.
    if (subj && (w[p - 1] === 'and' || (w[p - 2] === 'and' && /ly$|^(also|then|later)$/.test(w[p - 1] ?? '')))) {
      const cs = this.clauseStart[p] ?? 0;
      const first = this.groups.find((g) => g.i >= cs && g.j <= p);
      // (a verb between them, "guards the junta … and trains", makes the later one an object)
      if (first && first !== subj && this.words.slice(first.j, subj.i).some((x, d) => this.lex.nouns.has(x) || /ed$|en$/.test(x) || !!triggersAt(this.lex, this.words, first.j + d)?.hits.some((h) => h.role === 'verb'))) subj = first;
    }
    // ", supplying him with support": a participle after a comma takes the clause's subject.
    const participle = w[p]!.endsWith('ing') && w[p - 1] === ',';
    if (participle) {
      const cs = this.clauseStart[p] ?? 0;
      subj = this.groups.find((g) => g.i >= cs && g.i < p) ?? subj;
    }
    // "Turkey sent fighters to defend Tripoli": a purpose infinitive takes the sender as its subject.
    if (w[p - 1] === 'to') {
      const cs = this.clauseStart[p] ?? 0;
      const sent = w.slice(cs, p).findIndex((x) => /^(sent|send|sends|sending|deployed|deploy|deploys|dispatched|dispatch|dispatches|flew|shipped|supplied)$/.test(x));
      if (sent >= 0) subj = this.leftGroup(cs + sent) ?? subj;
    }
    // "Summoned to Moscow on Monday, he walked out": a fronted participle takes the main clause's subject.
    if (!subj && /ed$/.test(w[p]!) && p <= (this.clauseStart[p] ?? 0) + 1) {
      const comma = w.indexOf(',', q);
      if (comma > 0) subj = this.rightGroup(comma + 1, 1);
    }
    if (!subj) return;
    // "Iran and Turkey, which backs the opposition": a singular verb agrees with the nearest conjunct only.
    if (subj.members.length > 1 && /[^s]s$/.test(w[p]!) && subj.j <= p) {
      const last = subj.members[subj.members.length - 1]!;
      subj = { members: [last], i: last.i, j: last.j };
    }
    if (this.askedOther(subj, p)) return;
    let modality = this.controlled(subj, p) ?? this.modality(subj.j, p, q);
    // "warned Washington against arming Taiwan", "voted against sending troops": what is opposed is not done
    if (modality === 'asserted' && w[p - 1] === 'against' && w[p]!.endsWith('ing')) modality = 'hypothetical';
    // "refused to disarm, defying the government": the participle goes with the clause's own verb, so an
    // infinitive's refusal is not its negation (a plan's participle is still planned: "plans to expand its
    // base, supporting …").
    const infinitive = participle && modality === 'negated' ? w.indexOf('to', subj.j) : -1;
    if (infinitive > subj.j && infinitive < p - 2) modality = this.modality(subj.j, infinitive, q);
    const type = trig.type;

    if (type === 'mediated-by') {
      // "Turkey hosted Assad" is a meeting, not mediation; "Turkey hosted talks between A and B" is mediation,
      // and "hosted a dinner" is neither.
      // "Qatar, which has mediated between Israel and Hamas": the form's own "between" names the parties.
      if (w[q - 1] === 'between') {
        const parts = this.rightGroup(q, 3);
        if (parts && parts.members.length >= 2) for (const m of parts.members) for (const med of subj.members) this.emit('mediated-by', m, med, 'verb:mediate', trig, p, 0.85, modality);
        return;
      }
      const direct = this.rightGroup(q, 1);
      if (direct) return;
      if (!w.slice(q, q + 5).some((x) => DEAL_NOUNS.has(x) || x === 'between')) return;
      const parts = this.participants(q, subj);
      for (const m of parts) for (const med of subj.members) this.emit('mediated-by', m, med, 'verb:mediate', trig, p, 0.85, modality);
      return;
    }

    // "Putin discussed Syria with Erdogan": what is discussed is a topic; the partner comes after "with".
    if (/^(discussed|discuss|discusses|discussing)$/.test(trig.form)) {
      for (let k = q; k < w.length && !BOUNDARY.has(w[k]!) && w[k] !== '.' && !RELATIVE.has(w[k]!); k++) {
        if (w[k] !== 'with') continue;
        const partner = this.rightGroup(k + 1, 2);
        if (partner) this.pairs(type, subj, partner, `verb:${trig.form} with`, trig, p, 0.85, modality);
        return;
      }
      if (subj.members.length >= 2 && SYMMETRIC.has(type)) this.withinGroup(type, subj, `reciprocal:${trig.form}`, trig, p, 0.85, modality);
      return;
    }
    // "warned that Yemen faces …" reports a clause; only demands take their clause's subject as target.
    if (w[q] === 'that' && !DEMAND.has(w[p]!)) return;
    const capture = CAPTURE.has(w[p]!);
    // "arms", "attacks", "funds", "strikes" are nouns as often as verbs: as verbs they take their object at once.
    const nounLike = q === p + 1 && this.lex.nouns.has(w[p]!) || NOUNY_VERBS.has(w[p]!);
    // As a verb, a noun-like form takes a direct object: "Iran funds Hezbollah", not "EU funds in the UK".
    let obj = nounLike ? (/^(in|on|at|for|from|to|into|of|over|against|with|by|between)$/.test(w[q] ?? '') ? null : this.rightGroup(q, 4, true, 0)) : this.rightGroup(q, capture ? 12 : 6, !capture);
    // "agreed to a US-brokered ceasefire": a name joined to a participle describes the deal, it is no party to
    // it (but "supports the UN-led process" does back the UN)
    if (obj && SYMMETRIC.has(type) && this.tokens[obj.j]?.t === '-' && !this.tokens[obj.j]!.sp && /ed$/.test(w[obj.j + 1] ?? '')) obj = null;
    // "seized the capital Sanaa in 2014, prompting a coalition to …": a capture's object is in its own clause
    // (an appositive of the place may name the holder: "seized east Aleppo, a stronghold for rebel groups").
    if (obj && capture && w.slice(q, obj.i).some((x, d) => x === ',' && !/^(a|an|the|another)$/.test(w[q + d + 1] ?? ''))) obj = null;
    // "seized a key military base from Myanmar's junta": the holder it was taken from is the one fought.
    if (obj && capture) {
      const from = w.indexOf('from', obj.j);
      const holder = from > 0 && !w.slice(obj.j, from).some((x) => x === ',' || BOUNDARY.has(x)) ? this.rightGroup(from + 1, 2) : null;
      if (holder) obj = holder;
    }
    if (obj && capture) {
      const a = this.dict.actors.get(obj.members[0]!.actor);
      // (a state's forces are fought: "seized most of Darfur from the army")
      if (a?.kind === 'state' && !/^(agent|agent-focus|generic)$/.test(obj.members[0]!.via)) obj = null;
    }
    // "expelled Boko Haram fighters from the town" is a battle (the dislodging reading), not an expulsion
    if (type === 'opposes' && /^expel/.test(w[p]!) && this.dislodged(q)) return;
    // "called on his Western allies to respond": a demand of one's own allies opposes nobody.
    if (type === 'opposes' && obj && /^(called|calls|urged|urges|asked|asks)/.test(trig.form) && w.slice(q, obj.j + 1).some((x) => /^(allies|ally|partners|partner|friends)$/.test(x))) return;
    // "welcomed a Russian delegation" is a visit (the met-with reading), not an endorsement.
    if (type === 'supports' && /^(welcomed|welcomes)$/.test(trig.form) && obj?.members.every((m) => m.sector === 'diplomats')) return;
    // "ordered French troops to leave", "the junta told France to withdraw its troops": an order to go
    // is an expulsion (not a meeting); other orders relate nobody.
    const order = /^(ordered|orders|order)$/.test(trig.form);
    if (order || (type === 'met-with' && /^(told|tells|asked|asks)$/.test(trig.form))) {
      if (obj && w[obj.j] === 'to' && /^(leave|withdraw|quit|depart|exit|vacate|pull)$/.test(w[obj.j + 1] ?? '')) {
        this.pairs('opposes', subj, obj, `verb:${trig.form} to leave`, trig, p, order ? 0.9 : 0.85, modality);
        return;
      }
      if (order) return;
      // "told the government not to compromise": an instruction, not a meeting
      if (obj && (w[obj.j] === 'to' || (w[obj.j] === 'not' && w[obj.j + 1] === 'to'))) return;
    }
    // "Erdogan called Netanyahu a terrorist": naming, not phoning.
    if (type === 'met-with' && /^(called|calls)$/.test(trig.form) && obj && /^(a|an|the)$/.test(w[obj.j] ?? '')) return;
    if (type === 'met-with' && /^(told|tells|briefed|called|received|welcomed)$/.test(trig.form)) {
      // Telling reporters or a TV station is not a meeting: only a named person or official delegation counts.
      if (!obj || !obj.members.every((m) => m.person || m.sector || m.via === 'role')) return;
    }
    // "X said the coalition's strikes were in breach of international law": an accusation by the speaker.
    if (type === 'opposes' && (/^(violated|violates|breached)$/.test(w[p]!) || /^in (breach|violation) of$/.test(trig.form))) {
      if (this.sayer) this.pairs('opposes', { members: [this.sayer], i: 0, j: 0 }, subj, 'verb:violate', trig, p, 0.75, modality);
      return;
    }
    // "criticised a travel ban imposed by Russia", "welcomed the offer from Qatar": the act's author is the target.
    if (!obj && (type === 'opposes' || type === 'supports')) obj = this.authorOfObject(q);
    // "intercepted a drone launched by the Houthis": whoever fired what is shot down is fought
    if (!obj && type === 'fights' && [0, 1, 2, 3].some((d) => triggersAt(this.lex, w, q + d)?.hits.some((h) => h.type === 'fights' && h.role === 'actionNoun'))) obj = this.authorOfObject(q);
    if (obj && trig.reversed) {
      this.pairs(type, obj, subj, `verb:${trig.form}`, trig, p, 0.9, modality);
      return;
    }
    if (obj) {
      this.pairs(type, subj, obj, `verb:${trig.form}`, trig, p, 1, modality);
      this.threatMade(type, modality, subj, obj, trig, p);
      // "fought alongside Ethiopian forces against Tigrayan fighters": comrades in arms both fight the enemy
      // named after them (but "sided with Moscow against the West" is no battle: the verb must be one of fighting).
      // ("Ethiopian federal forces": the ally's own noun may stand between it and "against")
      const against = w.slice(obj.j, obj.j + 4).indexOf('against');
      if (type === 'allies-with' && against >= 0 && !w.slice(obj.j, obj.j + against).some((x) => x === ',' || BOUNDARY.has(x)) && this.lex.triggers.next.get(w[p]!)?.hits.some((h) => h.type === 'fights' && h.role === 'verb')) {
        const enemy = this.rightGroup(obj.j + against + 1, 3);
        if (enemy) for (const side of [subj, obj]) this.pairs('fights', side, enemy, `verb:${w[p]} alongside against`, trig, p, 0.85, modality);
      }
      if (HELP.has(w[p]!)) this.helpedBy.set(obj.i, subj);
      const helper = this.helpedBy.get(subj.i);
      if (helper && type === 'fights') this.pairs(type, helper, obj, `verb:help+${trig.form}`, trig, p, 0.85, modality);
      return;
    }
    // "Moscow and Kyiv accused each other", "Beijing and Manila traded accusations": both ways.
    const eachOther = /^(each|one)$/.test(w[q] ?? '') && /^(other|another)$/.test(w[q + 1] ?? '');
    if (!obj && subj.members.length >= 2 && !SYMMETRIC.has(type) && (eachOther || this.lex.reciprocal.has(trig.form))) {
      for (const a of subj.members) for (const b of subj.members) if (a.actor !== b.actor) this.emit(type, a, b, `reciprocal:${trig.form}`, trig, p, 0.9, modality);
      return;
    }
    // No object: joint subjects of a reciprocal verb relate to each other ("A and B met").
    // "agreed to restore relations", unlike "spoke to reporters", is a joint act of the subjects.
    // (but "A and B agreed to support a UN proposal" relates each to the proposal, not to each other).
    const jointInfinitive = /^agree/.test(w[p]!) && w[q] === 'to' && w.slice(q, q + 10).some((x) => /^(relations|ties|ceasefire|truce|talks|peace|cooperation|cooperate|exchange|swap|normalise|normalize|reconcile|hostilities|deal|agreement|negotiate|negotiations|consultations|contacts|coordinate|coordination|dialogue|treaty)$/.test(x));
    if (subj.members.length >= 2 && this.lex.reciprocal.has(w.slice(p, q).join(' ')) && (w[q] !== 'to' || jointInfinitive)) {
      if (SYMMETRIC.has(type)) this.withinGroup(type, subj, `reciprocal:${trig.form}`, trig, p, 0.9, modality);
    }
  }

  /** The force a verb of dislodging puts "out of" or "from" somewhere ("drove Russian forces out of the village"), or null. */
  private dislodged(q: number): Group | null {
    const obj = this.rightGroup(q, 3);
    if (!obj) return null;
    const after = this.words[obj.j];
    if (after !== 'from' && !(after === 'out' && /^(of|from)$/.test(this.words[obj.j + 1] ?? ''))) return null;
    const armed = (m: Mention) => ARMED_SECTORS.has(m.sector ?? '') || this.dict.actors.get(m.actor)?.kind === 'armed-group';
    return obj.members.every(armed) ? obj : null;
  }

  /** Forcing a force out of a place fights it; who forces an envoy out expels him, which the verb reading says. */
  private dislodge(trig: Trigger, p: number, q: number): void {
    const obj = this.dislodged(q);
    const subj = obj ? this.leftGroup(p) : null;
    if (!obj || !subj) return;
    this.pairs('fights', subj, obj, `verb:${trig.form} out`, trig, p, 0.85, this.modality(subj.j, p, q));
  }

  private passive(trig: Trigger, p: number, q: number): void {
    if (this.words[q] !== 'by') return;
    // "hit by a barrage of Russian missiles": room for a quantity before the agent
    const agent = this.rightGroup(q + 1, 3);
    if (!agent) return;
    const cs = this.clauseStart[p] ?? 0;
    const fronted = p === cs || (p === cs + 1 && /^(the|a)$/.test(this.words[cs]!));
    // A participle modifies the noun before it: only cues in that noun phrase count ("a ceasefire brokered by …"),
    // but a hypothetical verb governing the noun phrase still does ("they could accept a ceasefire proposed by …").
    let modality = this.modality(Math.max(cs, p - 3), p, q);
    if (modality === 'asserted' && this.modality(cs, p, q) === 'hypothetical') modality = 'hypothetical';
    let type = trig.type;
    // "hit by new EU sanctions": the agent's noun says what hit; an attack only when it is a weapon or a force.
    const head = this.tokens[agent.j];
    if (type === 'fights' && head && /^\p{Ll}/u.test(head.t) && !this.dict.sectors.has(head.l) && !/^(and|or|in|on|at|near|from|during|after|before|with|over|overnight|last|this|early|late|earlier|since|as|for|to|into)$/.test(head.l)) {
      const nouns = triggersAt(this.lex, this.words, agent.j)?.hits.filter((h) => h.role === 'actionNoun') ?? [];
      if (nouns.some((h) => h.type === 'opposes') && !nouns.some((h) => h.type === 'fights')) type = 'opposes';
      else if (!nouns.some((h) => h.type === 'fights')) return;
    }
    if (type === 'mediated-by') {
      for (const m of this.participants(p, agent)) for (const med of agent.members) this.emit(type, m, med, `passive:${trig.form} by`, trig, p, 0.95, modality);
      return;
    }
    // "the ceasefire agreed by Israel and Hezbollah": the deal's makers are its parties; one maker alone names
    // no other party.
    if (type === 'negotiates-with') {
      if (agent.members.length >= 2 && this.words.slice(Math.max(0, p - 3), p).some((x) => DEAL_NOUNS.has(x))) {
        this.withinGroup(type, agent, `passive:${trig.form} by`, trig, p, 0.9, modality);
      }
      return;
    }
    if (type === 'opposes' && /^(violated|breached)$/.test(this.words[p]!)) {
      if (this.sayer) this.pairs('opposes', { members: [this.sayer], i: 0, j: 0 }, agent, 'passive:violated by', trig, p, 0.8, modality);
      return;
    }
    // "rebels backed by Turkey": the patient is what the participle modifies, right before it.
    let patient: Group | null = null;
    for (let k = p - 1; k >= Math.max(cs, p - 3); k--) {
      const gi = this.groupAt[k]!;
      if (gi >= 0) {
        patient = this.groups[gi]!;
        break;
      }
      // "Hamas, which is backed by Iran": the relative's head is the patient.
      if (RELATIVE.has(this.words[k]!) && k > 0) {
        const head = this.groupAt[this.words[k - 1] === ',' ? k - 2 : k - 1] ?? -1;
        if (head >= 0) patient = this.groups[head]!;
        break;
      }
      if (!/^(,|being|were|was|been|has|have|is|are|reportedly|allegedly|heavily|largely|widely)$/.test(this.words[k]!)) break;
    }
    if (!patient && fronted) patient = this.groups.find((g) => g.i > agent.j) ?? null;
    if (!patient) return;
    this.pairs(type, agent, patient, `passive:${trig.form} by`, trig, p, 0.95, modality);
  }

  private compound(trig: Trigger, p: number, q: number): void {
    const dash = this.tokens[p - 1];
    if (!dash || dash.t !== '-' || dash.sp || this.tokens[p]!.sp) return;
    const gi = this.groupAt[p - 2] ?? -1;
    if (gi < 0) return;
    const x = this.mentions.find((m) => m.j === p - 1);
    if (!x || !this.party(x)) return;
    const X: Group = { members: [x], i: x.i, j: x.j };
    const cs = this.clauseStart[p] ?? 0;
    const modality = this.modality(Math.max(cs, x.i - 3), x.i, q);
    if (trig.type === 'mediated-by') {
      const noun = this.words.slice(q, q + 3).find((w) => DEAL_NOUNS.has(w));
      if (!noun) return;
      for (const m of this.participants(q, X, false)) this.emit('mediated-by', m, x, `compound:-${trig.form}`, trig, p, 0.9, modality);
      return;
    }
    // "the U.N.-backed unity government": modifiers may stand between the compound and its head.
    const head = this.rightGroup(q, 2, false);
    if (!head) return;
    this.pairs(trig.type, X, head, `compound:-${trig.form}`, trig, p, 0.95, modality);
  }

  /** The holder of an agent noun ("key ally Russia", "Russian allies", "Russia, Assad's ally"). */
  private agentNoun(trig: Trigger, p: number, q: number): void {
    const w = this.words;
    const cs = this.clauseStart[p] ?? 0;
    // Counterpart: a possessor right before the noun (with adjectives between).
    let k = p - 1;
    let holder: Group | null = null;
    while (k >= cs && (/^(main|key|closest|close|most|powerful|strongest|staunch|staunchest|long-time|longtime|traditional|regional|strategic|top|chief|biggest|largest|greatest|second|third|major|important|only|old|new|fellow|western|military|political|reliable|foreign|loyal|generous|principal|leading|primary|steadfast|trusted|international|external|financial|diplomatic|economic|last|remaining|sole|another|foremost|firmest|treaty|defence|defense|security|,)$/.test(w[k]!) || (w[k] === '-' && !this.tokens[k]!.sp))) k--;
    // "his Russian allies": the demonym is the holder, the possessive its counterpart ("Kyiv's Western backers":
    // a demonym that is also an adjective of the list).
    const adj = this.mentions.find((m) => m.j === k + 1 && m.via === 'demonym') ?? this.mentions.find((m) => m.j === p && m.via === 'demonym' && m.i > k);
    if (adj && this.party(adj)) {
      holder = { members: [adj], i: adj.i, j: adj.j };
      k = adj.i - 1;
    }
    let counterpart: Group | null = null;
    if (w[k] === "'s") {
      const gi = this.groupAt[k - 1] ?? -1;
      if (gi >= 0) counterpart = this.groups[gi]!;
      else {
        const m = this.mentions.find((x) => x.j === k && this.party(x));
        if (m) counterpart = { members: [m], i: m.i, j: m.j };
      }
    } else if (/^(his|her|its|their)$/.test(w[k] ?? '')) {
      const m = this.mentions.find((x) => x.i === k);
      if (m) counterpart = { members: [m], i: k, j: k + 1 };
    }
    if (!counterpart && (w[q] === 'of' || w[q] === 'to')) counterpart = this.rightGroup(q + 1, 2);
    // Holder: "ally Russia" / "Russia, Assad's ally" / "Russia and Iran are Assad's allies".
    if (!holder) {
      const right = this.mentions.find((m) => m.i === q && this.party(m));
      if (right && !counterpart?.members.includes(right)) {
        holder = { members: [right], i: right.i, j: right.j };
        // "The Syrian regime and key ally Russia": the earlier conjuncts of the same group are the counterpart.
        const gi = this.groupAt[right.i]!;
        const g = gi >= 0 ? this.groups[gi]! : null;
        if (!counterpart && g && g.members[0] !== right) {
          const before = g.members.filter((m) => m.j <= p);
          if (before.length) counterpart = { members: before, i: before[0]!.i, j: before[before.length - 1]!.j };
        }
      }
    }
    // Where the holder search starts: before the possessor, the demonym, or the noun phrase ("are the main allies of X").
    // "America and its allies in NATO": the holder follows "in".
    if (!holder && counterpart && w[q] === 'in') holder = this.rightGroup(q + 1, 1);
    const before = counterpart && counterpart.i < p ? counterpart.i : adj ? adj.i : k + 1;
    // "the UAE, his most reliable backer": a possessive pronoun before the noun also makes an apposition.
    const explicit = w[k] === "'s" || w[q] === 'of' || w[q] === 'to' || (/^(his|her|its|their)$/.test(w[k] ?? '') && w[k - 1] === ',');
    if (!holder && explicit) {
      let x = before - 1;
      if (w[x] === ',') x--;
      // "the United Arab Emirates (UAE), his …": past a parenthesis to the name before it.
      if (w[x] === ')') {
        while (x > cs && w[x] !== '(') x--;
        x--;
      }
      let copula = false;
      while (x >= cs && /^(is|are|was|were|remains|remain|has|have|been|become|became|as|also|a|an|the|one|of|its|being|,)$/.test(w[x]!)) {
        if (/^(is|are|was|were|remains|remain|been|become|became)$/.test(w[x]!)) copula = true;
        x--;
      }
      const gi = this.groupAt[x] ?? -1;
      if (gi >= 0 && this.groups[gi] !== counterpart) holder = this.groups[gi]!;
      // "The YPG, which Turkey considers a terrorist group, has been a close partner of X": the copula's
      // subject sits before a relative clause.
      if (!holder && copula) {
        const lg = this.leftGroup(x + 1);
        if (lg && lg !== counterpart) holder = lg;
      }
      // "Poland, which has been the sternest EU critic of Russia": a bare modifier before the noun is not
      // the holder when a copula precedes it; the copula's subject is.
      if (holder && x === p - 1 && holder.members.length === 1) {
        let y = holder.i - 1;
        while (y >= 0 && /^(the|a|an|most|sternest|fiercest|harshest|strongest|biggest|leading|main|key|staunchest|vocal|only|top|chief|major|,)$/.test(w[y]!)) y--;
        if (/^(is|are|was|were|been|become|became|remains|remained|be)$/.test(w[y] ?? '')) {
          let z = y - 1;
          while (z >= 0 && /^(has|have|had|long|also|always|which|who|,)$/.test(w[z]!)) z--;
          const sj = this.groupAt[z] ?? -1;
          if (sj >= 0 && this.groups[sj] !== counterpart) holder = this.groups[sj]!;
        }
      }
    }
    if (!holder) return;
    if (!counterpart) {
      // "The Syrian regime and key ally Russia": the conjunct before "and".
      const and = holder.i - 1 - (w[holder.i - 1] === 'and' ? 0 : p - holder.i < 0 ? 0 : 0);
      let x = Math.min(p, holder.i) - 1;
      while (x >= cs && /^(main|key|closest|close|top|its|his|their|and|,|staunch|long-time|traditional|regional|strategic|chief|a|the)$/.test(w[x]!)) x--;
      const gi = this.groupAt[x] ?? -1;
      if (gi >= 0 && this.groups[gi] !== holder && w.slice(this.groups[gi]!.j, Math.min(p, holder.i)).includes('and')) counterpart = this.groups[gi]!;
      else if (and >= 0) {
        // Otherwise the subject of the sentence: "a top official from key supporter Iran" — supporter of whom the sentence is about.
        const first = this.groups.find((g) => g !== holder && g.i < p && this.clauseStart[g.i] === this.clauseStart[p]);
        if (first && trig.type !== 'allies-with') counterpart = first;
      }
    }
    if (!counterpart) return;
    // An alliance is a standing state, not an event: only a cue right before the noun changes it ("no longer allies").
    const modality = this.modality(Math.max(cs, p - 3), p, q);
    const type = trig.type;
    if (type === 'met-with') return; // "his Russian counterpart" names a person, not a meeting
    if (type === 'mediated-by') this.pairs(type, counterpart, holder, `noun:${trig.form}`, trig, p, 0.85, modality);
    else this.pairs(type, holder, counterpart, `noun:${trig.form}`, trig, p, 0.9, modality);
  }

  private actionNoun(trig: Trigger, p: number, q: number): void {
    const w = this.words;
    const type = trig.type;
    const cs = this.clauseStart[p] ?? 0;
    const nounMod = (from: number): Modality => {
      const m = this.modality(from, p, q);
      // "decides whether to extend sanctions", "could break the truce": the act already exists, whatever
      // is planned or possible about it.
      let v = p - 1;
      while (v > 0 && /^(the|its|their|new|existing|current|economic|fragile|tough|sweeping)$/.test(w[v]!)) v--;
      if ((m === 'planned' || m === 'hypothetical') && PRESUPPOSE.has(w[v] ?? '')) return 'asserted';
      if (m !== 'asserted') return m;
      // "no truce", "truce … practically non-existent", "possibility of a truce".
      for (let k = Math.max(0, p - 3); k < p; k++) if (/^(no|without|possibility|prospect|prospects|hopes|hope|call|calls|proposal|plan|bid|attempt|attempts|push|efforts|offer)$/.test(w[k]!)) return w[k] === 'no' || w[k] === 'without' ? 'negated' : w[k]!.startsWith('possib') || w[k]!.startsWith('prospect') ? 'hypothetical' : 'planned';
      // "Hungary blocked EU aid to Ukraine", "froze military aid": what is stopped is not given
      for (let k = Math.max(cs, p - 3); k < p; k++) if (this.lex.stoppingVerbs.has(w[k]!)) return 'negated';
      if (w.includes('non-existent') || w.includes('nonexistent')) return 'negated';
      return 'asserted';
    };
    if (type === 'mediated-by') {
      this.mediationNoun(trig, p, q, nounMod);
      return;
    }
    // "A-B meeting": a compound of two actors before the noun.
    const prevM = this.mentions.find((m) => m.j === p && this.party(m));
    if (prevM && SYMMETRIC.has(type)) {
      const dash = this.tokens[prevM.i - 1];
      const first = this.mentions.find((m) => m.j === prevM.i - 1);
      if (dash?.t === '-' && !dash.sp && first && this.party(first)) {
        this.emit(type, first, prevM, `noun:A-B ${trig.form}`, trig, p, 0.9, nounMod(cs));
        return;
      }
    }
    // "talks between A and B".
    const btw = TARGET_PREPS[type].has('between') ? this.between(q) : null;
    if (btw) {
      if (SYMMETRIC.has(type)) this.withinGroup(type, btw, `noun:${trig.form} between`, trig, p, 0.9, nounMod(cs));
      return;
    }
    // "<holder>'s <noun> <prep> <target>" / "<subject> … <noun> <prep> <target>".
    const prep = w[q] ?? '';
    // "the attack by Iranian-backed militias on US troops": the holder after "by", then the target.
    if (prep === 'by' && (type === 'fights' || type === 'opposes')) {
      const holder = this.rightGroup(q + 1, 2);
      const after = holder ? w[holder.j] ?? '' : '';
      if (holder && TARGET_PREPS[type].has(after) && !/^(between|of|with)$/.test(after)) {
        const target = this.rightGroup(holder.j + 1, 4, true, 0);
        if (target) this.pairs(type, holder, target, `noun:${trig.form} by`, trig, p, 0.85, nounMod(holder.j));
      }
      return;
    }
    // "with help from Iran", "the support of Iran": the object holds the noun; it is given to the clause's subject.
    // "its support of the rebels", "Iran's backing of Assad": with a possessor, "of" names the target.
    const possessor = this.possessorOf(p, cs);
    if (HOLDER_OF.has(w[p]!) && prep === 'of' && possessor && type === 'supports') {
      const target = this.rightGroup(q + 1, 2, true, 0);
      if (target) this.pairs(type, possessor, target, `noun:${trig.form} of`, trig, p, 0.8, nounMod(possessor.i));
      return;
    }
    // The same holds for what a subject receives from X ("Ukraine received F-16 jets from Denmark": X gives
    // it) and for criticism it draws ("drawing criticism from EU leaders": the critics hold it).
    const received = type === 'supports' && prep === 'from' && w.slice(cs, p).some((x) => /^(received|receives|receiving|got|obtained|secured|accepted|took delivery)$/.test(x));
    const drawn = type === 'opposes' && prep === 'from' && /^(criticism|condemnation|protest|protests|rebuke|backlash|anger)$/.test(w[p]!) && w.slice(Math.max(cs, p - 3), p).some((x) => /^(drew|draw|draws|drawing|faced|faces|face|facing|attracted|attracts|attracting|received|under)$/.test(x));
    if ((HOLDER_OF.has(w[p]!) && (prep === 'of' || prep === 'from')) || received || drawn) {
      const holder = this.rightGroup(q + 1, 2, true, 0);
      const subject = this.groups.find((g) => g.i >= cs && g !== holder && this.words[g.i - 1] !== 'by' && !(g.i > p && g.i <= q + 3));
      if (holder && subject && (type === 'supports' || drawn)) this.pairs(type, holder, subject, `noun:${trig.form} ${prep}`, trig, p, 0.75, nounMod(cs));
      return;
    }
    // "Nasrallah was killed in an Israeli air strike": the strike's holder fought whom it killed.
    if (type === 'fights' && (!TARGET_PREPS[type].has(prep) || prep === 'at' || prep === 'into')) {
      const gi = this.groupAt[p - 1] ?? -1;
      const by = gi >= 0 ? this.groups[gi]! : null;
      let d = by ? by.i - 1 : -1;
      if (d >= 0 && /^(a|an|the)$/.test(w[d]!)) d--;
      if (by && /^(in|by)$/.test(w[d] ?? '') && /^(killed|wounded|injured|hit|targeted|struck|destroyed|downed)$/.test(w[d - 1] ?? '') && /^(was|were|been|is|are|being)$/.test(w[d - 2] ?? '')) {
        const victim = this.leftGroup(d - 2);
        if (victim && victim !== by) this.pairs(type, by, victim, `noun:killed in ${trig.form}`, trig, p, 0.85, nounMod(victim.j));
        return;
      }
    }
    // "Germany gave Ukraine tanks", "will send Kyiv more air defence systems": a giving verb's first object
    // receives what its second names.
    const gift = type === 'supports' ? this.recipientBefore(p, cs) : null;
    if (gift) {
      this.pairs(type, gift.giver, gift.recipient, `noun:gave ${trig.form}`, trig, p, 0.8, nounMod(gift.giver.j));
      return;
    }
    if (!TARGET_PREPS[type].has(prep) || prep === 'between') {
      if (SYMMETRIC.has(type) && this.jointObject(trig, p, nounMod(cs))) return;
      this.jointMeeting(trig, p, q, nounMod(cs));
      return;
    }
    let target = this.rightGroup(q + 1, 4, true, 0);
    if (!target) return;
    // "support for its NATO membership bid": a name modifying the object's noun is not the target; the
    // object's possessor is.
    const owner = this.mentions.find((m) => m.j === target!.i && m.pronoun && m.modifier && /^(its|their|his|her)$/.test(w[m.i]!));
    if (owner && target.members.length === 1 && /^\p{Ll}/u.test(this.tokens[target.j]?.t ?? '') && !this.dict.sectors.has(w[target.j]!) && !/^(and|or|to|in|on|at|for|of|with)$/.test(w[target.j]!)) {
      target = { members: [{ ...owner, modifier: false }], i: owner.i, j: owner.j };
    }
    let holder: Group | null = null;
    let k = p - 1;
    // ("its campaign against Hezbollah": a possessive pronoun read as an actor holds the noun)
    while (k >= cs && /^(military|political|financial|continued|strong|full|unwavering|constructive|diplomatic|economic|latest|new|fresh|renewed|brutal|ongoing|crippling|economic|air|ground|,|local|direct|indirect|peace|bilateral|three-week|blistering|the|a|an|its|their|his|her)$/.test(w[k]!) && !(/^(its|their)$/.test(w[k]!) && (this.groupAt[k] ?? -1) >= 0)) k--;
    // "should not expect Ankara's support": the verb governing a possessor's noun sets its modality
    const possessed = w[k] === "'s";
    if (possessed) k--;
    let gi = this.groupAt[k] ?? -1;
    // a possessive pronoun holds the noun only when it refers back to the sentence's own subject
    // ("Israel would continue its campaign"), not to whatever state was named last
    if (gi >= 0 && /^(its|their)$/.test(w[k]!)) {
      const pron = this.groups[gi]!;
      const subject = this.groups.find((g) => g.i < pron.i && !g.members.some((m) => m.pronoun));
      const opens = !!subject && subject.i <= 3 && !w.slice(0, subject.i).some((x) => /^(in|at|on|to|from|with|by|for|of|near|after|before)$/.test(x));
      if (!subject || !opens || !subject.members.some((m) => pron.members.some((x) => x.actor === m.actor))) gi = -1;
    }
    if (gi >= 0) holder = this.groups[gi]!;
    // "an attack on US troops by Iranian-backed militias"
    if (!holder && w[target.j] === 'by' && (type === 'fights' || type === 'opposes')) holder = this.rightGroup(target.j + 1, 2);
    if (!holder) {
      // "Russia launched an offensive against X", "the EU imposed sanctions on X": the subject of a verb
      // that does the act holds it; a noun merely mentioned ("his opposition to the war on Iraq") has no holder.
      const left = this.leftGroup(p);
      if (left && (this.actsBetween(left.j, p) || this.travelsFor(left.j, p))) holder = left;
    }
    if (!holder) return;
    // ("condemned Moscow's invasion" presupposes the invasion, so only verbs of wanting and getting count)
    const governed = possessed && gi >= 0 && /^(expect|expects|expected|expecting|seek|seeks|sought|seeking|want|wants|wanted|request|requests|requested|need|needs|needed|get|gets|got|receive|receives|received|win|won|secure|secured|count)$/.test(w[holder.i - 1] ?? '');
    const modality = nounMod(governed ? cs : holder.j);
    this.pairs(type, holder, target, `noun:${trig.form} ${prep}`, trig, p, 0.85, modality);
    this.threatMade(type, modality, holder, target, trig, p);
    // "revoked military agreements with France", "ended its security cooperation with the EU": ending the
    // ties is cutting them, which opposes the partner
    const stopper = w.slice(Math.max(cs, p - 5), p).find((x) => this.lex.stoppingVerbs.has(x));
    if (modality === 'negated' && stopper && (type === 'allies-with' || type === 'negotiates-with') && prep === 'with') {
      this.pairs('opposes', holder, target, `noun:${stopper} ${trig.form} with`, trig, p, 0.8, 'asserted');
    }
  }

  /**
   * "Russia threatened to strike Ukraine's bridges", "threatened to launch an operation against the PKK": the
   * attack is only planned, but the threat is made, and a threat opposes its target (in the mood of the
   * threatening verb: "did not threaten to" made none).
   */
  private threatMade(type: RelationType, modality: Modality, subj: Group, obj: Group, trig: Trigger, p: number): void {
    if ((type !== 'fights' && type !== 'opposes') || modality !== 'planned') return;
    const w = this.words;
    for (let k = subj.j; k + 1 < p; k++) {
      if (w[k + 1] !== 'to' || !this.lex.threateningVerbs.has(w[k]!)) continue;
      this.pairs('opposes', subj, obj, `${trig.role === 'verb' ? 'verb' : 'noun'}:${w[k]} to ${trig.form}`, trig, p, 0.85, this.modality(subj.j, k, k + 1));
      return;
    }
  }

  /** The first object of a giving verb before a noun ("gave Ukraine tanks") and the verb's subject, or null. */
  private recipientBefore(p: number, cs: number): { giver: Group; recipient: Group } | null {
    const w = this.words;
    let k = p - 1;
    // the gift's own modifiers: "five patrol", "more long-range", "a fresh batch of"
    while (k >= cs && k >= p - 5 && this.groupAt[k]! < 0 && /^(\d[\d,.]*|[a-z][a-z-]*|-)$/.test(this.tokens[k]!.t) && !BOUNDARY.has(w[k]!) && !triggersAt(this.lex, w, k)?.hits.some((h) => h.role === 'verb')) k--;
    const gi = this.groupAt[k] ?? -1;
    if (gi < 0 || this.groups[gi]!.j !== k + 1) return null;
    const recipient = this.groups[gi]!;
    const v = w[recipient.i - 1] === 'the' ? recipient.i - 2 : recipient.i - 1;
    if (!this.lex.givingVerbs.has(w[v] ?? '')) return null;
    const giver = this.leftGroup(v);
    return giver && giver !== recipient ? { giver, recipient } : null;
  }

  /**
   * "talks under Turkish mediation", "a truce through Egypt's mediation", "under the auspices of the EU":
   * the noun's holder (a name or demonym before it, or "of X" after it) mediated between the clause's joint
   * subjects, a subject and the partner it acts "with", or the parties named "between A and B".
   */
  private mediationNoun(trig: Trigger, p: number, q: number, nounMod: (from: number) => Modality): void {
    const w = this.words;
    const cs = this.clauseStart[p] ?? 0;
    let mediator: Group | null = null;
    if (w[q] === 'of' || w[q] === 'by') mediator = this.rightGroup(q + 1, 2, true, 0);
    else {
      const k = w[p - 1] === "'s" ? p - 2 : p - 1;
      const gi = this.groupAt[k] ?? -1;
      if (gi >= 0 && this.groups[gi]!.j === k + 1) mediator = this.groups[gi]!;
    }
    if (!mediator) return;
    let parties = this.between(q)?.members ?? null;
    // "under/through/with X mediation": the frame of the act; "criticised the EU's mediation" is no such frame.
    let d = Math.min(p, mediator.i) - 1;
    while (d >= cs && /^(the|a|an|joint|international|regional|direct|indirect|active|its|their)$/.test(w[d]!)) d--;
    if (!parties && !/^(under|through|with|via|after|following|amid|thanks|by)$/.test(w[d] ?? '')) return;
    let from = mediator.i;
    if (!parties) {
      const subj = this.groups.find((g) => g.i >= cs && g.j <= Math.min(p, mediator!.i) && g !== mediator);
      if (!subj) return;
      from = subj.j;
      parties = [...subj.members];
      if (parties.length === 1) {
        // "Kenya restored ties with Somalia under Qatari mediation": the partner of a joint act.
        const withAt = w.indexOf('with', subj.j);
        const partner = withAt >= 0 && withAt < Math.min(p, mediator.i) ? this.rightGroup(withAt + 1, 2, true, 0) : null;
        if (!partner || partner === mediator) return;
        parties.push(...partner.members);
      }
    }
    const modality = nounMod(from);
    for (const m of parties) {
      if (mediator.members.some((x) => x.actor === m.actor)) continue;
      for (const med of mediator.members) this.emit('mediated-by', m, med, `noun:${trig.form}`, trig, p, 0.85, modality);
    }
  }

  /**
   * "A and B signed a defence pact", "A and B agreed a ceasefire": a symmetric noun as the object of a
   * verb whose subject is two or more actors relates them to each other. Only light verbs of making or
   * holding count, so "A and B condemned the truce" relates nobody.
   */
  private jointObject(trig: Trigger, p: number, modality: Modality): boolean {
    const w = this.words;
    // Up to four modifiers between the verb and the noun ("signed a military intelligence-sharing agreement"),
    // or a name no dictionary knows ("signed the Abraham Accords").
    let k = p - 1;
    let mods = 0;
    for (let pass = 0; pass < 2; pass++) {
      while (k >= 0 && mods < 6 && !this.lex.jointVerbs.has(w[k]!) && ((this.groupAt[k] ?? -1) < 0 || /^(their|its)$/.test(w[k]!)) && (/^(a|an|the|,|-)$/.test(w[k]!) || /^[\p{Ll}\d][\p{Ll}\d-]*$/u.test(this.tokens[k]!.t) || ((this.groupAt[k] ?? -1) < 0 && /^\p{Lu}\p{Ll}+$/u.test(this.tokens[k]!.t))) && !/^(to|of|with|by|for|on|in|at|and|or|but|not|that|which|who)$/.test(w[k]!)) {
        k--;
        mods++;
      }
      // "held a new round of border talks": the noun's measure is one more modifier
      if (pass === 0 && w[k] === 'of' && /^(round|rounds|series|session|sessions)$/.test(w[k - 1] ?? '')) k -= 2;
      else break;
    }
    // "agreed to expand joint military drills": what they agreed to go on with or grow, they hold; what they
    // agreed to start ("agreed to resume peace talks", "to form an alliance") is only planned.
    const agreed = (to: number) => w[to] === 'to' && /^(agreed|agree|agrees|agreeing)$/.test(w[to - 1] ?? '');
    const starts = (verb: number) => /^(hold|resume|conduct|stage|form|establish|sign|renew)$/.test(w[verb] ?? '');
    let agreedTo: Modality | null = null;
    if (agreed(k)) {
      if (/^(expand|boost|strengthen|deepen|continue|increase|extend|intensify)$/.test(w[k + 1] ?? '')) agreedTo = modality;
      else if (starts(k + 1)) agreedTo = 'planned';
      if (agreedTo) k--;
    } else if (this.lex.jointVerbs.has(w[k] ?? '') && agreed(k - 1) && starts(k)) agreedTo = 'planned';
    // "upgraded their relations to a strategic partnership": what the ties became
    if (w[k] === 'to' && /^(relations|ties)$/.test(w[k - 1] ?? '') && /^(their|its|bilateral|diplomatic)$/.test(w[k - 2] ?? '') && this.lex.jointVerbs.has(w[k - 3] ?? '')) k -= 3;
    if (k < 0 || !this.lex.jointVerbs.has(w[k]!)) return false;
    const subj = this.leftGroup(k);
    if (!subj || subj.members.length < 2 || subj.j > k) return false;
    if (this.askedOther(subj, k)) return true;
    const own = this.modality(subj.j, k, p);
    this.withinGroup(trig.type, subj, `joint:${w[k]} ${trig.form}`, trig, p, 0.85, own !== 'asserted' ? own : agreedTo ?? modality);
    return true;
  }

  /** Between a subject and an action noun: a verb that performs it, and only modifiers besides. */
  private actsBetween(from: number, p: number): boolean {
    let verb = false;
    let mods = 0;
    for (let k = from; k < p; k++) {
      const w = this.words[k]!;
      // "The M23, which is not a party to the deal, is holding talks": past the relative clause.
      // "Poland, a staunch ally of Kyiv, has sent tanks": past an appositive too.
      // "Niger and Burkina Faso, also run by juntas, signed a pact": past a participle phrase.
      const next = this.words[k + 1] ?? '';
      if (w === ',' && !verb && (RELATIVE.has(next) || /^(a|an|another|one|also|both|themselves|itself)$/.test(next) || (PARTICIPLES.has(next) && this.words[k + 2] === 'by'))) {
        const close = this.words.indexOf(',', k + 1);
        if (close > k && close < p) {
          k = close;
          continue;
        }
      }
      // (a verb that stops the act holds it too: "revoked its agreements with France" is Niger's, undone)
      if (ACT_VERBS.has(w) || this.lex.jointVerbs.has(w) || this.lex.stoppingVerbs.has(w)) verb = true;
      // "claimed (responsibility for) an attack on": claiming an act is owning it.
      else if (CLAIM_VERBS.has(w)) {
        verb = true;
        if (this.words[k + 1] === 'responsibility' && this.words[k + 2] === 'for') k += 2;
      }
      // "launch a drone offensive": after the verb, a couple of modifiers of the noun.
      else if (verb && ++mods <= 2 && /^[\p{Ll}-]+$/u.test(this.tokens[k]!.t)) continue;
      // "pledged $2 billion in military aid": an amount between the verb and the noun.
      else if (verb && AMOUNT.test(this.tokens[k]!.t)) continue;
      else if (!(skippable(w) || /^(has|have|had|is|are|was|were|been|will|would|could|also|already|now|then|again|further|increasingly|repeatedly|sweeping|tough|tougher|harsh|fresh|heavy|major|large-scale|new|renewed|economic|military|financial|political|diplomatic|full|strong|an|its|to|not|no|never|decides|decided|decide|deciding|voted|vote|votes|moved|move|moves|agreed|agree|agrees|whether)$/.test(w) || this.lex.modality.planned.next.has(w) || this.lex.modality.hypothetical.next.has(w))) return false;
    }
    return verb;
  }

  /** "Blinken arrived in Riyadh for talks with …", "flew to Ankara for a meeting with": a journey made for the act. */
  private travelsFor(from: number, p: number): boolean {
    const w = this.words;
    let k = from;
    while (k < p && /^(,|has|have|had|was|were|is|are|will|also|then|later|on|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(w[k]!)) k++;
    if (!/^(arrived|arrives|arriving|travelled|traveled|travels|travelling|traveling|flew|flies|headed|heads|went|goes|came|comes|was|is|were|are)$/.test(w[k] ?? '')) return false;
    k++;
    // "in Riyadh", "to Moscow on Monday": where, and when
    while (k < p && w[k] !== 'for') {
      const place = this.mentions.some((m) => m.place && m.i <= k && k < m.j);
      if (!place && !/^(in|to|into|at|on|this|last|week|the|a|an|capital|city|monday|tuesday|wednesday|thursday|friday|saturday|sunday|,)$/.test(w[k]!) && !/^\p{Lu}/u.test(this.tokens[k]!.t)) return false;
      k++;
    }
    if (w[k] !== 'for') return false;
    k++;
    while (k < p && skippable(w[k]!)) k++;
    return k === p;
  }

  /** The possessor of the noun at p: "its support", "Iran's military backing". */
  private possessorOf(p: number, cs: number): Group | null {
    let k = p - 1;
    while (k >= cs && /^(military|political|financial|continued|strong|full|unwavering|diplomatic|economic|covert|open|tacit|vocal|key)$/.test(this.words[k]!)) k--;
    if (this.words[k] === "'s") k--;
    else if (!/^(its|his|her|their)$/.test(this.words[k] ?? '')) return null;
    const gi = this.groupAt[k] ?? -1;
    return gi >= 0 ? this.groups[gi]! : null;
  }

  /** "During a meeting in Damascus, A and B said …": the meeting's joint subjects met each other. */
  private jointMeeting(trig: Trigger, p: number, q: number, modality: Modality): void {
    if (trig.type !== 'met-with' || !this.lex.reciprocalNouns.has(this.words[p]!)) return;
    if (!/^(during|at|after|in|following)$/.test(this.words[p - 2] ?? this.words[p - 1] ?? '') && !/^(during|at|after|following)$/.test(this.words[p - 1] ?? '')) return;
    const comma = this.words.indexOf(',', q);
    if (comma < 0) return;
    const g = this.rightGroup(comma + 1, 1);
    if (g && g.members.length >= 2) this.withinGroup('met-with', g, `noun:${trig.form} joint`, trig, p, 0.85, modality);
  }

  /** One relation per (type, pair): the most confident reading. */
  private dedupe(): SentenceRelation[] {
    const best = new Map<string, SentenceRelation>();
    for (const r of this.out) {
      const a = r.source.person ?? r.source.actor;
      const b = r.target.person ?? r.target.actor;
      const [x, y] = SYMMETRIC.has(r.type) && b < a ? [b, a] : [a, b];
      const key = `${r.type}|${x}|${y}`;
      const prev = best.get(key);
      if (!prev || r.confidence > prev.confidence || (prev.modality !== 'asserted' && r.modality === 'asserted' && r.confidence >= prev.confidence - 0.1)) best.set(key, r);
    }
    return [...best.values()];
  }
}

/**
 * "… signed a peace deal. The deal was brokered by the United States and Qatar.": a sentence opening on
 * talks (an action noun of negotiations or meetings, from the lexicon) that a mediated-by participle of the
 * lexicon describes names the mediators of the talks an earlier sentence reported between `talks`.
 */
export function mediationOfEarlierTalks(tokens: Token[], mentions: Mention[], lex: Lexicon, talks: readonly [Mention, Mention]): SentenceRelation[] {
  const w = tokens.map((t) => t.l);
  const named = mediatorsNamed(tokens, mentions, lex);
  if (named.length) return named.flatMap((m) => talks.filter((party) => party.actor !== m.actor).map((party): SentenceRelation => ({ type: 'mediated-by', source: party, target: m, rule: 'anaphor:named mediator', trigger: m.matched, confidence: 0.7, modality: 'asserted', at: m.j })));
  if (!/^(the|this|that|these|those)$/.test(w[0] ?? '')) return [];
  const isTalks = (k: number) => triggersAt(lex, w, k)?.hits.some((h) => h.role === 'actionNoun' && (h.type === 'negotiates-with' || h.type === 'met-with'));
  let k = 1;
  while (k < 4 && w[k] && !isTalks(k) && /^[\p{Ll}-]+$/u.test(tokens[k]!.t)) k++;
  if (!isTalks(k)) return [];
  k = triggersAt(lex, w, k)!.end;
  // "The talks in Jeddah were sponsored by …": where they were held
  if (/^(in|at)$/.test(w[k] ?? '')) {
    const place = mentions.find((m) => m.place && m.i === k + 1);
    let e = place ? place.j : k + 1;
    if (!place) while (e < k + 4 && tokens[e] && /^\p{Lu}/u.test(tokens[e]!.t) && !mentions.some((m) => m.i === e)) e++;
    if (e > k + 1) k = e;
  }
  while (/^(was|were|is|are|has|have|had|been|being|also|reportedly|jointly|,)$/.test(w[k] ?? '')) k++;
  const at = k;
  const participle = triggersAt(lex, w, at);
  if (!participle?.hits.some((h) => h.role === 'passive' && h.type === 'mediated-by') || w[participle.end] !== 'by') return [];
  // the agent: the mentions from "by" on, joined by "and" or commas only
  const from = participle.end + 1;
  const out: SentenceRelation[] = [];
  let end = from;
  for (const m of mentions) {
    if (m.i < from || m.place || m.media || m.modifier) continue;
    if (m.i > end && !w.slice(end, m.i).every((x) => x === 'and' || x === ',' || x === 'the')) break;
    end = m.j;
    for (const party of talks) {
      if (party.actor !== m.actor) out.push({ type: 'mediated-by', source: party, target: m, rule: 'anaphor:mediated by', trigger: tokens[at]!.t, confidence: 0.75, modality: 'asserted', at });
    }
  }
  return out;
}

/**
 * "Cuba and Norway are guarantors of the negotiations": a sentence opening on actors it calls mediators (an
 * agent noun of the lexicon, alone or "of/in/for" the talks) names them; the talks are the earlier ones.
 */
function mediatorsNamed(tokens: Token[], mentions: Mention[], lex: Lexicon): Mention[] {
  const w = tokens.map((t) => t.l);
  const first = mentions[0];
  if (!first || first.i > 1 || first.place || first.media || first.pronoun) return [];
  const group = [first];
  let end = first.j;
  for (const m of mentions.slice(1)) {
    if (m.place || m.media || m.modifier || !w.slice(end, m.i).every((x) => x === 'and' || x === ',' || x === 'the')) break;
    group.push(m);
    end = m.j;
  }
  let k = end;
  if (w[k] === 'have' && w[k + 1] === 'been') k++;
  if (!/^(is|are|was|were|been|act|acts|acted|acting|serve|serves|served|serving)$/.test(w[k] ?? '')) return [];
  k++;
  if (w[k] === 'as') k++;
  while (/^(the|a|an|key|main|chief|official|joint|also|among)$/.test(w[k] ?? '')) k++;
  const noun = triggersAt(lex, w, k);
  if (!noun?.hits.some((h) => h.role === 'agentNoun' && h.type === 'mediated-by')) return [];
  return /^(of|in|for|to|,|\.)?$/.test(w[noun.end] ?? '') ? group : [];
}

export function sentenceRelations(tokens: Token[], mentions: Mention[], dict: Dictionary, lex: Lexicon): SentenceRelation[] {
  return new SentenceRelations(tokens, mentions, dict, lex).run();
}

export { OPEN_QUOTE };
