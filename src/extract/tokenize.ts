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

const APOSTROPHE = /^['’‘]$/;

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  let prevEnd = -1;
  // a single quote opened and not yet closed ("called it 'a crisis'"), so its close is no possessive
  let quoted = false;
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = offset + m.index!;
    const t = m[0];
    const sp = prevEnd !== start;
    let l = t.toLowerCase().replace('’', "'");
    if (APOSTROPHE.test(t)) {
      const prev = out[out.length - 1];
      const after = text[m.index! + 1];
      if (!sp && !quoted && prev && /[sS]$/.test(prev.t) && isCapitalized(prev.t) && (after === undefined || /\s/.test(after))) {
        // "the United States' support", "the Philippines' alliance": a plural name's possessive is the
        // same clitic as "'s" to every rule that reads possessives
        l = "'s";
      } else if (sp && after !== undefined && !/\s/.test(after)) quoted = true;
      else if (!sp) quoted = false;
    }
    out.push({ t, l, start, end: start + t.length, sp });
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
