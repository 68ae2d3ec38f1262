import { readFileSync } from 'node:fs';
import {
  endsLikeSentence,
  looksQuoted,
  normaliseLine,
  splitLines,
  wordCount,
  type TextLine,
} from './lines.js';

/** The shape of data/boilerplate.json (see its "about" field). */
export interface BoilerplateRules {
  maxWords: number;
  footerMaxWords: number;
  exact: string[];
  footer: string[];
  prefix: string[];
  contains: string[];
  regex: string[];
  listHeadings: string[];
  listHeadingPrefixes: string[];
  tailHeadings: string[];
  captionCredits: string[];
  mediaJunk: string[];
}

export type LineKind =
  | 'body'
  | 'title'
  | 'boilerplate'
  | 'list'
  | 'tail'
  | 'caption'
  | 'duplicate'
  | 'dateline';

export interface ClassifiedLine extends TextLine {
  kind: LineKind;
}

const LIST_KEYS: (keyof BoilerplateRules)[] = [
  'exact', 'prefix', 'contains', 'footer', 'regex', 'listHeadings', 'listHeadingPrefixes',
  'tailHeadings', 'captionCredits', 'mediaJunk',
];

// Resolves from both src/ingest and the build output dist/ingest.
const DEFAULT_RULES_URL = new URL('../../data/boilerplate.json', import.meta.url);

let defaultRules: BoilerplateRules | undefined;

/** The built-in rules, optionally extended by a user file of the same shape (lists are concatenated). */
export function loadBoilerplateRules(extraFile?: string): BoilerplateRules {
  defaultRules ??= parseRules(JSON.parse(readFileSync(DEFAULT_RULES_URL, 'utf8')) as unknown);
  if (!extraFile) return defaultRules;
  const extra = parseRules(JSON.parse(readFileSync(extraFile, 'utf8')) as unknown, true);
  const merged = { ...defaultRules } as BoilerplateRules;
  for (const k of LIST_KEYS) (merged[k] as string[]) = [...(defaultRules[k] as string[]), ...(extra[k] as string[])];
  if (extra.maxWords) merged.maxWords = extra.maxWords;
  if (extra.footerMaxWords) merged.footerMaxWords = extra.footerMaxWords;
  return merged;
}

function parseRules(raw: unknown, partial = false): BoilerplateRules {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const num = (v: unknown, dflt: number) => (typeof v === 'number' && v > 0 ? v : partial ? 0 : dflt);
  const rules = { maxWords: num(o.maxWords, 30), footerMaxWords: num(o.footerMaxWords, 90) } as BoilerplateRules;
  for (const k of LIST_KEYS) {
    const v = o[k];
    (rules[k] as string[]) = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }
  return rules;
}

/** Rules turned into matchers once, since every article is checked against them. */
interface Compiled {
  rules: BoilerplateRules;
  exact: Set<string>;
  prefix: string[];
  contains: string[];
  footer: string[];
  regex: RegExp[];
  listHeadings: Set<string>;
  listHeadingPrefixes: string[];
  tailHeadings: Set<string>;
  credit: RegExp;
  junkStart: RegExp[];
  junkEnd: RegExp[];
}

const compiledCache = new WeakMap<BoilerplateRules, Compiled>();

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function compile(rules: BoilerplateRules): Compiled {
  const hit = compiledCache.get(rules);
  if (hit) return hit;
  const norm = (xs: string[]) => xs.map(normaliseLine);
  const credits = rules.captionCredits.map(escapeRe).join('|') || '(?!)';
  const junk = rules.mediaJunk.map((r) => new RegExp(r, 'i'));
  const c: Compiled = {
    rules,
    exact: new Set(norm(rules.exact)),
    // Prefix and contains entries keep their own trailing punctuation ("eyewitness?", "read more:").
    prefix: rules.prefix.map((p) => p.toLowerCase()),
    contains: rules.contains.map((p) => p.toLowerCase()),
    footer: rules.footer.map((p) => p.toLowerCase()),
    regex: rules.regex.map((r) => new RegExp(r, 'i')),
    listHeadings: new Set(norm(rules.listHeadings)),
    listHeadingPrefixes: rules.listHeadingPrefixes.map((p) => p.toLowerCase()),
    tailHeadings: new Set(norm(rules.tailHeadings)),
    // A photo credit closes a caption: "... (AFP)", "...Credit: Uncredited/AP", "... / Reuters".
    credit: new RegExp(
      `(?:\\((?:photo:?\\s*)?(?:${credits})(?:\\s*(?:photo|/[^)]*))?\\)|(?:photo\\s*)?credit\\s*:.*|(?:photo|photograph|picture)\\s*:\\s*[^.]{0,60}|\\s/\\s*(?:${credits}))\\s*$`,
      'i',
    ),
    junkStart: junk.filter((r) => r.source.startsWith('^')),
    junkEnd: junk.filter((r) => r.source.endsWith('$')),
  };
  compiledCache.set(rules, c);
  return c;
}

