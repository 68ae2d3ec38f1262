import type { Modality } from '../extract/types.js';
import { dateRange, dedupeEvidence } from './aggregate.js';
import { countMentions } from './build.js';
import { emptyGraph, isSymmetric, orient } from './graph.js';
import type { ActorGraph, EdgeType, Evidence, Level } from './types.js';

export interface ViewOptions {
  level: Level;
  /** 'asserted' keeps asserted mentions only (the default graph); 'all' keeps every modality. */
  modality: 'asserted' | 'all' | readonly Modality[];
}

/**
 * Where a node lands at actor level: persons and sub-organisations (UN agencies,
 * a state's oil company) follow `memberOf` up to the top actor present in the graph.
 */
export function rollUpTarget(full: ActorGraph, id: string): string {
  let cur = id;
  const seen = new Set<string>();
  while (!seen.has(cur)) {
    seen.add(cur);
    const parent = full.hasNode(cur) ? full.getNodeAttribute(cur, 'memberOf') : undefined;
    if (!parent || !full.hasNode(parent)) break;
    cur = parent;
  }
  return cur;
}

function modalityFilter(m: ViewOptions['modality']): (e: Evidence) => boolean {
  if (m === 'all') return () => true;
  const allowed = new Set<Modality>(m === 'asserted' ? ['asserted'] : m);
  return (e) => allowed.has(e.modality);
}

/**
 * Derives a view from the full graph: pure, so the CLI, the exports and the
 * browser all compute the same actor-level graph the same way.
 */
export function viewGraph(full: ActorGraph, opts: ViewOptions): ActorGraph {
  const keep = modalityFilter(opts.modality);
  const map = (id: string) => (opts.level === 'actor' ? rollUpTarget(full, id) : id);
  const attrs = full.getAttributes();
  const out = emptyGraph({
    ...attrs,
    level: opts.level,
    modality: opts.modality === 'asserted' ? 'asserted' : 'all',
  });

  const pending = new Map<string, { type: EdgeType; s: string; t: string; evidence: Evidence[] }>();
  full.forEachEdge((_key, e, source, target) => {
    if (e.type === 'member-of') return;
    const evidence = e.evidence.filter(keep);
    if (!evidence.length) return;
    const from = map(source);
    const to = map(target);
    // A meeting between two Syrian officials is not a Syria–Syria relation.
    if (from === to) return;
    const [s, t] = orient(e.type, from, to);
    const key = `${e.type}|${s}|${t}`;
    const p = pending.get(key);
    if (p) p.evidence.push(...evidence);
    else pending.set(key, { type: e.type, s, t, evidence: [...evidence] });
  });

  const nodes = new Set<string>();
  for (const p of pending.values()) nodes.add(p.s).add(p.t);
  if (opts.level === 'person') {
    // Every person with a known affiliation is shown, with or without relations of their own.
    full.forEachNode((n, a) => {
      if (a.kind === 'person' && a.memberOf) nodes.add(n);
    });
    // Keep each person's affiliation visible next to them.
    for (const n of [...nodes]) {
      const parent = full.getNodeAttribute(n, 'memberOf');
      if (parent && full.hasNode(parent)) nodes.add(parent);
    }
  }
  for (const n of [...nodes].sort()) out.addNode(n, { ...full.getNodeAttributes(n), mentions: 0 });

  for (const [key, p] of [...pending.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const evidence = dedupeEvidence(p.evidence);
    const a = { type: p.type, weight: evidence.length, ...dateRange(evidence), evidence };
    if (isSymmetric(p.type)) out.addUndirectedEdgeWithKey(key, p.s, p.t, a);
    else out.addDirectedEdgeWithKey(key, p.s, p.t, a);
  }

  if (opts.level === 'person') {
    for (const n of [...nodes].sort()) {
      const parent = full.getNodeAttribute(n, 'memberOf');
      if (parent && out.hasNode(parent) && parent !== n) {
        out.addDirectedEdgeWithKey(`member-of|${n}|${parent}`, n, parent, {
          type: 'member-of',
          weight: 1,
          first: null,
          last: null,
          evidence: [],
        });
      }
    }
  }
  countMentions(out);
  return out;
}
