/**
 * GET /api/view: the graph the viewer draws first, derived here with the
 * viewer's own steps (viewGraph, the type/time filter, positions and styling)
 * so its first frame need not wait for the stored graph to load and be derived
 * in the browser. Only what sigma draws is sent: the viewer reads everything
 * else (evidence, aliases, articles) from the stored graph, which it loads meanwhile.
 */
import type { ActorGraph, Level } from '../graph/types.js';
import { TYPE_ORDER, filterGraph, timeFilterActive } from '../graph/filter.js';
import { styleShown } from '../graph/display.js';
import { LevelPositions } from '../graph/positions.js';
import { viewGraph } from '../graph/view.js';

export interface BootFilters {
  level: Level;
  modality: 'asserted' | 'all';
  hiddenTypes: string[];
  from: string | null;
  to: string | null;
}

export const DEFAULT_BOOT_FILTERS: Readonly<BootFilters> = Object.freeze({ level: 'actor', modality: 'asserted', hiddenTypes: [], from: null, to: null });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDate(v: string): boolean {
  const m = ISO_DATE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === v;
}

/**
 * The filters of a query string, as the viewer's URL hash writes them (level, modality, off,
 * from, to). Strict where the hash is lenient: an unknown or repeated parameter, or a value
 * outside its list, is an error (the viewer never sends one), so nothing unchecked reaches the cache.
 */
export function parseViewQuery(query: string): { filters: BootFilters } | { error: string } {
  const f: BootFilters = { ...DEFAULT_BOOT_FILTERS, hiddenTypes: [] };
  const seen = new Set<string>();
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return { error: 'malformed query' };
  }
  for (const [name, value] of params) {
    if (seen.has(name)) return { error: `repeated parameter "${name}"` };
    seen.add(name);
    if (name === 'level') {
      if (value !== 'actor' && value !== 'person') return { error: 'level must be actor or person' };
      f.level = value;
    } else if (name === 'modality') {
      if (value !== 'asserted' && value !== 'all') return { error: 'modality must be asserted or all' };
      f.modality = value;
    } else if (name === 'off') {
      const types = value.split(',');
      if (types.some((t) => !TYPE_ORDER.includes(t)) || new Set(types).size !== types.length) return { error: 'off must list known relation types once each' };
      f.hiddenTypes = types.sort();
    } else if (name === 'from' || name === 'to') {
      if (!isDate(value)) return { error: `${name} must be a date YYYY-MM-DD` };
      f[name] = value;
    } else return { error: `unknown parameter "${name}"` };
  }
  if (f.from && f.to && f.from > f.to) return { error: 'from is after to' };
  return { filters: f };
}

/** One key per filter state, whatever order the parameters came in. */
export function filterKey(f: BootFilters): string {
  return [f.level, f.modality, f.hiddenTypes.join(','), f.from ?? '', f.to ?? ''].join('|');
}

/**
 * What /api/view answers: only what the first frame draws, in rows (a view of 50,000 edges as
 * graphology JSON is 10 MB, as rows about 1.5 MB). Edges name their ends by node index; an
 * edge's key is given only when it is not the pipeline's own `type|source|target`.
 */
export interface BootView {
  /** The filters it was derived for: a static copy of the default view answers every query. */
  filters: BootFilters;
  /** Nodes in the stored graph: the viewer sizes and places big graphs differently. */
  storedOrder: number;
  attributes: { name: string; level: Level; modality: 'asserted' | 'all' };
  /** key, label, kind, x, y, size (colours follow from kinds and types). */
  nodes: Array<[string, string, string, number, number, number]>;
  types: string[];
  /** source index, target index, type index, weight, 1 when undirected, curvature, key when not canonical. */
  edges: Array<[number, number, number, number, 0 | 1, number] | [number, number, number, number, 0 | 1, number, string]>;
}

/** Derives boot views of one stored graph, keeping the level views and positions it needed. */
export class BootViews {
  private readonly views = new Map<string, ActorGraph>();
  private readonly positions: LevelPositions;

  constructor(private readonly stored: ActorGraph) {
    this.positions = new LevelPositions(stored, (level) => this.view(level, 'all'));
  }

  private view(level: Level, modality: 'asserted' | 'all'): ActorGraph {
    const key = `${level}|${modality}`;
    let v = this.views.get(key);
    if (!v) this.views.set(key, (v = viewGraph(this.stored, { level, modality })));
    return v;
  }

  derive(f: BootFilters): BootView {
    const base = this.view(f.level, f.modality);
    const g = f.hiddenTypes.length === 0 && !timeFilterActive(f) ? base : filterGraph(base, f);
    // styled in place: the unfiltered graph is this cache's own view, and every styling rewrites it all
    styleShown(g, this.positions.get(f.level), this.positions.big);
    const nodes: BootView['nodes'] = [];
    const index = new Map<string, number>();
    g.forEachNode((key, a) => {
      index.set(key, nodes.length);
      nodes.push([key, a.label, a.kind, a.x!, a.y!, a.size!]);
    });
    const types: string[] = [];
    const typeIndex = new Map<string, number>();
    const edges: BootView['edges'] = [];
    g.forEachEdge((key, a, source, target, _sa, _ta, undirected) => {
      let t = typeIndex.get(a.type);
      if (t === undefined) typeIndex.set(a.type, (t = types.push(a.type) - 1));
      const curvature = (a as typeof a & { curvature: number }).curvature;
      const row: [number, number, number, number, 0 | 1, number] = [index.get(source)!, index.get(target)!, t, a.weight, undirected ? 1 : 0, curvature];
      edges.push(key === `${a.type}|${source}|${target}` ? row : [...row, key]);
    });
    const { name, level, modality } = g.getAttributes();
    return { filters: f, storedOrder: this.stored.order, attributes: { name, level, modality }, nodes, types, edges };
  }
}
