/**
 * Deterministic positions. Pure, no DOM: the viewer places its nodes with it,
 * and the server with it places the view the viewer draws first, so both agree.
 */
import fa2Module from 'graphology-layout-forceatlas2';
import type { ActorGraph, Level } from './types.js';

// CommonJS: under NodeNext the default import is the module object, under a bundler the function;
// typed here by the two calls used, as the package's typings differ between the two resolutions
const forceAtlas2 = ((fa2Module as unknown as { default?: unknown }).default ?? fa2Module) as {
  inferSettings(g: unknown): Record<string, unknown>;
  assign(g: unknown, opts: { iterations: number; settings: Record<string, unknown>; getEdgeWeight: string }): void;
};

export type Pos = { x: number; y: number };
/** Above this many stored nodes, no synchronous layout: the sunflower alone. */
export const BIG_GRAPH = 2000;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** FNV-1a 32-bit hash of a string, for per-id deterministic jitter. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Sunflower (phyllotaxis) layout of the ids sorted; the same ids always give the
 * same positions whatever order they come in.
 */
export function initialPositions(ids: readonly string[], scale = 10): Map<string, { x: number; y: number }> {
  const sorted = [...ids].sort();
  const out = new Map<string, { x: number; y: number }>();
  sorted.forEach((id, i) => {
    const r = scale * Math.sqrt(i + 0.5);
    const theta = i * GOLDEN_ANGLE;
    out.set(id, { x: r * Math.cos(theta), y: r * Math.sin(theta) });
  });
  return out;
}

/** A position near a parent's, offset deterministically by the id's hash. */
export function nearPosition(parent: { x: number; y: number }, id: string, radius = 4): { x: number; y: number } {
  const h = hash32(id);
  const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
  const r = radius * (0.5 + ((h >>> 16) / 0x10000) * 0.5);
  return { x: parent.x + r * Math.cos(angle), y: parent.y + r * Math.sin(angle) };
}

/**
 * Positions per level, shared by both modalities so toggling keeps the picture.
 * `view` gives the level's view of every modality (callers cache their views).
 */
export class LevelPositions {
  private readonly byLevel = new Map<Level, Map<string, Pos>>();

  constructor(private readonly stored: ActorGraph, private readonly view: (level: Level) => ActorGraph) {}

  get big(): boolean {
    return this.stored.order > BIG_GRAPH;
  }

  /** The level's map; callers may write into it (the viewer keeps where its live layout got to). */
  get(level: Level): Map<string, Pos> {
    let pos = this.byLevel.get(level);
    if (pos) return pos;
    if (this.big) {
      // no synchronous layout at this size: the sunflower over every stored id, which needs no
      // view (so no second viewGraph pass) and gives each id the same place at both levels
      pos = initialPositions(this.stored.nodes(), 10);
      this.byLevel.set(level, pos);
      return pos;
    }
    const g = this.view(level).copy() as unknown as ActorGraph;
    if (level === 'person') {
      const actorPos = this.get('actor');
      const fresh = initialPositions(g.nodes(), 10);
      g.forEachNode((n, a) => {
        const own = actorPos.get(n);
        const parent = a.memberOf ? actorPos.get(a.memberOf) : undefined;
        const p = own ?? (parent ? nearPosition(parent, n, 6) : fresh.get(n)!);
        g.mergeNodeAttributes(n, p);
      });
    } else {
      const init = initialPositions(g.nodes(), 10);
      g.forEachNode((n) => g.mergeNodeAttributes(n, init.get(n)!));
    }
    // a short synchronous ForceAtlas2 from the deterministic start: same input, same picture
    if (g.order > 1) {
      const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 500, slowDown: 2 };
      forceAtlas2.assign(g, { iterations: level === 'person' ? 150 : 250, settings, getEdgeWeight: 'weight' });
    }
    pos = new Map();
    g.forEachNode((n, a) => pos!.set(n, { x: a.x ?? 0, y: a.y ?? 0 }));
    this.byLevel.set(level, pos);
    return pos;
  }
}
