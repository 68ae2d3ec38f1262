import * as chrono from 'chrono-node';

/**
 * The event date a sentence gives, resolved against the publication date.
 * A relative expression ("on Thursday", "last month") needs a publication date;
 * without one it is left unresolved rather than guessed.
 */
const DATE_WORDS = /\b(?:\d{4}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|(?:last|next|this|earlier this|later this) (?:week|weekend|month|year|night|morning|evening)|\d+ (?:days?|weeks?|months?|years?) ago)\b/;

export function eventDate(sentence: string, published: string | null): string | null {
  // Cheap gate: chrono is the slowest step of extraction, and most sentences name no date.
  if (!DATE_WORDS.test(sentence)) return null;
  const ref = published ? new Date(`${published}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1));
  let results: chrono.ParsedResult[];
  try {
    results = chrono.parse(sentence, { instant: ref, timezone: 0 }, { forwardDate: false });
  } catch {
    return null;
  }
  let dateline: string | null = null;
  for (const r of results) {
    const c = r.start;
    // Without a publication date only an explicit year dates anything ("last month" has nothing to count from).
    if (!published && (!c.isCertain('year') || !/\d{4}/.test(r.text))) continue;
    if (!c.isCertain('month') && !c.isCertain('weekday') && !c.isCertain('day')) continue;
    const d = c.date();
    if (Number.isNaN(d.getTime())) continue;
    // A bare month ("in July") keeps month precision: the first of the month.
    if (!c.isCertain('day') && !c.isCertain('weekday')) d.setUTCDate(1);
    let iso = d.toISOString().slice(0, 10);
    // News reports the past: "in July" written in January is last July; "Thursday" after publication is a misreading.
    if (published && iso > published && !c.isCertain('year')) {
      if (c.isCertain('weekday') || c.isCertain('day')) continue;
      iso = `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;
    }
    // The publication date itself in the sentence is its dateline, not the event's date.
    if (iso === published) {
      dateline = iso;
      continue;
    }
    return iso;
  }
  return dateline;
}
