/**
 * Curvatures for parallel edges (several relations between the same two
 * nodes, in either direction). Pure, no DOM: a lone edge is straight (0); a
 * bundle of n edges fans out symmetrically, the middle one straight when n is
 * odd. The sign is relative to the canonical direction (smaller id → larger
 * id), so A→B and B→A bend to opposite sides instead of overlapping.
 */
export interface EdgeEnds {
  key: string;
  source: string;
  target: string;
}

export function parallelCurvatures(edges: Iterable<EdgeEnds>): Map<string, number> {
  const bundles = new Map<string, EdgeEnds[]>();
  for (const e of edges) {
    const [a, b] = e.source <= e.target ? [e.source, e.target] : [e.target, e.source];
    const id = `${a}\u0000${b}`;
    let list = bundles.get(id);
    if (!list) bundles.set(id, (list = []));
    list.push(e);
  }
  const out = new Map<string, number>();
  for (const list of bundles.values()) {
    const n = list.length;
    if (n === 1) {
      out.set(list[0]!.key, 0);
      continue;
    }
    list.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    const step = n === 2 ? 0.5 : 0.8 / (n - 1);
    list.forEach((e, i) => {
      const offset = i - (n - 1) / 2;
      const canonical = e.source <= e.target;
      const c = offset * step * (canonical ? 1 : -1);
      out.set(e.key, c === 0 ? 0 : c); // no -0
    });
  }
  return out;
}

/** The sigma 3 edge program for an edge. */
export function edgeProgram(directed: boolean, curvature: number): 'arrow' | 'line' | 'curvedArrow' | 'curved' {
  if (curvature !== 0) return directed ? 'curvedArrow' : 'curved';
  return directed ? 'arrow' : 'line';
}
