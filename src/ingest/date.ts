/**
 * Date-string parsing. Deliberately hand-written rather than chrono-node:
 * chrono resolves partial dates ("Thursday", "Dec 7") against today's date,
 * which would invent publication dates. Here a date without a year is partial
 * and never becomes an ISO date.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4,
  may: 5, jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';
const WEEKDAY = '(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\\.?,?\\s+)?';

export interface DateMatch {
  /** ISO YYYY-MM-DD, or null when the match has no year. */
  iso: string | null;
  index: number;
  length: number;
}

interface Pattern {
  re: RegExp;
  pick: (m: RegExpExecArray) => { y: string | undefined; mo: number | undefined; d: string | undefined };
}

// Order matters: full dates before their yearless prefixes.
const PATTERNS: Pattern[] = [
  {
    re: new RegExp(`\\b${YEAR}-(\\d{1,2})-(\\d{1,2})(?![\\d])`, 'g'),
    pick: (m) => ({ y: m[1], mo: Number(m[2]), d: m[3] }),
  },
  {
    re: new RegExp(`\\b${YEAR}/(\\d{1,2})/(\\d{1,2})\\b`, 'g'),
    pick: (m) => ({ y: m[1], mo: Number(m[2]), d: m[3] }),
  },
  {
    re: new RegExp(`\\b${WEEKDAY}${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'gi'),
    pick: (m) => ({ y: m[3], mo: monthNumber(m[1]), d: m[2] }),
  },
  {
    re: new RegExp(`\\b${WEEKDAY}${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'gi'),
    pick: (m) => ({ y: m[3], mo: monthNumber(m[2]), d: m[1] }),
  },
  {
    re: new RegExp(`\\b${WEEKDAY}${MONTH}\\s+${DAY}\\b(?![:\\d])`, 'gi'),
    pick: (m) => ({ y: undefined, mo: monthNumber(m[1]), d: m[2] }),
  },
  {
    re: new RegExp(`\\b${WEEKDAY}${DAY}\\s+${MONTH}(?![\\w])`, 'gi'),
    pick: (m) => ({ y: undefined, mo: monthNumber(m[2]), d: m[1] }),
  },
];

function monthNumber(name: string | undefined): number | undefined {
  if (!name) return undefined;
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

function daysInMonth(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function toIso(y: number, mo: number, d: number): string | null {
  if (y < 1800 || y > 2200 || mo < 1 || mo > 12 || d < 1) return null;
  if (d > daysInMonth(y, mo)) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The first date written in `s`, full or yearless. Impossible dates (Feb 30)
 * are not matches.
 */
export function findDate(s: string): DateMatch | null {
  let best: DateMatch | null = null;
  for (const { re, pick } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const { y, mo, d } = pick(m);
      if (mo === undefined || d === undefined) continue;
      const day = Number(d);
      let iso: string | null;
      if (y === undefined) {
        if (day < 1 || day > 31) continue;
        iso = null;
      } else {
        iso = toIso(Number(y), mo, day);
        if (!iso) continue;
      }
      const cand = { iso, index: m.index, length: m[0].length };
      // A full date wins over a yearless one starting at the same place.
      if (!best || cand.index < best.index || (cand.index === best.index && best.iso === null && iso !== null)) {
        best = cand;
      }
      break;
    }
  }
  return best;
}

/**
 * Normalise a metadata date (ISO, RFC 2822, "December 7, 2016", "7 December
 * 2016", epoch seconds or milliseconds) to YYYY-MM-DD; null when there is no
 * full date in it. ISO timestamps keep the calendar date as written, not the
 * UTC date, because that is the date the publisher printed.
 */
export function normaliseDate(value: unknown): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return null;
    const ms = value > 1e11 ? value : value * 1000;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? null : toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (!s) return null;
  if (/^\d{10}(\d{3})?$/.test(s)) return normaliseDate(Number(s));
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(s);
  if (compact) return toIso(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const m = findDate(s);
  return m?.iso ?? null;
}
