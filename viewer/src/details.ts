/** What the side panel shows for a node or an edge, as plain data (rendered elsewhere as text). */
import type { ActorGraph, ArticleMeta, Evidence } from '../../src/graph/types.js';
import { TYPE_ORDER, sortEvidence } from './filters.js';

export interface EvidenceItem {
  sentence: string;
  title: string;
  date: string | null;
  doc: string;
  modality: string;
  type: string;
  /** "Turkey → Syrian rebels" */
  relation: string;
  edge: string;
}

export interface RelationGroup {
  type: string;
  count: number;
  items: Array<{ edge: string; other: string; otherLabel: string; direction: 'out' | 'in' | 'both'; weight: number }>;
}

export interface NodeDetails {
  id: string;
  label: string;
  kind: string;
  aliases: string[];
  memberOf: { id: string; label: string } | null;
  members: Array<{ id: string; label: string }>;
  relations: RelationGroup[];
  evidence: EvidenceItem[];
  evidenceTotal: number;
}

export interface EdgeDetails {
  id: string;
  type: string;
  directed: boolean;
  source: { id: string; label: string };
  target: { id: string; label: string };
  weight: number;
  first: string | null;
  last: string | null;
  evidence: EvidenceItem[];
  evidenceTotal: number;
}

const label = (g: ActorGraph, id: string) => (g.hasNode(id) ? g.getNodeAttribute(id, 'label') || id : id);

function articleOf(articles: Record<string, ArticleMeta> | undefined, doc: string): ArticleMeta | undefined {
  return articles ? articles[doc] : undefined;
}

function relationText(g: ActorGraph, edge: string): string {
  const arrow = g.isDirected(edge) ? '→' : '↔';
  return `${label(g, g.source(edge))} ${arrow} ${label(g, g.target(edge))}`;
}

function toItems(g: ActorGraph, edge: string, ev: readonly Evidence[]): EvidenceItem[] {
  const articles = g.getAttribute('articles');
  const type = g.getEdgeAttribute(edge, 'type');
  const relation = relationText(g, edge);
  return ev.map((e) => {
    const meta = articleOf(articles, e.doc);
    return { sentence: e.sentence, title: meta?.title || e.doc, date: e.date ?? meta?.date ?? null, doc: e.doc, modality: e.modality, type, relation, edge };
  });
}

/**
 * @param shown the filtered graph (relations and evidence as currently visible)
 * @param stored the full stored graph (for members, which the actor level rolls away)
 */
export function nodeDetails(shown: ActorGraph, stored: ActorGraph, node: string, maxEvidence = 200): NodeDetails | null {
  const g = shown.hasNode(node) ? shown : stored.hasNode(node) ? stored : null;
  if (!g) return null;
  const a = g.getNodeAttributes(node);
  const members: Array<{ id: string; label: string }> = [];
  stored.forEachNode((id, na) => {
    if (na.memberOf === node) members.push({ id, label: na.label || id });
  });
  members.sort((x, y) => x.label.localeCompare(y.label));
  const groups = new Map<string, RelationGroup>();
  const evidence: EvidenceItem[] = [];
  if (shown.hasNode(node)) {
    shown.forEachEdge(node, (edge, ea, s, t) => {
      if (ea.type === 'member-of') return;
      const other = s === node ? t : s;
      const direction = shown.isUndirected(edge) ? 'both' : s === node ? 'out' : 'in';
      let group = groups.get(ea.type);
      if (!group) groups.set(ea.type, (group = { type: ea.type, count: 0, items: [] }));
      group.count += ea.weight || 1;
      group.items.push({ edge, other, otherLabel: label(shown, other), direction, weight: ea.weight || 1 });
      evidence.push(...toItems(shown, edge, ea.evidence));
    });
  }
  const order = (t: string) => (TYPE_ORDER.includes(t) ? TYPE_ORDER.indexOf(t) : 99);
  const relations = [...groups.values()].sort((x, y) => order(x.type) - order(y.type) || x.type.localeCompare(y.type));
  for (const r of relations) r.items.sort((x, y) => y.weight - x.weight || x.otherLabel.localeCompare(y.otherLabel));
  const sorted = sortItems(evidence);
  const parent = a.memberOf && stored.hasNode(a.memberOf) ? { id: a.memberOf, label: label(stored, a.memberOf) } : null;
  return {
    id: node,
    label: a.label || node,
    kind: a.kind,
    aliases: [...(a.aliases ?? [])],
    memberOf: parent,
    members,
    relations,
    evidence: sorted.slice(0, maxEvidence),
    evidenceTotal: sorted.length,
  };
}

function sortItems(items: EvidenceItem[]): EvidenceItem[] {
  return items.sort((x, y) => (y.date ?? '').localeCompare(x.date ?? '') || x.doc.localeCompare(y.doc) || x.sentence.localeCompare(y.sentence));
}

export function edgeDetails(shown: ActorGraph, edge: string, maxEvidence = 200): EdgeDetails | null {
  if (!shown.hasEdge(edge)) return null;
  const a = shown.getEdgeAttributes(edge);
  const s = shown.source(edge);
  const t = shown.target(edge);
  const items = toItems(shown, edge, sortEvidence(a.evidence));
  return {
    id: edge,
    type: a.type,
    directed: shown.isDirected(edge),
    source: { id: s, label: label(shown, s) },
    target: { id: t, label: label(shown, t) },
    weight: a.weight,
    first: a.first,
    last: a.last,
    evidence: items.slice(0, maxEvidence),
    evidenceTotal: items.length,
  };
}
