/** A non-blank line of an article, as the trimmed range [start, end) of the text. */
export interface TextLine {
  start: number;
  end: number;
  /** text.slice(start, end) */
  content: string;
}

// NBSP and zero-width characters are common page-copy debris around lines.
const EDGE_SPACE = /[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]/;

/** Non-blank lines with their offsets, trimmed at both ends. Paragraph = line. */
export function splitLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let s = pos;
    let e = nl;
    while (s < e && EDGE_SPACE.test(text[s]!)) s++;
    while (e > s && EDGE_SPACE.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, content: text.slice(s, e) });
    pos = nl + 1;
  }
  return out;
}

export function wordCount(s: string): number {
  // A loop rather than match(/\S+/g): this runs on every line and the array is thrown away.
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0xfeff;
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      n++;
    }
  }
  return n;
}

/** Lower case, typographic quotes folded, spaces collapsed, trailing : ! . dropped: the key lexicon rules compare. */
export function normaliseLine(s: string): string {
  // The boilerplate rules ask for the same line's key several times; a small memo saves the regexes.
  const hit = memo.get(s);
  if (hit !== undefined) return hit;
  if (memo.size > 4096) memo.clear();
  const out = normalise(s);
  memo.set(s, out);
  return out;
}

const memo = new Map<string, string>();

function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/[\s:!.]+$/, '');
}

const CLOSERS = /["'\u2019\u201d\u00bb)\]]+$/;

/** The last character that carries sentence meaning, closing quotes and brackets skipped. */
export function finalChar(s: string): string {
  const t = s.trimEnd().replace(CLOSERS, '').trimEnd();
  return t.slice(-1);
}

/** True when the line ends like a sentence rather than a headline or label. */
export function endsLikeSentence(s: string): boolean {
  return /[.!?\u2026\u25a0]/.test(finalChar(s)) || /[.!?]["'\u2019\u201d]$/.test(s.trimEnd());
}

/** Contains reported speech, so first/second person words belong to a quoted speaker, not the site. */
export function looksQuoted(s: string): boolean {
  return /["\u201c\u201d\u00ab\u00bb]/.test(s) || /(^|\s)['\u2018][A-Za-z]/.test(s) || /[A-Za-z.,!?]['\u2019](\s|$)/.test(s);
}
