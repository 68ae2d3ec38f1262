import type { Article } from '../ingest/types.js';
import { actorRecord, type Dictionary } from './dictionary.js';
import { eventDate } from './dates.js';
import type { Lexicon } from './lexicon.js';
import { ArticleContext, findMentions, type Mention } from './mentions.js';
import { mediationOfEarlierTalks, sentenceRelations, type SentenceRelation } from './relations.js';
import { splitSentences, type Sentence } from './sentences.js';
import { tokenize, type Token } from './tokenize.js';
import { SYMMETRIC, type ActorRecord, type ArticleExtraction, type RelationMention } from './types.js';

export interface Extractor {
  dict: Dictionary;
  lex: Lexicon;
}

/** Per-sentence detail for `actorgraph explain`. */
export interface SentenceTrace {
  sentence: Sentence;
  mentions: Mention[];
  relations: SentenceRelation[];
}

export interface ExtractOptions {
  trace?: (t: SentenceTrace) => void;
}

/** The headline is part of the story (wire headlines often carry the relation); it is read first. */
function articleSentences(article: Article): Sentence[] {
  const body = splitSentences(article.text, article.body);
  const title = article.title.trim();
  if (title) {
    const at = article.text.indexOf(title);
    const inBody = body.some((s) => s.start <= at && at < s.end);
    if (at >= 0 && !inBody) return [{ text: title, start: at, end: at + title.length, para: -1 }, ...body];
  }
  return body;
}

export function extractArticle(article: Article, ex: Extractor, opts: ExtractOptions = {}): ArticleExtraction {
  const { dict, lex } = ex;
  const sentences = articleSentences(article);
  const tokenized = sentences.map((s) => tokenize(s.text, s.start));

  // First pass: which state is the article about? Contextual words ("the regime", "rebels") resolve to it.
  const ctx = new ArticleContext(article.date, lex);
  const counts = new Map<string, number>();
  tokenized.forEach((toks) => {
    for (const m of findMentions(toks, dict, ctx, { focusPass: true })) {
      if (m.media) continue;
      ctx.present.add(m.actor);
      const a = dict.actors.get(m.actor);
      const state = a?.kind === 'state' ? a.id : undefined;
      if (state) counts.set(state, (counts.get(state) ?? 0) + (m.place ? 0.5 : 1));
      // "RSF commander X accused the army": a group's home country is a weaker vote, for stories that
      // name the group more than its country
      else if (a?.country && dict.actors.get(a.country)?.kind === 'state') counts.set(a.country, (counts.get(a.country) ?? 0) + 0.25);
    }
  });
  let best = 0;
  for (const [id, c] of counts) if (c > best) [best, ctx.focus] = [c, id];
  ctx.stateCounts = counts;

  const relations: RelationMention[] = [];
  const used = new Set<string>();
  sentences.forEach((s, idx) => {
    const toks = tokenized[idx]!;
    const mentions = findMentions(toks, dict, ctx);
    // Relations need two parties, or one name with a relation inside it ("Iran-backed militia"):
    // most sentences have neither, and the deeper analysis is skipped for them.
    const rels = mentions.length >= 2 || mentions.some((m) => m.j - m.i >= 3) ? sentenceRelations(toks, mentions, dict, lex) : [];
    // "… signed a peace deal. The deal was brokered by Qatar.": the mediators of the talks just named.
    const talks = ctx.lastTalks && ctx.lastTalks.sentence >= ctx.sentence - 4 ? ctx.lastTalks.pair : null;
    if (talks && mentions.length && !rels.some((r) => r.type === 'mediated-by')) rels.push(...mediationOfEarlierTalks(toks, mentions, lex, talks));
    const lastTalks = rels.filter((r) => (r.type === 'negotiates-with' || r.type === 'met-with') && r.modality === 'asserted').pop();
    if (lastTalks) ctx.lastTalks = { pair: [lastTalks.source, lastTalks.target], sentence: ctx.sentence };
    opts.trace?.({ sentence: s, mentions, relations: rels });
    const sym = rels.filter((r) => SYMMETRIC.has(r.type) && r.modality === 'asserted').pop();
    if (sym) ctx.lastPair = [sym.source, sym.target];
    else noteJointPair(ctx, toks, mentions);
    if (!rels.length) return;
    const date = eventDate(s.text, article.date) ?? article.date;
    const place = mentions.find((m) => m.place);
    for (const r of rels) {
      const m: RelationMention = {
        type: r.type,
        source: r.source.actor,
        target: r.target.actor,
        doc: article.doc,
        sentence: s.text,
        start: s.start,
        end: s.end,
        rule: r.rule,
        trigger: r.trigger,
        confidence: r.confidence,
        modality: r.modality,
        date,
      };
      if (r.source.person) m.sourcePerson = r.source.person;
      if (r.target.person) m.targetPerson = r.target.person;
      if (place) m.place = place.matched;
      if (r.attributedTo) m.attributedTo = r.attributedTo;
      relations.push(m);
      for (const id of [m.source, m.target, m.sourcePerson, m.targetPerson]) if (id) used.add(id);
    }
  });

  return {
    article: { id: article.id, doc: article.doc, title: article.title, date: article.date, url: article.url, source: article.source },
    // Persons named anywhere in the article are kept with their affiliation, even without a relation:
    // the person-level graph is also a who's who of the coverage.
    actors: actorRecords(new Set([...used, ...[...ctx.persons.values()].filter((p) => p.memberOf).map((p) => p.id)]), dict, ctx),
    relations,
  };
}

/**
 * "Mali and Burkina Faso said …. The two countries sent a delegation": two actors named jointly are what a
 * later "the two countries" refers to, rather than the last two names (here Burkina Faso and Niger).
 */
function noteJointPair(ctx: ArticleContext, toks: Token[], mentions: Mention[]): void {
  const named = mentions.filter((m) => !m.pronoun && !m.place).sort((a, b) => a.i - b.i);
  const [a, b] = named;
  if (a && b) {
    // (only as the sentence's subject: "Mediated by Russia and Turkey, the truce …" names no pair of sides)
    const opens = a.i === 0 || (a.i === 1 && /^(the|both)$/.test(toks[0]!.l));
    if (opens && toks[a.j]?.l === 'and' && b.i === a.j + 1 && a.actor !== b.actor) {
      ctx.lastPair = [a, b];
    }
  }
}

function actorRecords(used: Set<string>, dict: Dictionary, ctx: ArticleContext): ActorRecord[] {
  const out = new Map<string, ActorRecord>();
  const queue = [...used];
  while (queue.length) {
    const id = queue.shift()!;
    if (out.has(id)) continue;
    let rec = actorRecord(dict, id);
    if (!rec) {
      const p = ctx.persons.get(id);
      const known = dict.persons.get(id);
      if (p || known) {
        rec = { id, label: p?.label ?? known!.label, kind: 'person', aliases: [...new Set([p?.label ?? known!.label, ...(known?.aliases ?? [])])] };
        if (p?.memberOf) rec.memberOf = p.memberOf;
        rec.origin = known ? 'persons.json' : 'discovered';
      } else {
        const d = ctx.discovered.get(id);
        rec = { id, label: d?.label ?? id, kind: d?.kind ?? 'other', aliases: d ? [d.label] : [], origin: 'discovered' };
        // A discovered group belongs to its country only in name: it does not roll up into the state.
      }
    }
    out.set(id, rec);
    if (rec.memberOf && !out.has(rec.memberOf)) queue.push(rec.memberOf);
  }
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}
