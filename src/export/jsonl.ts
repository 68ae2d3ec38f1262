import type { ActorGraph } from '../graph/types.js';
import type { RelationMention } from '../extract/types.js';

/** The fields every JSONL line carries, in this order; optional ones follow when present. */
const FIELDS = ['type', 'source', 'target', 'doc', 'sentence', 'start', 'end', 'rule', 'trigger', 'confidence', 'modality', 'date'] as const;

export function mentionLine(m: RelationMention): string {
  const o: Record<string, unknown> = {};
  for (const f of FIELDS) o[f] = m[f] ?? null;
  for (const f of ['sourcePerson', 'targetPerson', 'place', 'attributedTo'] as const) if (m[f] !== undefined) o[f] = m[f];
  return JSON.stringify(o);
}

/** One line per relation mention, in the graph's stable edge and evidence order. */
export function toJsonl(graph: ActorGraph): string {
  // The edge's endpoints are the ids of the graph's level (rolled up at actor
  // level); the evidence keeps the persons, if any, in sourcePerson/targetPerson.
  const lines: string[] = [];
  graph.forEachEdge((_k, e, s, t) => {
    if (e.type === 'member-of') return;
    for (const ev of e.evidence) lines.push(mentionLine({ type: e.type, ...ev, source: s, target: t } as RelationMention));
  });
  return lines.length ? lines.join('\n') + '\n' : '';
}
