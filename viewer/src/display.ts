/**
 * The rendered graph: its display attributes are src/graph/display.ts (the
 * server styles its boot view with them too); here, keeping the boot view's
 * frame when the app's own graph draws the same, and the pointer's events.
 */
import type { ActorGraph } from '../../src/graph/types.js';
import type { Store } from './state.js';

export { styleShown } from '../../src/graph/display.js';

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
const NODE_DRAWING = ['size', 'color', 'label'] as const;
const EDGE_DRAWING = ['color', 'size', 'arrow', 'curvature'] as const;

/**
 * Positions agree to a billionth: the sunflower's Math.cos and Math.sin differ in the last bit
 * between the server's V8 and the browser's for a few percent of ids, 1e-13 of a pixel on screen.
 */
function near(a: unknown, b: unknown): boolean {
  if (typeof a !== 'number' || typeof b !== 'number') return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * When `derived` (the app's rendered graph) draws what `drawn` (the boot view sigma already
 * shows) draws, fills `drawn` with `derived`'s attributes, in place and without change
 * events, so sigma keeps its frame instead of processing and drawing 50,000 edges again. The two
 * graphs then hold the same data, `derived`'s exact positions included. Returns false, touching nothing, when anything differs.
 */
export function adoptDrawn(drawn: ActorGraph, derived: ActorGraph): boolean {
  if (drawn.order !== derived.order || drawn.size !== derived.size) return false;
  let same = true;
  derived.forEachNode((n, a) => {
    if (!same) return;
    if (!drawn.hasNode(n)) return void (same = false);
    const d = drawn.getNodeAttributes(n) as unknown as Drawn;
    same = near(d.x, a.x) && near(d.y, a.y) && NODE_DRAWING.every((k) => d[k] === (a as unknown as Drawn)[k]);
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
