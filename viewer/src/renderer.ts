/**
 * Thin controller binding sigma 3 to the store. The rendered state (hover,
 * selection, highlight) lives in the store and reaches the screen only through
 * the node and edge reducers: it is never written into the graph.
 */
import Sigma from 'sigma';
import {
  EdgeLineProgram,
  EdgeRectangleProgram,
  NodeCircleProgram,
  createEdgeArrowHeadProgram,
  createEdgeClampedProgram,
  createEdgeCompoundProgram,
} from 'sigma/rendering';
import EdgeCurveProgram, { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import type { ActorGraph } from '../../src/graph/types.js';
import type { EdgeDisplay } from '../../src/graph/display.js';
import type { RendererEvents } from './display.js';
import { edgeProgram } from './parallel.js';
import { nonInstanced } from './programs.js';
import type { Store } from './state.js';

const DIM_NODE = '#e3e6ea';
/** Above this many edges, edges are hidden while the camera moves. */
export const BIG_EDGES = 10_000;
const DIM_EDGE = '#eef0f2';
// sigma's programs without instancing (see programs.ts): the same pictures, one draw call each
const NODE_PROGRAMS = { circle: nonInstanced(NodeCircleProgram) };
const EDGE_PROGRAMS = {
  line: nonInstanced(EdgeRectangleProgram),
  // sigma's EdgeArrowProgram, built from the same two parts
  arrow: createEdgeCompoundProgram([nonInstanced(createEdgeClampedProgram()), nonInstanced(createEdgeArrowHeadProgram())]),
  curved: nonInstanced(EdgeCurveProgram),
  curvedArrow: nonInstanced(EdgeCurvedArrowProgram),
};
// Above BIG_EDGES, straight edges are one-pixel lines (two vertices an edge instead of a rectangle's
// six): without a GPU, rasterising 50,000 rectangles is most of the time before the first frame shows.
// Arrows and curves stay.
const BIG_EDGE_PROGRAMS = {
  ...EDGE_PROGRAMS,
  line: nonInstanced(EdgeLineProgram),
  arrow: createEdgeCompoundProgram([nonInstanced(EdgeLineProgram), nonInstanced(createEdgeArrowHeadProgram())]),
};

type Data = Record<string, unknown>;

export class Renderer {
  readonly sigma: Sigma;
  renders = 0;
  firstFrameAt: number | null = null;
  /** When the browser had presented that first frame (two animation frames later). */
  firstPaintAt: number | null = null;
  /** Settles at firstPaintAt. */
  readonly painted: Promise<void>;
  /** Durations of the last renders (ms), from beforeRender to afterRender, for the benchmark. */
  readonly renderDurations: number[] = [];
  private renderStart = 0;
  /** What the reducers highlighted when sigma last processed the graph. */
  private drawnHighlight = '';
  private neighbours: Set<string> | null = null;
  private focus: string | null = null;
  private _graph: ActorGraph;

  /** The graph sigma draws. */
  get graph(): ActorGraph {
    return this._graph;
  }

  constructor(container: HTMLElement, graph: ActorGraph, private store: Store, events: RendererEvents) {
    this._graph = graph;
    // the highlight is known before the first frame, so sigma draws it once, not twice
    this.computeHighlight(graph);
    const t0 = performance.now();
    this.sigma = new Sigma(graph as never, container, {
      defaultEdgeType: 'line',
      nodeProgramClasses: NODE_PROGRAMS,
      edgeProgramClasses: graph.size > BIG_EDGES ? BIG_EDGE_PROGRAMS : EDGE_PROGRAMS,
      enableEdgeEvents: true,
      // sizes are screen pixels, growing gently when zooming in
      itemSizesReference: 'screen',
      zoomToSizeRatioFunction: Math.sqrt,
      // software WebGL (no GPU) spends seconds per frame on tens of thousands of edges: big
      // graphs drop them while the camera is being dragged, like sigma's own large-graph demos
      hideEdgesOnMove: graph.size > BIG_EDGES,
      // labels are drawn on a 2D canvas by the CPU: on big graphs they wait for the camera to stop too
      hideLabelsOnMove: graph.size > BIG_EDGES,
      labelColor: { color: '#1f2933' },
      labelDensity: 0.8,
      labelRenderedSizeThreshold: 7,
      stagePadding: 40,
      minCameraRatio: 0.05,
      maxCameraRatio: 10,
      zIndex: true,
      nodeReducer: (key, data) => this.reduceNode(key, data as Data) as never,
      edgeReducer: (key, data) => this.reduceEdge(key, data as Data) as never,
    });
    // the constructor processed the graph and drew the first frame, synchronously
    const t1 = performance.now();
    this.drawnHighlight = this.highlightKey();
    this.renders = 1;
    this.firstFrameAt = t1;
    this.renderDurations.push(t1 - t0);
    this.painted = new Promise((resolve) =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          this.firstPaintAt = performance.now();
          resolve();
        }),
      ),
    );
    this.sigma.on('beforeRender', () => {
      this.renderStart = performance.now();
    });
    this.sigma.on('afterRender', () => {
      this.renderDurations.push(performance.now() - this.renderStart);
      if (this.renderDurations.length > 2000) this.renderDurations.shift();
      this.renders++;
    });
    // While the stage is dragged, sigma still reports the node under the pointer, picked from
    // the frame before the camera moved: hovering is not what the user does then, and each change
    // re-runs the reducers over the whole graph (~0.2-0.4 s at 50,000 edges) mid-drag. The last
    // one is applied when the button is released, so the store and sigma agree again.
    const captor = this.sigma.getMouseCaptor();
    let heldHover: string | null | undefined;
    const hover = (node: string | null) => {
      if (captor.isMouseDown) heldHover = node;
      else events.hoverNode(node);
    };
    captor.on('mouseup', () => {
      if (heldHover === undefined) return;
      const node = heldHover;
      heldHover = undefined;
      events.hoverNode(node);
    });
    this.sigma.on('enterNode', ({ node }) => hover(node));
    this.sigma.on('leaveNode', () => hover(null));
    this.sigma.on('clickNode', ({ node }) => events.clickNode(node));
    this.sigma.on('clickEdge', ({ edge }) => events.clickEdge(edge));
    this.sigma.on('clickStage', () => events.clickStage());
  }

  /** sigma 3 reducers return the whole display data (it is not merged). */
  private reduceNode(key: string, data: Data): Data {
    const { selectedNode } = this.store.get();
    const size = typeof data.size === 'number' ? data.size : 6;
    if (key === selectedNode) return { ...data, highlighted: true, forceLabel: true, zIndex: 3, size: size * 1.15 };
    if (!this.neighbours) return data;
    if (key === this.focus) return { ...data, highlighted: true, forceLabel: true, zIndex: 3 };
    if (this.neighbours.has(key)) return { ...data, forceLabel: true, zIndex: 2 };
    return { ...data, color: DIM_NODE, label: '', zIndex: 0 };
  }

  private reduceEdge(key: string, data: Data): Data {
    const d = data as unknown as EdgeDisplay;
    // the graph's `type` attribute is the relation type; sigma's `type` is the program
    const out: Data = { color: d.color, size: d.size, curvature: d.curvature, type: edgeProgram(d.arrow, d.curvature), zIndex: 1 };
    const { selectedEdge } = this.store.get();
    if (key === selectedEdge) return { ...out, size: Math.max(3, d.size * 2), zIndex: 3 };
    if (selectedEdge && !this.focus) return { ...out, color: DIM_EDGE, zIndex: 0 };
    if (!this.focus) return out;
    // not this.sigma.getGraph(): the reducers already run inside sigma's constructor
    const g = this._graph;
    if (g.hasEdge(key) && (g.source(key) === this.focus || g.target(key) === this.focus)) return { ...out, zIndex: 2 };
    return { ...out, color: DIM_EDGE, type: edgeProgram(false, d.curvature), zIndex: 0 };
  }

  /**
   * Recomputes the highlighted neighbourhood (hovered node first, else the selection) and redraws;
   * with `ifChanged`, only when what is highlighted is not what was drawn last.
   */
  updateHighlight(ifChanged = false): void {
    this.computeHighlight(this._graph);
    const key = this.highlightKey();
    if (ifChanged && key === this.drawnHighlight) return;
    this.drawnHighlight = key;
    this.sigma.refresh({ skipIndexation: true });
  }

  private highlightKey(): string {
    const { selectedNode, selectedEdge } = this.store.get();
    return JSON.stringify([selectedNode, selectedEdge, this.focus, this.neighbours ? [...this.neighbours] : null]);
  }

  private computeHighlight(g: ActorGraph): void {
    const { hoveredNode, selectedNode, selectedEdge } = this.store.get();
    const focus = [hoveredNode, selectedNode].find((n) => n && g.hasNode(n)) ?? null;
    this.focus = focus;
    if (focus) this.neighbours = new Set(g.neighbors(focus));
    else if (selectedEdge && g.hasEdge(selectedEdge)) this.neighbours = new Set(g.extremities(selectedEdge));
    else this.neighbours = null;
  }

  setGraph(graph: ActorGraph): void {
    this._graph = graph;
    this.computeHighlight(graph);
    this.drawnHighlight = this.highlightKey();
    this.sigma.setGraph(graph as never);
  }

  /** Moves the camera to a node. */
  focusNode(node: string): void {
    const data = this.sigma.getNodeDisplayData(node);
    if (!data) return;
    const camera = this.sigma.getCamera();
    void camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.6) }, { duration: 400 });
  }

  resetCamera(): void {
    void this.sigma.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 300 });
  }

  /**
   * A PNG of the current view. The WebGL buffers are only readable right after
   * a frame is drawn, so the copy happens inside the next afterRender.
   */
  toPNG(): Promise<Blob> {
    return new Promise((resolve, reject) => {
      this.sigma.once('afterRender', () => {
        try {
          const canvases = Object.values(this.sigma.getCanvases());
          const first = canvases[0];
          if (!first) throw new Error('nothing to export');
          const out = document.createElement('canvas');
          out.width = first.width;
          out.height = first.height;
          const ctx = out.getContext('2d')!;
          ctx.fillStyle = '#ffffff';
          ctx.fillRect(0, 0, out.width, out.height);
          // the layers in DOM order: edges, nodes, labels, hovers, mouse
          for (const c of this.sigma.getContainer().querySelectorAll('canvas')) ctx.drawImage(c, 0, 0, out.width, out.height);
          out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png');
        } catch (err) {
          reject(err as Error);
        }
      });
      this.sigma.refresh();
    });
  }
}
