import { readFileSync, writeFileSync } from 'node:fs';
import type { SerializedGraph } from 'graphology-types';
import { emptyGraph } from './graph.js';
import type { ActorGraph, EdgeAttrs, GraphAttrs, NodeAttrs } from './types.js';

export function graphFromJSON(data: SerializedGraph<NodeAttrs, EdgeAttrs, GraphAttrs>): ActorGraph {
  const g = emptyGraph({ name: 'actorgraph', level: 'actor', modality: 'asserted', articles: {} });
  g.import(data);
  return g;
}

/** Serialized graphology JSON: what Graph#export gives, readable by any graphology app. */
export function graphToJSON(g: ActorGraph): string {
  return JSON.stringify(g.export()) + '\n';
}

export function readGraph(path: string): ActorGraph {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new Error(e.code === 'ENOENT' ? `${path}: no such file` : `${path}: not a graph JSON file (${e.message})`);
  }
  if (!data || typeof data !== 'object' || !Array.isArray((data as { nodes?: unknown }).nodes)) {
    throw new Error(`${path}: not a graphology JSON file (no "nodes" array)`);
  }
  return graphFromJSON(data as SerializedGraph<NodeAttrs, EdgeAttrs, GraphAttrs>);
}

export function writeGraph(g: ActorGraph, path: string): void {
  writeFileSync(path, graphToJSON(g));
}
