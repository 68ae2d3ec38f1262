/**
 * The pipeline: stored graph (from the API) → level/modality view (the
 * pipeline's own viewGraph) → filtered graph (type toggles, time range) →
 * rendered graph (positions, sizes, colours) → sigma, with hover and selection
 * applied by reducers only.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { ActorGraph, EdgeAttrs } from '../../src/graph/types.js';
import { kindColor, relationColor } from '../../src/graph/style.js';
import { countByType, filterGraph, nodeSize, timeFilterActive } from './filters.js';
import { encodeHash } from './hash.js';
import { initialPositions, nearPosition } from './layout.js';
import { parallelCurvatures } from './parallel.js';
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
    if (this.big) {
      // no synchronous layout at this size: the sunflower over every stored id, which needs no
      // view (so no second viewGraph pass) and gives each id the same place at both levels
      pos = initialPositions(this.stored.nodes(), 10);
      this.positions.set(level, pos);
      return pos;
    }
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
    performance.mark('actorgraph:view');
    // no type or time filter: the view itself is shown (it is this app's own copy), saving a copy
    const g = f.hiddenTypes.length === 0 && !timeFilterActive(f) ? base : filterGraph(base, f);
    performance.mark('actorgraph:filtered');
    const pos = this.positionsFor(f.level);
    performance.mark('actorgraph:positions');
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
    // reads the graph only after this). The filtered graph shares its edge attribute objects
    // with the view, and every build rewrites all of these, so nothing stale survives.
    g.forEachNode((n, a) => {
      const p = pos.get(n) ?? initialPositions([n]).get(n)!;
      a.x = p.x;
      a.y = p.y;
      a.size = nodeSize(wd.get(n) ?? 0, max, this.big);
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

  start(): void {
    const f = this.store.get().filters;
    this.shown = this.buildShown(f);
    performance.mark('actorgraph:styled');
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
