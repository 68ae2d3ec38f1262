import fa2Module from 'graphology-layout-forceatlas2';

// The package is CommonJS with an ESM-style `export default` in its typings; under
// NodeNext the default import is the module object, so unwrap it once here.
const forceAtlas2 = ((fa2Module as unknown as { default?: typeof fa2Module }).default ?? fa2Module) as unknown as typeof fa2Module.default;
import type { ActorGraph } from './types.js';

/** A stable hash of an id in [0, 1), so initial positions never depend on insertion order or chance. */
function unit(id: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100000) / 100000;
}

export interface LayoutOptions {
  /** ForceAtlas2 iterations; scaled down on big graphs so exports stay fast. */
  iterations?: number;
}

/** Positions for every node: deterministic seed, then ForceAtlas2 (synchronous; the viewer runs its own in a worker). */
export function layout(graph: ActorGraph, opts: LayoutOptions = {}): Map<string, { x: number; y: number }> {
  const pos = new Map<string, { x: number; y: number }>();
  graph.forEachNode((n) => pos.set(n, { x: unit(n, 1) * 100 - 50, y: unit(n, 2) * 100 - 50 }));
  if (graph.order < 2) return pos;
  // Each iteration costs O(n²) for repulsion (O(n log n) with Barnes-Hut, used
  // past 2,000 nodes), so big graphs get fewer, cheaper iterations: an export
  // of a year of news stays seconds, and the viewer refines the layout anyway.
  const big = graph.order > 2000;
  const iterations =
    opts.iterations ?? (graph.size > 20000 || graph.order > 20000 ? (graph.order > 100000 ? 5 : 20) : graph.size > 2000 || big ? 60 : 200);
  const copy = graph.copy();
  copy.forEachNode((n) => copy.mergeNodeAttributes(n, pos.get(n)!));
  const settings = forceAtlas2.inferSettings(copy);
  const result = forceAtlas2(copy, {
    iterations,
    settings: { ...settings, gravity: 1, scalingRatio: 10, ...(big ? { barnesHutOptimize: true } : {}) },
    getEdgeWeight: 'weight',
  });
  for (const [n, p] of Object.entries(result)) pos.set(n, { x: round(p.x), y: round(p.y) });
  return pos;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Weighted degree: the sum of the weights of a node's relation edges. */
export function weightedDegree(graph: ActorGraph, node: string): number {
  let d = 0;
  graph.forEachEdge(node, (_e, a) => {
    if (a.type !== 'member-of') d += a.weight;
  });
  return d;
}
