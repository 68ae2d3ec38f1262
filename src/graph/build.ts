import type { ActorRecord, ArticleExtraction, RelationMention } from '../extract/types.js';
import { dateRange, dedupeEvidence } from './aggregate.js';
import { emptyGraph, isSymmetric, orient } from './graph.js';
import type { ActorGraph, ArticleMeta, EdgeType, Evidence, NodeAttrs } from './types.js';

interface PendingEdge {
  type: EdgeType;
  source: string;
  target: string;
  evidence: Evidence[];
}

/**
 * Accumulates extraction records into the full graph: person level, every
 * modality. Views (actor level, asserted only) are derived from it by
 * `viewGraph`, so there is one stored graph and every other graph is computed.
 *
 * Insertion order does not matter: `graph()` sorts nodes and edges by id, so
 * the same records always give byte-identical output.
 */
export class GraphBuilder {
  private actors = new Map<string, ActorRecord>();
  private articles = new Map<string, ArticleMeta>();
  private edges = new Map<string, PendingEdge>();

  constructor(private readonly opts: { name?: string } = {}) {}

  addActor(a: ActorRecord): void {
    const prev = this.actors.get(a.id);
    if (!prev) {
      this.actors.set(a.id, { ...a, aliases: [...a.aliases] });
      return;
    }
    // The first record wins on identity fields; aliases accumulate, and a
    // discovered affiliation fills a gap but never overrides a dictionary one.
    const aliases = new Set([...prev.aliases, ...a.aliases]);
    this.actors.set(a.id, {
      ...prev,
      aliases: [...aliases],
      memberOf: prev.memberOf ?? a.memberOf,
      iso3: prev.iso3 ?? a.iso3,
    });
  }

  addArticle(a: ArticleExtraction['article']): void {
    this.articles.set(a.doc, { title: a.title, date: a.date, url: a.url, source: a.source });
  }

  addMention(m: RelationMention): void {
    const from = m.sourcePerson ?? m.source;
    const to = m.targetPerson ?? m.target;
    if (from === to) return;
    const [s, t] = orient(m.type, from, to);
    const key = `${m.type}|${s}|${t}`;
    let edge = this.edges.get(key);
    if (!edge) {
      edge = { type: m.type, source: s, target: t, evidence: [] };
      this.edges.set(key, edge);
    }
    const { type: _type, ...evidence } = m;
    edge.evidence.push(evidence);
  }

  addExtraction(x: ArticleExtraction): void {
    this.addArticle(x.article);
    for (const a of x.actors) this.addActor(a);
    for (const m of x.relations) this.addMention(m);
  }

  graph(): ActorGraph {
    const g = emptyGraph({
      name: this.opts.name ?? 'actorgraph',
      level: 'person',
      modality: 'all',
      articles: Object.fromEntries([...this.articles].sort(([a], [b]) => (a < b ? -1 : 1))),
    });

    const needed = new Set<string>();
    for (const e of this.edges.values()) needed.add(e.source).add(e.target);
    for (const [id, a] of this.actors) if (a.kind === 'person' && a.memberOf) needed.add(id);
    // Affiliations must exist as nodes so persons can roll up into them.
    const queue = [...needed];
    while (queue.length) {
      const id = queue.pop()!;
      const parent = this.actors.get(id)?.memberOf;
      if (parent && !needed.has(parent)) {
        needed.add(parent);
        queue.push(parent);
      }
    }

    for (const id of [...needed].sort()) g.addNode(id, nodeAttrs(id, this.actors.get(id)));

    const edges = [...this.edges.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [key, e] of edges) {
      const evidence = dedupeEvidence(e.evidence);
      const attrs = { type: e.type, weight: evidence.length, ...dateRange(evidence), evidence };
      if (g.hasNode(e.source) && g.hasNode(e.target)) {
        if (isSymmetric(e.type)) g.addUndirectedEdgeWithKey(key, e.source, e.target, attrs);
        else g.addDirectedEdgeWithKey(key, e.source, e.target, attrs);
      }
    }

    for (const id of [...needed].sort()) {
      const parent = this.actors.get(id)?.memberOf;
      if (parent && g.hasNode(parent)) {
        g.addDirectedEdgeWithKey(`member-of|${id}|${parent}`, id, parent, {
          type: 'member-of',
          weight: 1,
          first: null,
          last: null,
          evidence: [],
        });
      }
    }
    countMentions(g);
    return g;
  }
}

function nodeAttrs(id: string, a: ActorRecord | undefined): NodeAttrs {
  const attrs: NodeAttrs = {
    label: a?.label ?? id,
    kind: a?.kind ?? 'other',
    aliases: a ? [...new Set(a.aliases)] : [],
    mentions: 0,
  };
  if (a?.iso3) attrs.iso3 = a.iso3;
  if (a?.memberOf) attrs.memberOf = a.memberOf;
  return attrs;
}

/** `mentions` = evidence on the node's relation edges; recomputed whenever a graph is derived. */
export function countMentions(g: ActorGraph): void {
  g.forEachNode((n) => g.setNodeAttribute(n, 'mentions', 0));
  g.forEachEdge((_e, attrs, s, t) => {
    if (attrs.type === 'member-of') return;
    g.updateNodeAttribute(s, 'mentions', (v) => (v ?? 0) + attrs.weight);
    g.updateNodeAttribute(t, 'mentions', (v) => (v ?? 0) + attrs.weight);
  });
}

export function buildGraph(extractions: Iterable<ArticleExtraction>, opts: { name?: string } = {}): ActorGraph {
  const b = new GraphBuilder(opts);
  for (const x of extractions) b.addExtraction(x);
  return b.graph();
}
