import { weightedDegree } from './layout.js';
import type { ActorGraph } from './types.js';

export interface GraphSummary {
  nodes: number;
  edges: number;
  mentions: number;
  byKind: { kind: string; nodes: number }[];
  byType: { type: string; edges: number; mentions: number }[];
  top: { id: string; label: string; kind: string; degree: number }[];
}

export function summarize(graph: ActorGraph, topN = 10): GraphSummary {
  const kinds = new Map<string, number>();
  graph.forEachNode((_n, a) => kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1));
  const types = new Map<string, { edges: number; mentions: number }>();
  let mentions = 0;
  let edges = 0;
  graph.forEachEdge((_e, a) => {
    if (a.type === 'member-of') return;
    edges++;
    mentions += a.weight;
    const t = types.get(a.type) ?? { edges: 0, mentions: 0 };
    t.edges++;
    t.mentions += a.weight;
    types.set(a.type, t);
  });
  const top = graph
    .mapNodes((id, a) => ({ id, label: a.label, kind: a.kind, degree: weightedDegree(graph, id) }))
    .sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1))
    .slice(0, topN);
  return {
    nodes: graph.order,
    edges,
    mentions,
    byKind: [...kinds].map(([kind, nodes]) => ({ kind, nodes })).sort((a, b) => b.nodes - a.nodes || (a.kind < b.kind ? -1 : 1)),
    byType: [...types].map(([type, t]) => ({ type, ...t })).sort((a, b) => b.mentions - a.mentions || (a.type < b.type ? -1 : 1)),
    top,
  };
}
