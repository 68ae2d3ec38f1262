import type { Span } from '../ingest/types.js';

export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph (body line) it belongs to. */
  para: number;
}

// Abbreviations after which a period does not end a sentence.
const ABBREV = new Set(
  ('mr mrs ms dr prof gen lt col maj capt sgt cpl adm gov sen rep rev st jr sr no vs etc ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e approx dept est fig inc ltd co corp').split(' '),
);

/**
 * Splits article body into sentences. Paragraph breaks always end a sentence;
 * within a paragraph a [.!?] ends one when the next word starts a new sentence
 * and the period does not close an abbreviation or an initial.
 */
export function splitSentences(text: string, body: Span[]): Sentence[] {
  const out: Sentence[] = [];
  let para = 0;
  for (const [s, e] of body) {
    const lineRe = /[^\n]+/g;
    const chunk = text.slice(s, e);
    for (const line of chunk.matchAll(lineRe)) {
      const lineStart = s + line.index!;
      splitLine(text, lineStart, lineStart + line[0].length, para++, out);
    }
  }
  return out;
}

function splitLine(text: string, start: number, end: number, para: number, out: Sentence[]): void {
  const line = text.slice(start, end);
  // A boundary candidate: terminal punctuation, optional closing quotes/brackets, then space(s)
  // or straight into a capital (pages glue sentences: "attend.Damascus").
  const re = /[.!?]+["'”’)\]]*(?=\s+["'“‘(]?[\p{Lu}\p{N}]|[\p{Lu}][\p{Ll}])/gu;
  let from = 0;
  for (const m of line.matchAll(re)) {
    const at = m.index!;
    if (m[0].startsWith('.') && m[0].length === 1 && isAbbreviation(line, at)) continue;
    const stop = at + m[0].length;
    push(text, start + from, start + stop, para, out);
    from = stop;
  }
  push(text, start + from, end, para, out);
}

function isAbbreviation(line: string, dot: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(line.slice(Math.max(0, dot - 12), dot));
  if (!before) return false;
  const w = before[1]!;
  if (/^\p{Lu}$/u.test(w)) return true; // an initial: "George W. Bush"
  return ABBREV.has(w.toLowerCase());
}

function push(text: string, s: number, e: number, para: number, out: Sentence[]): void {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ text: text.slice(s, e), start: s, end: e, para });
}
