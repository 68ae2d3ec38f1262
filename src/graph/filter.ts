/**
 * The filtered graph: derived from a level/modality view by the relation-type
 * toggles and the time range. Pure; the viewer filters with it, and the server
 * with it derives the view the viewer draws first.
 */
import { emptyGraph } from './graph.js';
import type { ActorGraph, EdgeAttrs, NodeAttrs } from './types.js';

/** Relation types in legend order; 'member-of' only exists at person level. */
export const TYPE_ORDER = ['allies-with', 'supports', 'met-with', 'negotiates-with', 'mediated-by', 'opposes', 'fights', 'member-of'];

export interface GraphFilters {
  /** Relation types switched off. */
  hiddenTypes: readonly string[];
  /** Inclusive ISO dates (YYYY-MM-DD); null = open end. */
  from: string | null;
  to: string | null;
}

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

export function timeFilterActive(f: Pick<GraphFilters, 'from' | 'to'>): boolean {
  return !!(f.from || f.to);
}

/** Builds the filtered graph. The base graph is never modified. */
export function filterGraph(base: ActorGraph, f: GraphFilters): ActorGraph {
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
