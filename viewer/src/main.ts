import { emptyGraph } from '../../src/graph/graph.js';
import type { ActorGraph } from '../../src/graph/types.js';
import './style.css';
import { App } from './app.js';
import { rendererEvents } from './display.js';
import { byId } from './dom.js';
import { decodeHash } from './hash.js';
import { TYPE_ORDER } from './filters.js';
import { fetchPreview } from './preview.js';
import { Renderer } from './renderer.js';
import { fetchStoredJSON } from './stored.js';
import { Store, initialState, sameFilters } from './state.js';
import { bindLegends, bindPanel, bindSearch, bindTime, bindToolbar } from './ui.js';

interface TestHook {
  readonly ready: boolean;
  readonly error: string | null;
  readonly [k: string]: unknown;
}

declare global {
  interface Window {
    __actorgraph: TestHook;
  }
}

let app: App | null = null;
/** Draws the server's boot view until the app exists, then the app's own rendered graph. */
let early: { renderer: Renderer; graph: ActorGraph } | null = null;
let error: string | null = null;
/** Boot phases (ms since navigation start at the end of each), for the benchmark and diagnostics. */
const timings: Record<string, number> = {};
const mark = (name: string) => (timings[name] = Math.round(performance.now()));

function expose(): void {
  const hook = {} as Record<string, unknown>;
  const get = (name: string, fn: () => unknown) => Object.defineProperty(hook, name, { get: fn, enumerable: true });
  get('ready', () => app !== null && app.renderer.renders > 0);
  get('error', () => error);
  get('filters', () => (app ? structuredClone(app.store.get().filters) : null));
  get('selectedNode', () => app?.store.get().selectedNode ?? null);
  get('selectedEdge', () => app?.store.get().selectedEdge ?? null);
  get('hoveredNode', () => app?.store.get().hoveredNode ?? null);
  get('layoutRunning', () => app?.store.get().layoutRunning ?? false);
  get('visibleNodeCount', () => (app?.shown ?? early?.graph)?.order ?? 0);
  get('visibleEdgeCount', () => (app?.shown ?? early?.graph)?.size ?? 0);
  get('visibleEdgesByType', () => (app ? app.visibleByType() : {}));
  get('storedNodeCount', () => app?.stored.order ?? 0);
  get('storedEdgeCount', () => app?.stored.size ?? 0);
  const renderer = () => app?.renderer ?? early?.renderer;
  get('renders', () => renderer()?.renders ?? 0);
  get('firstFrameMs', () => renderer()?.firstFrameAt ?? null);
  get('earlyFrame', () => app?.earlyFrame ?? null);
  get('firstPaintMs', () => renderer()?.firstPaintAt ?? null);
  get('renderDurations', () => [...(renderer()?.renderDurations ?? [])]);
  get('timings', () => {
    const marks: Record<string, number> = {};
    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('actorgraph:')) marks[m.name.slice(11)] ??= Math.round(m.startTime);
    return { ...marks, ...timings };
  });
  // where a node is on screen (CSS pixels in the graph container), so tests can hover and click it
  hook.nodeViewport = (node: string) => {
    if (!app) return null;
    const d = app.renderer.sigma.getNodeDisplayData(node);
    return d ? app.renderer.sigma.framedGraphToViewport(d) : null;
  };
  // how sigma draws an edge: its program (line, arrow, curved, curvedArrow) and curvature
  hook.edgeDisplay = (edge: string) => {
    if (!app) return null;
    const d = app.renderer.sigma.getEdgeDisplayData(edge) as { type?: string; curvature?: number; color?: string } | undefined;
    return d ? { type: d.type ?? null, curvature: d.curvature ?? 0, color: d.color ?? null } : null;
  };
  // back to the whole graph, without animation
  hook.resetCamera = () => app?.renderer.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  Object.freeze(hook);
  Object.defineProperty(window, '__actorgraph', { value: hook, writable: false, configurable: false });
}

function status(text: string, isError = false): void {
  const el = byId('status');
  el.textContent = text;
  el.classList.toggle('error', isError);
  el.hidden = !text;
}

async function boot(): Promise<void> {
  expose();
  status('Loading graph…');
  const fromHash = decodeHash(location.hash, TYPE_ORDER);
  const store = new Store(initialState({ filters: fromHash.filters, selectedNode: fromHash.selectedNode }));
  const container = byId('graph');
  // both at once: the small server-derived view is drawn while the stored graph still downloads
  const storedJSON = fetchStoredJSON();
  storedJSON.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
  const preview = await fetchPreview(fromHash.filters);
  mark('previewFetched');
  if (preview && preview.order > 0) {
    early = { renderer: new Renderer(container, preview, store, rendererEvents(store)), graph: preview };
    mark('previewed');
  }

  // Let the browser present the first frame before the stored graph's parse and import hold the main
  // thread (the worker's message would otherwise be handled before the next animation frame).
  if (early) await Promise.race([early.renderer.painted, new Promise((r) => setTimeout(r, 5_000))]);
  const data = (await storedJSON) as Parameters<ActorGraph['import']>[0];
  mark('fetched');
  const stored: ActorGraph = emptyGraph({ name: 'actorgraph', level: 'person', modality: 'all', articles: {} });
  stored.import(data);
  if (!stored.getAttribute('articles')) stored.setAttribute('articles', {});
  mark('imported');

  const a = new App(stored, store, container);
  // the hash may name a node the stored graph lacks; the early frame drew it as the hash said
  if (store.get().selectedNode && !stored.hasNode(store.get().selectedNode!)) store.set({ selectedNode: null });
  a.start(early?.renderer);
  mark('rendered');
  app = a;

  const select = (node: string) => {
    store.set({ selectedNode: node, selectedEdge: null });
    if (a.shown.hasNode(node)) a.renderer.focusNode(node);
  };
  const views = [bindLegends(a), bindTime(a), bindPanel(a, select), bindToolbar(a)];
  const resetSearch = bindSearch(a, select);
  let lastLevel = store.get().filters.level + store.get().filters.modality;
  // the DOM views depend on the filters, the selection and the layout switch; hovering (which
  // fires on every mouse move over the graph) only goes through the renderer's reducers
  let drawn: unknown[] = [];
  const renderUI = () => {
    const s = store.get();
    const key = [s.filters, s.selectedNode, s.selectedEdge, s.layoutRunning];
    if (key.every((k, i) => k === drawn[i])) return;
    drawn = key;
    const f = s.filters;
    if (f.level + f.modality !== lastLevel) {
      lastLevel = f.level + f.modality;
      resetSearch();
    }
    for (const v of views) v();
  };
  a.onChange.add(renderUI);
  renderUI();
  mark('ui');
  if (store.get().selectedNode && a.shown.hasNode(store.get().selectedNode!)) setTimeout(() => a.renderer.focusNode(store.get().selectedNode!), 50);

  window.addEventListener('hashchange', () => {
    const next = decodeHash(location.hash, TYPE_ORDER);
    const s = store.get();
    if (!sameFilters(next.filters, s.filters) || next.selectedNode !== s.selectedNode) {
      store.set({ filters: next.filters, selectedNode: next.selectedNode && stored.hasNode(next.selectedNode) ? next.selectedNode : null, selectedEdge: null });
    }
  });
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && document.activeElement === document.body) store.set({ selectedNode: null, selectedEdge: null });
  });
  status(stored.order === 0 ? 'The graph is empty: build it with `actorgraph build` first.' : '');
}

boot().catch((err: unknown) => {
  error = err instanceof Error ? err.message : String(err);
  status(`Could not load the graph: ${error}`, true);
  console.error(err);
});
