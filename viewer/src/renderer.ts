/**
 * Thin controller binding sigma to the store. The rendered state (hover,
 * selection, highlight) lives in the store and reaches the screen only through
 * the node and edge reducers: it is never written into the graph.
 */
import Sigma, { DEFAULT_STYLES } from 'sigma';
import { extremityArrow, layerPlain, pathCurved, pathLine } from 'sigma/rendering';
import type { ActorGraph } from '../../src/graph/types.js';
import type { Store } from './state.js';

const DIM_NODE = '#e3e6ea';
const DIM_EDGE = '#eef0f2';

export interface RendererEvents {
  clickNode(node: string): void;
  clickEdge(edge: string): void;
  clickStage(): void;
  hoverNode(node: string | null): void;
}

export class Renderer {
  readonly sigma: Sigma;
  renders = 0;
  firstFrameAt: number | null = null;
  /** Durations of the last renders (ms), from beforeRender to afterRender, for the benchmark. */
  readonly renderDurations: number[] = [];
  private renderStart = 0;
  private neighbours: Set<string> | null = null;
  private focus: string | null = null;

  constructor(container: HTMLElement, graph: ActorGraph, private store: Store, events: RendererEvents) {
    this.sigma = new Sigma(graph as never, container, {
      primitives: {
        edges: {
          paths: [pathLine(), pathCurved()],
          extremities: [extremityArrow()],
          layers: [layerPlain()],
        },
      },
      styles: {
        nodes: {
          ...DEFAULT_STYLES.nodes,
          color: { attribute: 'color', defaultValue: '#999' },
          size: { attribute: 'size', defaultValue: 6 },
          labelColor: '#1f2933',
        },
        edges: {
          ...DEFAULT_STYLES.edges,
          color: { attribute: 'color', defaultValue: '#ccc' },
          size: { attribute: 'size', defaultValue: 1 },
          path: 'straight',
          parallelPath: 'curved',
          head: { attribute: 'head', defaultValue: 'none' },
        },
      },
      settings: {
        enableEdgeEvents: true,
        // sizes are screen pixels (sigma 3 behaviour), growing gently when zooming in
        itemSizesReference: 'screen',
        zoomToSizeRatioFunction: Math.sqrt,
        hideEdgesOnMove: false,
        labelDensity: 0.8,
        labelRenderedSizeThreshold: 7,
        stagePadding: 40,
        minCameraRatio: 0.05,
        maxCameraRatio: 10,
      },
      nodeReducer: (key, data) => this.reduceNode(key, data),
      edgeReducer: (key, data) => this.reduceEdge(key, data),
    });
    this.sigma.on('beforeRender', () => {
      this.renderStart = performance.now();
    });
    this.sigma.on('afterRender', () => {
      this.renderDurations.push(performance.now() - this.renderStart);
      if (this.renderDurations.length > 2000) this.renderDurations.shift();
      this.renders++;
      if (this.firstFrameAt === null) this.firstFrameAt = performance.now();
    });
    this.sigma.on('enterNode', ({ node }) => events.hoverNode(node));
    this.sigma.on('leaveNode', () => events.hoverNode(null));
    this.sigma.on('clickNode', ({ node }) => events.clickNode(node));
    this.sigma.on('clickEdge', ({ edge }) => events.clickEdge(edge));
    this.sigma.on('clickStage', () => events.clickStage());
    this.updateHighlight();
  }

  private reduceNode(key: string, data: { size: number }): Record<string, unknown> {
    const { selectedNode } = this.store.get();
    if (key === selectedNode) return { highlighted: true, labelVisibility: 'visible', zIndex: 3, size: data.size * 1.15 };
    if (!this.neighbours) return {};
    if (key === this.focus) return { highlighted: true, labelVisibility: 'visible', zIndex: 3 };
    if (this.neighbours.has(key)) return { labelVisibility: 'visible', zIndex: 2 };
    return { color: DIM_NODE, labelVisibility: 'hidden', zIndex: 0 };
  }

  private reduceEdge(key: string, data: { size: number }): Record<string, unknown> {
    const { selectedEdge } = this.store.get();
    if (key === selectedEdge) return { size: Math.max(3, data.size * 2), zIndex: 3 };
    if (selectedEdge && !this.focus) return { color: DIM_EDGE, zIndex: 0 };
    if (!this.focus) return {};
    const g = this.sigma.getGraph();
    if (g.hasEdge(key) && (g.source(key) === this.focus || g.target(key) === this.focus)) return { zIndex: 2 };
    return { color: DIM_EDGE, head: 'none', zIndex: 0 };
  }

  /** Recomputes the highlighted neighbourhood (hovered node first, else the selection) and redraws. */
  updateHighlight(): void {
    const { hoveredNode, selectedNode, selectedEdge } = this.store.get();
    const g = this.sigma.getGraph();
    const focus = [hoveredNode, selectedNode].find((n) => n && g.hasNode(n)) ?? null;
    this.focus = focus;
    if (focus) this.neighbours = new Set(g.neighbors(focus));
    else if (selectedEdge && g.hasEdge(selectedEdge)) this.neighbours = new Set(g.extremities(selectedEdge));
    else this.neighbours = null;
    this.sigma.refresh({ skipIndexation: true });
  }

  setGraph(graph: ActorGraph): void {
    this.sigma.setGraph(graph as never);
    this.updateHighlight();
  }

  /** Moves the camera to a node. */
  focusNode(node: string): void {
    const data = this.sigma.getNodeDisplayData(node);
    if (!data) return;
    void this.sigma.getCamera().animate({ x: data.x, y: data.y, ratio: Math.min(this.sigma.getCamera().ratio, 0.6) }, { duration: 400 });
  }

  resetCamera(): void {
    void this.sigma.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 300 });
  }

  /**
   * A PNG of the current view. The WebGL buffer is only readable right after a
   * frame is drawn, so the copy happens inside the next afterRender.
   */
  toPNG(): Promise<Blob> {
    return new Promise((resolve, reject) => {
      this.sigma.once('afterRender', () => {
        try {
          const src = this.sigma.getStageCanvas();
          const out = document.createElement('canvas');
          out.width = src.width;
          out.height = src.height;
          const ctx = out.getContext('2d')!;
          ctx.fillStyle = '#ffffff';
          ctx.fillRect(0, 0, out.width, out.height);
          const container = this.sigma.getContainer();
          for (const c of container.querySelectorAll('canvas')) ctx.drawImage(c, 0, 0, out.width, out.height);
          out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png');
        } catch (err) {
          reject(err as Error);
        }
      });
      this.sigma.refresh();
    });
  }
}
