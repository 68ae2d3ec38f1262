/**
 * What the panels read off the filtered graph (counts, histogram, sizes). The
 * filter itself is src/graph/filter.ts. Pure functions, no DOM.
 */
import { TYPE_ORDER, normDate } from '../../src/graph/filter.js';
import type { ActorGraph, Evidence } from '../../src/graph/types.js';

// the server derives the boot view with the same filter, so it lives with the pipeline's graph code
export { TYPE_ORDER, filterGraph, inRange, normDate, timeFilterActive } from '../../src/graph/filter.js';
export { nodeSize } from '../../src/graph/display.js';

export function countByType(g: ActorGraph): Record<string, number> {
  const counts: Record<string, number> = {};
  g.forEachEdge((_k, a) => {
    counts[a.type] = (counts[a.type] ?? 0) + 1;
  });
  return counts;
}

/** Types present in a graph, in legend order (unknown types last, alphabetically). */
export function typesIn(g: ActorGraph): string[] {
  const present = new Set<string>();
  g.forEachEdge((_k, a) => present.add(a.type));
  const known = TYPE_ORDER.filter((t) => present.has(t));
  const other = [...present].filter((t) => !TYPE_ORDER.includes(t)).sort();
  return [...known, ...other];
}

/** Weighted degree over relation edges (member-of edges do not count). */
export function weightedDegree(g: ActorGraph, node: string): number {
  let sum = 0;
  g.forEachEdge(node, (_k, a) => {
    if (a.type !== 'member-of') sum += a.weight || 1;
  });
  return sum;
}

// ---------------------------------------------------------------- histogram

export type Unit = 'day' | 'month' | 'year';

export interface Bucket {
  key: string;
  /** Inclusive bounds, ISO dates. */
  start: string;
  end: string;
  count: number;
}

export interface Histogram {
  unit: Unit;
  buckets: Bucket[];
  /** Mentions without a date (never inside a time range). */
  undated: number;
}

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const parse = (d: string) => Date.parse(`${d}T00:00:00Z`);

function bucketOf(d: string, unit: Unit): { key: string; start: string; end: string } {
  if (unit === 'day') return { key: d, start: d, end: d };
  const y = Number(d.slice(0, 4));
  if (unit === 'year') return { key: d.slice(0, 4), start: `${y}-01-01`, end: `${y}-12-31` };
  const m = Number(d.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { key: d.slice(0, 7), start: `${d.slice(0, 7)}-01`, end: `${d.slice(0, 7)}-${String(last).padStart(2, '0')}` };
}

function nextStart(b: { end: string }): string {
  return iso(parse(b.end) + DAY);
}

/** Mentions over time, for the evidence of edges whose type is switched on. */
export function histogram(g: ActorGraph, hiddenTypes: readonly string[] = []): Histogram {
  const hidden = new Set(hiddenTypes);
  const dates: string[] = [];
  let undated = 0;
  g.forEachEdge((_k, a) => {
    if (a.type === 'member-of' || hidden.has(a.type)) return;
    for (const e of a.evidence) {
      const d = normDate(e.date);
      if (d) dates.push(d);
      else undated++;
    }
  });
  if (dates.length === 0) return { unit: 'day', buckets: [], undated };
  dates.sort();
  const min = dates[0]!;
  const max = dates[dates.length - 1]!;
  const spanDays = (parse(max) - parse(min)) / DAY;
  const unit: Unit = spanDays <= 92 ? 'day' : spanDays <= 366 * 12 ? 'month' : 'year';
  const buckets: Bucket[] = [];
  const index = new Map<string, Bucket>();
  let b = bucketOf(min, unit);
  for (;;) {
    const bucket = { ...b, count: 0 };
    buckets.push(bucket);
    index.set(b.key, bucket);
    if (b.end >= max) break;
    b = bucketOf(nextStart(b), unit);
  }
  for (const d of dates) index.get(bucketOf(d, unit).key)!.count++;
  return { unit, buckets, undated };
}

/** Evidence of an edge in the filtered graph, newest first. */
export function sortEvidence(ev: readonly Evidence[]): Evidence[] {
  return [...ev].sort((a, b) => (normDate(b.date) ?? '').localeCompare(normDate(a.date) ?? '') || a.doc.localeCompare(b.doc) || a.start - b.start);
}
