/**
 * The pipeline: stored graph (from the API) → level/modality view (the
 * pipeline's own viewGraph) → filtered graph (type toggles, time range) →
 * rendered graph (positions, sizes, colours) → sigma, with hover and selection
 * applied by reducers only.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { ActorGraph } from '../../src/graph/types.js';
import { adoptDrawn, rendererEvents, styleShown } from './display.js';
import { countByType, filterGraph, timeFilterActive } from './filters.js';
import { encodeHash } from './hash.js';
import { LevelPositions, type Pos } from './layout.js';
import { Renderer } from './renderer.js';
import { sameFilters, type Filters, type Level, type ModalityFilter, type Store } from './state.js';
import { viewGraph } from './view.js';

export class App {
  readonly views = new Map<string, ActorGraph>();
  readonly positions: LevelPositions;
  shown!: ActorGraph;
  renderer!: Renderer;
  private layout: FA2Layout | null = null;
  private lastFilters: Filters | null = null;
  readonly onChange = new Set<() => void>();
  /** Whether the server's boot view was drawn first, and then kept or replaced by this app's own graph. */
  earlyFrame: 'kept' | 'replaced' | null = null;

  constructor(readonly stored: ActorGraph, readonly store: Store, private container: HTMLElement) {
    this.positions = new LevelPositions(stored, (level) => this.view(level, 'all'));
  }

  get big(): boolean {
    return this.positions.big;
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
    return this.positions.get(level);
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
    return styleShown(g, pos, this.big);
  }

  /**
   * Derives the rendered graph and hands it to sigma. `early` is the renderer already drawing
   * the server's boot view: it gets this app's own graph, derived here from the stored one.
   */
  start(early?: Renderer): void {
    const f = this.store.get().filters;
    this.shown = this.buildShown(f);
    performance.mark('actorgraph:styled');
    this.lastFilters = f;
    if (early) {
      this.renderer = early;
      this.earlyFrame = adoptDrawn(early.graph, this.shown) ? 'kept' : 'replaced';
      if (this.earlyFrame === 'kept') {
        this.shown = early.graph;
        early.updateHighlight(true);
      } else early.setGraph(this.shown);
    } else this.renderer = new Renderer(this.container, this.shown, this.store, rendererEvents(this.store));
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
