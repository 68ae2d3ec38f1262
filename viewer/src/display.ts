/**
 * The rendered graph's display attributes (positions, sizes, colours, curves),
 * written onto a filtered graph; used for the app's own graph and for the view
 * the server derived, which the viewer draws while the stored graph loads.
 */
import type { ActorGraph, EdgeAttrs } from '../../src/graph/types.js';
import { kindColor, relationColor } from '../../src/graph/style.js';
import { nodeSize } from './filters.js';
import { initialPositions, type Pos } from './layout.js';
import { parallelCurvatures } from './parallel.js';
import type { Store } from './state.js';

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
    const d = a as EdgeAttrs & { color: string; size: number; arrow: boolean; curvature: number };
    d.color = relationColor(a.type);
    // at least 2 px: sigma picks edges from a downsized buffer, so thinner ones are hard to click
    d.size = a.type === 'member-of' ? 1 : Math.min(7, 2 + Math.log2(Math.max(1, a.weight)));
    d.arrow = !undirected;
    d.curvature = curvatures.get(e) ?? 0;
  });
  return g;
}

export interface RendererEvents {
  clickNode(node: string): void;
  clickEdge(edge: string): void;
  clickStage(): void;
  hoverNode(node: string | null): void;
}

/** What the pointer does on the graph, as store changes: the same before and after the UI is bound. */
export function rendererEvents(store: Store): RendererEvents {
  return {
    hoverNode: (node) => store.set({ hoveredNode: node }),
    clickNode: (node) => store.set({ selectedNode: node, selectedEdge: null }),
    clickEdge: (edge) => store.set({ selectedEdge: edge, selectedNode: null }),
    clickStage: () => store.set({ selectedNode: null, selectedEdge: null }),
  };
}

type Drawn = Record<string, unknown>;
const NODE_DRAWING = ['x', 'y', 'size', 'color', 'label'] as const;
const EDGE_DRAWING = ['color', 'size', 'arrow', 'curvature'] as const;

/**
 * When `derived` (the app's rendered graph) draws exactly what `drawn` (the boot view sigma
 * already shows) draws, fills `drawn` with `derived`'s attributes, in place and without change
 * events, so sigma keeps its frame instead of processing and drawing 50,000 edges again. The two
 * graphs are then equal item for item. Returns false, touching nothing, when anything differs.
 */
export function adoptDrawn(drawn: ActorGraph, derived: ActorGraph): boolean {
  if (drawn.order !== derived.order || drawn.size !== derived.size) return false;
  let same = true;
  derived.forEachNode((n, a) => {
    if (!same) return;
    if (!drawn.hasNode(n)) return void (same = false);
    const d = drawn.getNodeAttributes(n) as unknown as Drawn;
    same = NODE_DRAWING.every((k) => d[k] === (a as unknown as Drawn)[k]);
  });
  if (!same) return false;
  derived.forEachEdge((e, a, s, t, _sa, _ta, undirected) => {
    if (!same) return;
    if (!drawn.hasEdge(e) || drawn.source(e) !== s || drawn.target(e) !== t || drawn.isUndirected(e) !== undirected) return void (same = false);
    const d = drawn.getEdgeAttributes(e) as unknown as Drawn;
    same = d.type === a.type && EDGE_DRAWING.every((k) => d[k] === (a as unknown as Drawn)[k]);
  });
  if (!same) return false;
  derived.forEachNode((n, a) => Object.assign(drawn.getNodeAttributes(n), a));
  derived.forEachEdge((e, a) => Object.assign(drawn.getEdgeAttributes(e), a));
  // sigma does not read the graph's own attributes (articles, level): no event needed
  drawn.replaceAttributes({ ...derived.getAttributes() });
  return true;
}
