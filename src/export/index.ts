import { graphToJSON } from '../graph/io.js';
import type { ActorGraph } from '../graph/types.js';
import { toCsv } from './csv.js';
import { toGexf } from './gexf.js';
import { toJsonl } from './jsonl.js';

export const FORMATS = ['gexf', 'json', 'jsonl', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** Every export takes a graph, wherever it came from (extraction, a file, Neo4j). */
export function exportGraph(graph: ActorGraph, format: Format): string {
  switch (format) {
    case 'gexf':
      return toGexf(graph);
    case 'json':
      return graphToJSON(graph);
    case 'jsonl':
      return toJsonl(graph);
    case 'csv':
      return toCsv(graph);
  }
}

export { toCsv, toGexf, toJsonl };
