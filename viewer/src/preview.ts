/**
 * The view the server derived for the boot filters (GET api/view), styled for
 * sigma, so the first frame is drawn while the stored graph still loads. It is
 * only drawn: once the stored graph is in, the app derives its own rendered
 * graph from it, and the renderer keeps this frame only if that draws the same.
 */
import { emptyGraph } from '../../src/graph/graph.js';
import type { ActorGraph, EdgeType } from '../../src/graph/types.js';
import type { BootView } from '../../src/serve/view.js';
import { styleShown } from './display.js';
import { encodeHash } from './hash.js';
import { BIG_GRAPH, type Pos } from './layout.js';
import { sameFilters, type Filters } from './state.js';

/** The query api/view is asked with: the hash's own parameters, without the selection. */
export function viewQuery(filters: Filters): string {
  return encodeHash({ filters, selectedNode: null }).slice(1);
}

/** The styled boot view, or null when there is none for these filters (static site, older server, error). */
export async function fetchPreview(filters: Filters): Promise<ActorGraph | null> {
  try {
    const query = viewQuery(filters);
    const res = await fetch(query ? `api/view?${query}` : 'api/view', { headers: { accept: 'application/json' } });
    if (!res.ok) return null;
    const data = (await res.json()) as BootView;
    performance.mark('actorgraph:viewFetched');
    return previewGraph(data, filters);
  } catch {
    return null;
  }
}

/** The rendered graph of a boot view; null when it is not one, or is for other filters. */
export function previewGraph(data: BootView, filters: Filters): ActorGraph | null {
  // a static copy of the default view answers every query string: it must be for these filters
  if (!data || !Array.isArray(data.nodes) || !Array.isArray(data.edges) || !data.filters || !sameFilters(data.filters, filters)) return null;
  const g = emptyGraph({ ...data.attributes, articles: {} });
  const pos = new Map<string, Pos>();
  for (const [key, label, kind, x, y] of data.nodes) {
    g.addNode(key, { label, kind, aliases: [], mentions: 0 });
    if (x !== null && y !== null) pos.set(key, { x, y });
  }
  for (const [s, t, ti, weight, undirected, key] of data.edges) {
    const source = data.nodes[s]![0];
    const target = data.nodes[t]![0];
    const type = data.types[ti] as EdgeType;
    const attrs = { type, weight, first: null, last: null, evidence: [] };
    const k = key ?? `${type}|${source}|${target}`;
    if (undirected) g.addUndirectedEdgeWithKey(k, source, target, attrs);
    else g.addDirectedEdgeWithKey(k, source, target, attrs);
  }
  performance.mark('actorgraph:viewBuilt');
  return styleShown(g, pos, data.storedOrder > BIG_GRAPH);
}
