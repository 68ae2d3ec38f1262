import type { ClassifiedLine } from './boilerplate.js';
import { findDate } from './date.js';
import { wordCount } from './lines.js';

/** How many body lines from the top a dateline may sit in; deeper dates are story content. */
const TOP_LINES = 5;

// At the start of a line or after a separator of page furniture ("By Staff Reporter | Published …").
const PUBLISHED = /(?:^|[|\u00b7\u2022]\s*)\s*(?:first\s+)?(?:published|posted|released|date\s+published|publication\s+date)\b\s*(?:on|at|:)?\s*/i;
const UPDATED = /(?:^|[|\u00b7\u2022]\s*)\s*(?:last\s+)?(?:updated|modified)\b\s*(?:on|at|:)?\s*/i;
// "DAMASCUS, Dec 7 (Reuters) -", "BENGHAZI, Libya, March 3, 2016 (AFP) -": wire-copy datelines.
const WIRE = /^[A-Z][A-Z .'\u2019/-]{1,40}(?:,\s*[A-Z][A-Za-z .'\u2019-]{1,30})?,?\s+$/;
const WIRE_TAIL = /^\s*(?:\([^)]{1,40}\))?\s*[-\u2013\u2014:]/;

export interface Dateline {
  iso: string;
  line: ClassifiedLine;
  /** True when the line holds nothing but the date (and place/time), so it is not body. */
  bare: boolean;
}

function labelled(line: ClassifiedLine, label: RegExp): Dateline | null {
  const m = label.exec(line.content);
  if (!m) return null;
  const rest = line.content.slice(m.index + m[0].length);
  const d = findDate(rest.slice(0, 80));
  if (!d?.iso || d.index > 40) return null;
  return { iso: d.iso, line, bare: wordCount(line.content) <= 14 };
}

function topOfStory(line: ClassifiedLine): Dateline | null {
  const s = line.content;
  const head = findDate(s.slice(0, 120));
  if (head && WIRE.test(s.slice(0, head.index)) && WIRE_TAIL.test(s.slice(head.index + head.length))) {
    // Wire datelines often omit the year ("Dec 7"); a partial date is not a publication date.
    return head.iso ? { iso: head.iso, line, bare: false } : null;
  }
  const d = findDate(s);
  if (!d?.iso) return null;
  // A line that is only a date, give or take a weekday, time, city or "|": "Feb 27th 2020 KABUL".
  const rest = (s.slice(0, d.index) + ' ' + s.slice(d.index + d.length))
    .replace(/\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|BST|CET|EST|EDT|PST|[A-Z]{2,4}T)(?:[+-]\d{1,2})?)?/gi, ' ')
    .replace(/[|,\u2013\u2014\-:()]/g, ' ');
  if (wordCount(rest) <= 3 && wordCount(s) <= 12) return { iso: d.iso, line, bare: true };
  return null;
}

/**
 * The publication date printed in the text: a "Published ..." label anywhere,
 * else a wire dateline or a date-only line among the first body lines, else an
 * "Updated ..." label. Dates inside sentences further down never count.
 */
export function findDateline(lines: ClassifiedLine[]): Dateline | null {
  for (const l of lines) {
    const d = labelled(l, PUBLISHED);
    if (d) return d;
  }
  const top = lines.filter((l) => l.kind === 'body').slice(0, TOP_LINES);
  for (const l of top) {
    const d = labelled(l, UPDATED) ?? topOfStory(l);
    if (d) return d;
  }
  for (const l of lines) {
    const d = labelled(l, UPDATED);
    if (d) return d;
  }
  return null;
}
