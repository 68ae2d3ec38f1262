/**
 * The pipeline: stored graph (from the API) → level/modality view (the
 * pipeline's own viewGraph) → filtered graph (type toggles, time range) →
 * rendered graph (positions, sizes, colours) → sigma, with hover and selection
 * applied by reducers only.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { ActorGraph } from '../../src/graph/types.js';
import { kindColor, relationColor } from '../../src/graph/style.js';
import { countByType, filterGraph, nodeSize, weightedDegree } from './filters.js';
import { encodeHash } from './hash.js';
import { initialPositions, nearPosition } from './layout.js';
import { Renderer } from './renderer.js';
import { sameFilters, type Filters, type Level, type ModalityFilter, type Store } from './state.js';
import { viewGraph } from './view.js';

type Pos = { x: number; y: number };
const BIG = 2000;

export class App {
  readonly views = new Map<string, ActorGraph>();
  readonly positions = new Map<Level, Map<string, Pos>>();
  shown!: ActorGraph;
  renderer!: Renderer;
  private layout: FA2Layout | null = null;
  private lastFilters: Filters | null = null;
  readonly onChange = new Set<() => void>();

  constructor(readonly stored: ActorGraph, readonly store: Store, private container: HTMLElement) {}

  get big(): boolean {
    return this.stored.order > BIG;
  }

  view(level: Level, modality: ModalityFilter): ActorGraph {
    const key = `${level}|${modality}`;
    let v = this.views.get(key);
    if (!v) {
      v = viewGraph(this.stored, { level, modality });
      this.views.set(key, v);
    }
    return v;
  }

  /** Deterministic positions per level, shared by both modalities so toggling keeps the picture. */
  positionsFor(level: Level): Map<string, Pos> {
    let pos = this.positions.get(level);
    if (pos) return pos;
    const all = this.view(level, 'all');
    const g = all.copy() as unknown as ActorGraph;
    if (level === 'person') {
      const actorPos = this.positionsFor('actor');
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
    if (g.order > 1 && g.order <= BIG) {
      const settings = { ...forceAtlas2.inferSettings(g as never), barnesHutOptimize: g.order > 500, slowDown: 2 };
      forceAtlas2.assign(g as never, { iterations: level === 'person' ? 150 : 250, settings, getEdgeWeight: 'weight' });
    }
    pos = new Map();
    g.forEachNode((n, a) => pos!.set(n, { x: a.x ?? 0, y: a.y ?? 0 }));
    this.positions.set(level, pos);
    return pos;
  }

  /** Builds the graph handed to sigma: a copy of the filtered graph with positions, sizes and colours. */
  buildShown(f: Filters): ActorGraph {
    const base = this.view(f.level, f.modality);
    const g = filterGraph(base, f);
    const pos = this.positionsFor(f.level);
    let max = 0;
    const wd = new Map<string, number>();
    g.forEachNode((n) => {
      const w = weightedDegree(g, n);
      wd.set(n, w);
      if (w > max) max = w;
    });
    g.forEachNode((n, a) => {
      const p = pos.get(n) ?? initialPositions([n]).get(n)!;
      g.mergeNodeAttributes(n, { x: p.x, y: p.y, size: nodeSize(wd.get(n)!, max, this.big), color: kindColor(a.kind) });
    });
    g.forEachEdge((e, a) => {
      const directed = g.isDirected(e);
      const member = a.type === 'member-of';
      g.mergeEdgeAttributes(e, {
        color: relationColor(a.type),
        size: member ? 1 : Math.min(6, 1 + Math.log2(Math.max(1, a.weight))),
        head: directed ? 'arrow' : 'none',
      } as never);
    });
    return g;
  }

  start(): void {
    const f = this.store.get().filters;
    this.shown = this.buildShown(f);
    this.lastFilters = f;
    this.renderer = new Renderer(this.container, this.shown, this.store, {
      hoverNode: (node) => this.store.set({ hoveredNode: node }),
      clickNode: (node) => this.store.set({ selectedNode: node, selectedEdge: null }),
      clickEdge: (edge) => this.store.set({ selectedEdge: edge, selectedNode: null }),
      clickStage: () => this.store.set({ selectedNode: null, selectedEdge: null }),
    });
    this.store.subscribe((s, prev) => {
      if (!sameFilters(s.filters, this.lastFilters!)) this.applyFilters(s.filters);
      else if (s.hoveredNode !== prev.hoveredNode || s.selectedNode !== prev.selectedNode || s.selectedEdge !== prev.selectedEdge) this.renderer.updateHighlight();
      if (s.layoutRunning !== prev.layoutRunning) this.toggleLayout(s.layoutRunning);
      this.writeHash();
      for (const fn of this.onChange) fn();
    });
  }

  private applyFilters(f: Filters): void {
    const running = this.layout !== null;
    this.stopLayout();
    this.lastFilters = f;
    this.shown = this.buildShown(f);
    const s = this.store.get();
    // a selected edge that is filtered away is deselected; a selected node stays (the panel explains)
    if (s.selectedEdge && !this.shown.hasEdge(s.selectedEdge)) this.store.set({ selectedEdge: null });
    if (s.hoveredNode && !this.shown.hasNode(s.hoveredNode)) this.store.set({ hoveredNode: null });
    this.renderer.setGraph(this.shown);
    if (running) this.startLayout();
  }

  private toggleLayout(on: boolean): void {
    if (on) this.startLayout();
    else this.stopLayout();
  }

  private startLayout(): void {
    if (this.layout) return;
    const settings = { ...forceAtlas2.inferSettings(this.shown as never), barnesHutOptimize: this.shown.order > 500, slowDown: 5 };
    this.layout = new FA2Layout(this.shown as never, { settings, getEdgeWeight: 'weight' });
    this.layout.start();
  }

  private stopLayout(): void {
    if (!this.layout) return;
    this.layout.stop();
    this.layout.kill();
    this.layout = null;
    // keep where the layout got to, for this level
    const pos = this.positionsFor(this.lastFilters!.level);
    this.shown.forEachNode((n, a) => pos.set(n, { x: a.x ?? 0, y: a.y ?? 0 }));
  }

  writeHash(): void {
    const s = this.store.get();
    const hash = encodeHash({ filters: s.filters, selectedNode: s.selectedNode });
    if (hash !== location.hash && !(hash === '' && location.hash === '')) {
      history.replaceState(null, '', hash || location.pathname + location.search);
    }
  }

  visibleByType(): Record<string, number> {
    return countByType(this.shown);
  }
}
