/** A word or punctuation mark with its offsets in the article text. */
export interface Token {
  /** Surface form. */
  t: string;
  /** Lower-cased form, for case-insensitive lexicons. */
  l: string;
  start: number;
  end: number;
  /** Whether whitespace separates it from the previous token ("Turkey-backed" has none before "-"). */
  sp: boolean;
}

// Order matters: acronyms with dots first, then the clitics a lexicon needs to see
// on their own ("n't" for negation, "'s" for possessives), then words.
const TOKEN_RE =
  /(?:[A-Z]\.){2,}|[\p{L}\p{M}\p{N}]+(?=n['’]t\b)|n['’]t\b|['’]s\b|[\p{L}\p{M}\p{N}]+(?:[.,]\d+)*|\S/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  let prevEnd = -1;
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = offset + m.index!;
    const t = m[0];
    out.push({ t, l: t.toLowerCase().replace('’', "'"), start, end: start + t.length, sp: prevEnd !== start });
    prevEnd = start + t.length;
  }
  return out;
}

export function isCapitalized(t: string): boolean {
  // ASCII first: this runs for every token, and the Unicode regex is the slow path.
  const c = t.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return /^\p{Lu}/u.test(t);
}
