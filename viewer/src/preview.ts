/**
 * The view the server derived and styled for the boot filters (GET api/view),
 * so the first frame is drawn while the stored graph still loads. It is
 * only drawn: once the stored graph is in, the app derives its own rendered
 * graph from it, and the renderer keeps this frame only if that draws the same.
 */
import { emptyGraph } from '../../src/graph/graph.js';
import type { ActorGraph, EdgeType } from '../../src/graph/types.js';
import type { BootView } from '../../src/serve/view.js';
import { edgeDisplay } from '../../src/graph/display.js';
import { kindColor } from '../../src/graph/style.js';
import { encodeHash } from './hash.js';
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

/** The rendered graph of a boot view, as sigma draws it; null when it is not one, or is for other filters. */
export function previewGraph(data: BootView, filters: Filters): ActorGraph | null {
  // a static copy of the default view answers every query string: it must be for these filters
  if (!data || !Array.isArray(data.nodes) || !Array.isArray(data.edges) || !data.filters || !sameFilters(data.filters, filters)) return null;
  const g = emptyGraph({ ...data.attributes, articles: {} });
  // styled by the server with the viewer's own styling (src/graph/display.ts): only colours and
  // edge sizes, which follow from kinds, types and weights, are filled in here
  for (const [key, label, kind, x, y, size] of data.nodes) g.addNode(key, { label, kind, aliases: [], mentions: 0, x, y, size, color: kindColor(kind) });
  for (const [s, t, ti, weight, undirected, curvature, key] of data.edges) {
    const source = data.nodes[s]![0];
    const target = data.nodes[t]![0];
    const type = data.types[ti] as EdgeType;
    const attrs = { type, weight, first: null, last: null, evidence: [], ...edgeDisplay(type, weight, undirected === 1, curvature) };
    const k = key ?? `${type}|${source}|${target}`;
    if (undirected) g.addUndirectedEdgeWithKey(k, source, target, attrs);
    else g.addDirectedEdgeWithKey(k, source, target, attrs);
  }
  performance.mark('actorgraph:viewBuilt');
  return g;
}
