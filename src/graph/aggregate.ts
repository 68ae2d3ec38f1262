import type { Evidence } from './types.js';

/** Identity of one mention on an edge: the same sentence read twice (two rules) counts once. */
export function evidenceKey(e: Evidence): string {
  return `${e.doc}\u0000${e.start}\u0000${e.end}\u0000${e.source}\u0000${e.target}`;
}

export function compareEvidence(a: Evidence, b: Evidence): number {
  return (
    (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0) ||
    a.start - b.start ||
    (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) ||
    (a.target < b.target ? -1 : a.target > b.target ? 1 : 0)
  );
}

/** Distinct evidence, keeping the most confident reading of each mention, in a stable order. */
export function dedupeEvidence(list: Iterable<Evidence>): Evidence[] {
  const best = new Map<string, Evidence>();
  for (const e of list) {
    const k = evidenceKey(e);
    const prev = best.get(k);
    if (!prev || e.confidence > prev.confidence) best.set(k, e);
  }
  return [...best.values()].sort(compareEvidence);
}

export function dateRange(evidence: readonly Evidence[]): { first: string | null; last: string | null } {
  let first: string | null = null;
  let last: string | null = null;
  for (const e of evidence) {
    if (!e.date) continue;
    if (first === null || e.date < first) first = e.date;
    if (last === null || e.date > last) last = e.date;
  }
  return { first, last };
}
