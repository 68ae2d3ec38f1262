/**
 * The filtered graph: derived from the level/modality view of the stored graph
 * by the relation-type toggles and the time range. Pure functions, no DOM.
 */
import { emptyGraph } from '../../src/graph/graph.js';
import type { ActorGraph, EdgeAttrs, Evidence, NodeAttrs } from '../../src/graph/types.js';
import type { Filters } from './state.js';

/** Relation types in legend order; 'member-of' only exists at person level. */
export const TYPE_ORDER = ['allies-with', 'supports', 'met-with', 'negotiates-with', 'mediated-by', 'opposes', 'fights', 'member-of'];

/** ISO date of a piece of evidence normalised to YYYY-MM-DD ('2016' → '2016-01-01'), or null. */
export function normDate(d: string | null | undefined): string | null {
  if (!d) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d);
  if (!m) return null;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

export function inRange(date: string | null | undefined, from: string | null, to: string | null): boolean {
  if (!from && !to) return true;
  const d = normDate(date);
  if (!d) return false;
  return (!from || d >= from) && (!to || d <= to);
}

export function timeFilterActive(f: Pick<Filters, 'from' | 'to'>): boolean {
  return !!(f.from || f.to);
}

/** Builds the filtered graph. The base graph is never modified. */
export function filterGraph(base: ActorGraph, f: Filters): ActorGraph {
  const out = emptyGraph({ ...base.getAttributes() });
  const hidden = new Set(f.hiddenTypes);
  const timed = timeFilterActive(f);
  const unfiltered = !timed && hidden.size === 0;

  // 1. relation edges passing the type toggles and the time range
  const kept: Array<[string, EdgeAttrs, string, string, boolean]> = [];
  const visible = new Set<string>();
  base.forEachEdge((key, a, s, t, _sa, _ta, undirected) => {
    if (a.type === 'member-of' || hidden.has(a.type)) return;
    let attrs = a;
    if (timed) {
      const ev = a.evidence.filter((e) => inRange(e.date, f.from, f.to));
      if (ev.length === 0) return;
      const dates = ev.map((e) => normDate(e.date)!).sort();
      attrs = { ...a, evidence: ev, weight: ev.length, first: dates[0] ?? null, last: dates[dates.length - 1] ?? null };
    }
    kept.push([key, attrs, s, t, undirected]);
    visible.add(s);
    visible.add(t);
  });

  // 2. nodes: those with a visible relation, their parents (memberOf), or all when nothing filters
  const parents = new Set<string>();
  for (const n of visible) {
    const p = base.getNodeAttribute(n, 'memberOf');
    if (p && base.hasNode(p)) parents.add(p);
  }
  base.forEachNode((n, a) => {
    if (unfiltered || visible.has(n) || parents.has(n)) out.addNode(n, { ...a } as NodeAttrs);
  });
  for (const [key, attrs, s, t, undirected] of kept) {
    if (undirected) out.addUndirectedEdgeWithKey(key, s, t, attrs);
    else out.addDirectedEdgeWithKey(key, s, t, attrs);
  }
  // 3. member-of edges between shown nodes
  if (!hidden.has('member-of')) {
    base.forEachEdge((key, a, s, t) => {
      if (a.type === 'member-of' && out.hasNode(s) && out.hasNode(t)) out.addDirectedEdgeWithKey(key, s, t, a);
    });
  }
  return out;
}

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

/** Screen size of a node from its weighted degree. */
export function nodeSize(wdeg: number, maxWdeg: number, bigGraph = false): number {
  const min = bigGraph ? 2 : 5;
  const max = bigGraph ? 14 : 26;
  if (maxWdeg <= 0) return min;
  return min + (max - min) * Math.sqrt(wdeg / maxWdeg);
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
