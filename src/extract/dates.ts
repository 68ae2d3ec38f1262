import * as chrono from 'chrono-node';

/**
 * The event date a sentence gives, resolved against the publication date.
 * A relative expression ("on Thursday", "last month") needs a publication date;
 * without one it is left unresolved rather than guessed.
 */
export function eventDate(sentence: string, published: string | null): string | null {
  // Cheap gate: chrono is the slowest step of extraction, and most sentences name no date.
  if (!/\d{4}|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|last|this|earlier|next)/.test(sentence)) return null;
  const ref = published ? new Date(`${published}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1));
  let results: chrono.ParsedResult[];
  try {
    results = chrono.parse(sentence, { instant: ref, timezone: 0 }, { forwardDate: false });
  } catch {
    return null;
  }
  for (const r of results) {
    const c = r.start;
    if (!published && !c.isCertain('year')) continue;
    // A bare month with no day ("in July") keeps month precision: the first of the month.
    if (!c.isCertain('month') && !c.isCertain('weekday') && !c.isCertain('day')) continue;
    const d = c.date();
    if (Number.isNaN(d.getTime())) continue;
    const iso = d.toISOString().slice(0, 10);
    // News reports the past: a resolved date after publication is a misreading of "Thursday".
    if (published && iso > published && !c.isCertain('year')) continue;
    return iso;
  }
  return null;
}
