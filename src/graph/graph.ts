import { MultiGraph } from 'graphology';
import type { ActorGraph, EdgeAttrs, EdgeType, GraphAttrs, NodeAttrs } from './types.js';
import { SYMMETRIC, type RelationType } from '../extract/types.js';

export function emptyGraph(attrs: GraphAttrs): ActorGraph {
  const g: ActorGraph = new MultiGraph<NodeAttrs, EdgeAttrs, GraphAttrs>({ type: 'mixed', allowSelfLoops: false });
  g.replaceAttributes(attrs);
  return g;
}

export function isSymmetric(type: EdgeType): boolean {
  return SYMMETRIC.has(type as RelationType);
}

/**
 * Symmetric types are stored once, endpoints in lexicographic order of id, so
 * "A met B" and "B met A" land on the same edge.
 */
export function orient(type: EdgeType, source: string, target: string): [string, string] {
  return isSymmetric(type) && target < source ? [target, source] : [source, target];
}

export function edgeKey(type: EdgeType, source: string, target: string): string {
  const [s, t] = orient(type, source, target);
  return `${type}|${s}|${t}`;
}
