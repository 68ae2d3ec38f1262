import type { Modality } from '../extract/types.js';
import { dateRange, dedupeEvidence } from './aggregate.js';
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
  const keepAll = opts.modality === 'all';
  const keep = modalityFilter(opts.modality);
  // rollUpTarget once per node, not once per edge end: big graphs have ten edges per node
  const landing = new Map<string, string>();
  const map =
    opts.level === 'actor'
      ? (id: string) => {
          let to = landing.get(id);
          if (to === undefined) landing.set(id, (to = rollUpTarget(full, id)));
          return to;
        }
      : (id: string) => id;
  const attrs = full.getAttributes();
  const out = emptyGraph({
    ...attrs,
    level: opts.level,
    modality: opts.modality === 'asserted' ? 'asserted' : 'all',
  });

  const pending = new Map<string, { type: EdgeType; s: string; t: string; evidence: Evidence[] }>();
  full.forEachEdge((_key, e, source, target) => {
    if (e.type === 'member-of') return;
    const evidence = keepAll ? e.evidence : e.evidence.filter(keep);
    if (!evidence.length) return;
    const from = map(source);
    const to = map(target);
    // A meeting between two Syrian officials is not a Syria–Syria relation.
    if (from === to) return;
    const [s, t] = orient(e.type, from, to);
    const key = `${e.type}|${s}|${t}`;
    const p = pending.get(key);
    if (p) p.evidence.push(...evidence);
    // the list is this view's own (pushed onto when edges merge), never the stored graph's
    else pending.set(key, { type: e.type, s, t, evidence: keepAll ? [...evidence] : evidence });
  });

  const keys = [...pending.keys()];
  // the default sort compares UTF-16 code units, as `<` does, and is faster than a comparator
  if (!isSorted(keys)) keys.sort();
  const weighted = keys.map((key) => {
    const p = pending.get(key)!;
    const evidence = p.evidence.length === 1 ? p.evidence : dedupeEvidence(p.evidence);
    return { key, p, a: { type: p.type, weight: evidence.length, ...dateRange(evidence), evidence } };
  });

  const nodes = new Set<string>();
  // each node's mentions: the weights of its relation edges (member-of does not count)
  const mentions = new Map<string, number>();
  for (const { p, a } of weighted) {
    nodes.add(p.s).add(p.t);
    mentions.set(p.s, (mentions.get(p.s) ?? 0) + a.weight);
    mentions.set(p.t, (mentions.get(p.t) ?? 0) + a.weight);
  }
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
  const sortedNodes = [...nodes];
  if (!isSorted(sortedNodes)) sortedNodes.sort();
  for (const n of sortedNodes) out.addNode(n, { ...full.getNodeAttributes(n), mentions: mentions.get(n) ?? 0 });

  for (const { key, p, a } of weighted) {
    if (isSymmetric(p.type)) out.addUndirectedEdgeWithKey(key, p.s, p.t, a);
    else out.addDirectedEdgeWithKey(key, p.s, p.t, a);
  }

  if (opts.level === 'person') {
    for (const n of sortedNodes) {
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
  return out;
}

/** Whether the strings are already in ascending order: stored graphs usually are, and checking is cheaper than sorting. */
function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}
