import { write } from 'graphology-gexf';
import { layout, weightedDegree } from '../graph/layout.js';
import { kindColor } from '../graph/style.js';
import type { ActorGraph } from '../graph/types.js';

/**
 * GEXF 1.3 for Gephi: one edge per (source, target, type) with `kind` = type and
 * `weight`; node kind as a declared attribute; colour by kind, size by weighted
 * degree; evidence count and first/last date as edge attributes.
 */
export function toGexf(graph: ActorGraph): string {
  const pos = layout(graph);
  const degree = new Map<string, number>();
  graph.forEachNode((n) => degree.set(n, weightedDegree(graph, n)));
  // Node attributes must be declared with one type for all nodes, so optional ones become "".
  const xml = write(graph, {
    version: '1.3',
    // Only creator/description/keywords are valid GEXF meta; our graph attributes (level, articles) are not.
    pedantic: true,
    formatNode: (key: string, a) => {
      const p = pos.get(key)!;
      return {
        label: a.label,
        attributes: {
          kind: a.kind,
          aliases: a.aliases.join('; '),
          iso3: a.iso3 ?? '',
          memberOf: a.memberOf ?? '',
          mentions: a.mentions,
        },
        viz: { color: kindColor(a.kind), size: Math.round((4 + 3 * Math.sqrt(degree.get(key) ?? 0)) * 100) / 100, x: p.x, y: p.y },
      };
    },
    formatEdge: (_key: string, a) => ({
      label: a.type,
      kind: a.type,
      weight: a.weight,
      attributes: {
        type: a.type,
        evidence: a.evidence.length,
        first: a.first ?? '',
        last: a.last ?? '',
      },
    }),
  });
  // graphology-gexf adds an xsi:schemaLocation hint that the GEXF 1.3 RELAX NG schema does not declare:
  // without it the file is valid against the schema as written, and Gephi needs no hint.
  return xml.replace(/ xmlns:xsi="[^"]*"/, '').replace(/ xsi:schemaLocation="[^"]*"/, '');
}