/** Lower-cased text with typographic apostrophes folded, for prefix/contains checks. */
function lowered(s: string): string {
  return s.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\s\u00a0]+/g, ' ').trim();
}

function isLexiconBoilerplate(content: string, c: Compiled): boolean {
  const norm = normaliseLine(content);
  if (!norm) return true;
  if (c.exact.has(norm)) return true;
  const words = wordCount(content);
  // "Send in e-mailSend in e-mail": a button label doubled by copy-paste.
  if (content.length <= 240 && /^(.{3,60}?)\1+$/.test(content)) return true;
  if (words <= c.rules.maxWords) {
    const low = lowered(content);
    if (c.prefix.some((p) => low.startsWith(p))) return true;
    // Reported speech can mention a newsletter or privacy policy; site blurbs do not quote anyone.
    const blurbShaped = words <= 15 || !endsLikeSentence(content);
    if (blurbShaped && !looksQuoted(content) && !/\b(said|says|saying|told|according)\b/i.test(content) && c.contains.some((p) => low.includes(p))) return true;
    if (c.regex.some((r) => r.test(content))) return true;
  }
  if (words <= c.rules.footerMaxWords && !looksQuoted(content)) {
    const low = lowered(content);
    if (c.footer.some((p) => low.includes(p))) return true;
  }
  return false;
}

/**
 * The site talking to its reader ("Your input will help us ..."): second and
 * first-person-plural words outside any quotation. News prose rarely does this
 * unquoted, promotional blurbs nearly always do.
 */
function isReaderAddress(content: string): boolean {
  if (looksQuoted(content)) return false;
  const words = wordCount(content);
  const you = /\b(you|your)\b/i.test(content);
  const we = /\b(we|us|our)\b/i.test(content);
  if (words <= 40 && you && we) return true;
  return words <= 8 && /!$/.test(content.trim()) && (you || we);
}

function isListHeading(content: string, c: Compiled): boolean {
  const norm = normaliseLine(content);
  if (c.listHeadings.has(norm)) return true;
  return wordCount(content) <= 8 && c.listHeadingPrefixes.some((p) => norm.startsWith(p)) && !endsLikeSentence(content);
}

