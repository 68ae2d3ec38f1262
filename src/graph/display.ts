/**
 * The rendered graph's display attributes (positions, sizes, colours, curves), written onto a
 * filtered graph. Pure: the viewer styles its own graph with them, and the server the boot view
 * the viewer draws while the stored graph loads, so both draw the same.
 */
import { initialPositions, type Pos } from './positions.js';
import { kindColor, relationColor } from './style.js';
import type { ActorGraph } from './types.js';

export interface EdgeDisplay {
  color: string;
  size: number;
  /** Directed relation: drawn with an arrow head. */
  arrow: boolean;
  /** 0 = straight; parallel edges get a curvature. */
  curvature: number;
}

/** Screen size of a node from its weighted degree. */
export function nodeSize(wdeg: number, maxWdeg: number, bigGraph = false): number {
  const min = bigGraph ? 2 : 5;
  const max = bigGraph ? 14 : 26;
  if (maxWdeg <= 0) return min;
  return min + (max - min) * Math.sqrt(wdeg / maxWdeg);
}

/** How an edge is drawn. */
export function edgeDisplay(type: string, weight: number, undirected: boolean, curvature: number): EdgeDisplay {
  return {
    color: relationColor(type),
    // at least 2 px: sigma picks edges from a downsized buffer, so thinner ones are hard to click
    size: type === 'member-of' ? 1 : Math.min(7, 2 + Math.log2(Math.max(1, weight))),
    arrow: !undirected,
    curvature,
  };
}

/**
 * Curvatures for parallel edges (several relations between the same two
 * nodes, in either direction). Pure, no DOM: a lone edge is straight (0); a
 * bundle of n edges fans out symmetrically, the middle one straight when n is
 * odd. The sign is relative to the canonical direction (smaller id → larger
 * id), so A→B and B→A bend to opposite sides instead of overlapping.
 */
export interface EdgeEnds {
  key: string;
  source: string;
  target: string;
}

export function parallelCurvatures(edges: Iterable<EdgeEnds>): Map<string, number> {
  const bundles = new Map<string, EdgeEnds[]>();
  for (const e of edges) {
    const [a, b] = e.source <= e.target ? [e.source, e.target] : [e.target, e.source];
    const id = `${a}\u0000${b}`;
    let list = bundles.get(id);
    if (!list) bundles.set(id, (list = []));
    list.push(e);
  }
  const out = new Map<string, number>();
  for (const list of bundles.values()) {
    const n = list.length;
    if (n === 1) {
      out.set(list[0]!.key, 0);
      continue;
    }
    list.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    const step = n === 2 ? 0.5 : 0.8 / (n - 1);
    list.forEach((e, i) => {
      const offset = i - (n - 1) / 2;
      const canonical = e.source <= e.target;
      const c = offset * step * (canonical ? 1 : -1);
      out.set(e.key, c === 0 ? 0 : c); // no -0
    });
  }
  return out;
}

export function styleShown(g: ActorGraph, pos: ReadonlyMap<string, Pos>, big: boolean): ActorGraph {
  // weighted degree over relation edges (member-of does not count), in one pass over the edges
  const wd = new Map<string, number>();
  g.forEachEdge((_e, a, s, t) => {
    if (a.type === 'member-of') return;
    const w = a.weight || 1;
    wd.set(s, (wd.get(s) ?? 0) + w);
    wd.set(t, (wd.get(t) ?? 0) + w);
  });
  let max = 0;
  for (const w of wd.values()) if (w > max) max = w;
  // Display attributes, written in place in one pass, without per-item change events (sigma
  // reads the graph only after this). A filtered graph shares its edge attribute objects
  // with the view, and every build rewrites all of these, so nothing stale survives.
  g.forEachNode((n, a) => {
    const p = pos.get(n) ?? initialPositions([n]).get(n)!;
    a.x = p.x;
    a.y = p.y;
    a.size = nodeSize(wd.get(n) ?? 0, max, big);
    a.color = kindColor(a.kind);
  });
  const curvatures = parallelCurvatures(g.mapEdges((key, _a, source, target) => ({ key, source, target })));
  g.forEachEdge((e, a, _s, _t, _sa, _ta, undirected) => {
    Object.assign(a, edgeDisplay(a.type, a.weight, undirected, curvatures.get(e) ?? 0));
  });
  return g;
}