/** Short, no sentence ending: the shape of a linked headline in a "related" list. */
function isHeadlineLike(content: string): boolean {
  return wordCount(content) <= 20 && !/\.$/.test(content.trimEnd().replace(/["'\u2019\u201d)\]]+$/, ''));
}

function dupKey(content: string, c: Compiled): string {
  return normaliseLine(content.replace(c.credit, '')).replace(/["'.,;:!?]+$/, '').trim();
}

function tokens(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export interface MarkBodyOptions {
  /** The title when known from metadata; lines repeating it are not body. When absent, the first non-boilerplate line is the title. */
  title?: string | null;
  /** Further headings to treat as the title when they appear as a line. */
  alsoTitle?: string[];
  rules?: BoilerplateRules;
}

export interface MarkedText {
  lines: ClassifiedLine[];
  /** The title found in the text when none was given. */
  title: string;
}

/**
 * Classify every line of an article as body or one kind of boilerplate.
 * Rules are lexicons from data/boilerplate.json plus page-structure patterns
 * (related-headline runs, duplicated captions, reader-address blurbs).
 */
export function markBody(text: string, opts: MarkBodyOptions = {}): MarkedText {
  const c = compile(opts.rules ?? loadBoilerplateRules());
  const lines: ClassifiedLine[] = splitLines(text).map((l) => ({ ...l, kind: 'body' as LineKind }));

  for (const l of lines) trimMediaJunk(l, text, c);

  for (const l of lines) {
    if (!l.content || isLexiconBoilerplate(l.content, c) || isReaderAddress(l.content)) l.kind = 'boilerplate';
  }

  const title = markTitle(lines, opts.title);
  for (const extra of opts.alsoTitle ?? []) if (extra.trim()) markTitle(lines, extra);

  // Everything under a comments heading is readers talking, not the article.
  const firstBody = lines.findIndex((l) => l.kind === 'body');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (i > firstBody && firstBody >= 0 && i >= lines.length / 2 && c.tailHeadings.has(normaliseLine(l.content))) {
      for (let j = i; j < lines.length; j++) lines[j]!.kind = 'tail';
      break;
    }
  }

  const counts = new Map<string, number>();
  for (const l of lines) {
    const k = dupKey(l.content, c);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind === 'tail' || !isListHeading(l.content, c)) continue;
    if (l.kind === 'body') l.kind = 'boilerplate';
    for (let j = i + 1; j < lines.length; j++) {
      const n = lines[j]!;
      if (n.kind === 'boilerplate' || n.kind === 'tail') continue;
      const repeated = (counts.get(dupKey(n.content, c)) ?? 0) > 1;
      if (!repeated && !isHeadlineLike(n.content)) break;
      n.kind = 'list';
      i = j;
    }
  }

  markCaptions(lines, c);
  return { lines, title };
}

function trimMediaJunk(l: ClassifiedLine, text: string, c: Compiled): void {
  for (const r of c.junkStart) {
    const m = r.exec(l.content);
    if (m && m[0].length > 0) {
      l.start += m[0].length;
      while (l.start < l.end && /\s/.test(text[l.start]!)) l.start++;
    }
  }
  // A file name at the end of a line is short: look at the line's tail only, not the whole paragraph.
  const from = Math.max(l.start, l.end - 160);
  for (const r of c.junkEnd) {
    const m = r.exec(text.slice(from, l.end));
    if (m && m[0].length > 0) {
      l.end = from + m.index;
      while (l.end > l.start && /\s/.test(text[l.end - 1]!)) l.end--;
    }
  }
  l.content = text.slice(l.start, l.end);
}

function isProseTitleLine(content: string): boolean {
  const words = wordCount(content);
  return (endsLikeSentence(content) && /[.]/.test(content.slice(-3)) && words >= 10) || words >= 40;
}

function markTitle(lines: ClassifiedLine[], given: string | null | undefined): string {
  const g = given?.trim();
  if (g) {
    const key = normaliseLine(g);
    for (const l of lines) {
      if (l.kind !== 'body') continue;
      const n = normaliseLine(l.content);
      // "Headline | Site" titles: the page shows the headline part.
      if (n === key || (n.length >= 12 && key.startsWith(n) && /^\s*[|\u2013\u2014:-]/.test(key.slice(n.length)))) l.kind = 'title';
    }
    return g;
  }
  const first = lines.find((l) => l.kind === 'body');
  if (!first) return '';
  if (isProseTitleLine(first.content)) {
    // A story pasted without its headline: the lead paragraph stays body and lends its first sentence.
    const sentence = /^.+?[.!?](?=\s+["'\u201c\u2018]?[A-Z]|$)/.exec(first.content)?.[0] ?? first.content;
    return sentence.length > 200 ? `${sentence.slice(0, 199).trimEnd()}\u2026` : sentence;
  }
  const key = normaliseLine(first.content);
  for (const l of lines) if (l.kind === 'body' && normaliseLine(l.content) === key) l.kind = 'title';
  return first.content;
}

/**
 * Photo captions: credited lines, and lines repeated elsewhere. Of a repeated
 * line, the copies that do not end like a sentence are captions; of prose
 * copies only the last stays body. A caption that restates a body paragraph
 * (most of its words, no final period) is dropped too.
 */
function markCaptions(lines: ClassifiedLine[], c: Compiled): void {
  const live = (l: ClassifiedLine) => l.kind === 'body';
  const credited = (l: ClassifiedLine) => c.credit.test(l.content) && !/^\s*\(/.test(l.content);
  for (const l of lines) if (live(l) && credited(l) && wordCount(l.content) >= 3) l.kind = 'caption';

  const groups = new Map<string, ClassifiedLine[]>();
  for (const l of lines) {
    const k = dupKey(l.content, c);
    if (k.length < 20) continue;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(l);
  }
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    if (g.some((l) => l.kind === 'caption' || credited(l))) {
      for (const l of g) if (live(l)) l.kind = 'caption';
      continue;
    }
    const prose = g.filter((l) => live(l) && endsLikeSentence(l.content));
    for (const l of g) if (live(l) && !endsLikeSentence(l.content)) l.kind = 'caption';
    for (const l of prose.slice(0, -1)) l.kind = 'duplicate';
  }

  const bodyTokens = lines
    .filter((l) => (live(l) || l.kind === 'duplicate') && endsLikeSentence(l.content))
    .map((l) => ({ line: l, set: new Set(tokens(l.content)) }));
  for (const l of lines) {
    if (!live(l) || endsLikeSentence(l.content)) continue;
    const toks = tokens(l.content);
    if (toks.length < 6) continue;
    for (const b of bodyTokens) {
      if (b.line === l || b.set.size < toks.length * 0.8) continue;
      const inside = toks.filter((t) => b.set.has(t)).length;
      if (inside / toks.length >= 0.85) {
        l.kind = 'caption';
        break;
      }
    }
  }
}

/** Body spans of marked lines: one [start, end) per body paragraph. */
export function bodySpans(lines: ClassifiedLine[]): [number, number][] {
  return lines.filter((l) => l.kind === 'body' && l.end > l.start).map((l) => [l.start, l.end]);
}
