import { GraphBuilder } from '../graph/build.js';
import type { ActorGraph, Evidence } from '../graph/types.js';
import type { RelationMention } from '../extract/types.js';

/**
 * Merge full graphs (person level, every modality) built from disjoint shards
 * of the input into the graph one build over all of them gives. Evidence is
 * kept per mention and deduplicated by identity, so merging is idempotent:
 * merging a shard twice, or in another order, changes nothing but, at most,
 * the order in which an actor's aliases were first seen.
 */
export function mergeGraphs(graphs: ActorGraph[], opts: { name?: string } = {}): ActorGraph {
  const b = new GraphBuilder(opts);
  for (const g of graphs) {
    const articles = g.getAttribute('articles') ?? {};
    for (const [doc, a] of Object.entries(articles)) b.addArticle({ id: doc, doc, title: a.title, date: a.date, url: a.url, source: a.source });
    g.forEachNode((id, n) => {
      b.addActor({
        id,
        label: n.label,
        kind: n.kind,
        aliases: n.aliases,
        ...(n.iso3 ? { iso3: n.iso3 } : {}),
        ...(n.memberOf ? { memberOf: n.memberOf } : {}),
      });
    });
    g.forEachEdge((_k, e) => {
      if (e.type === 'member-of') return;
      for (const ev of e.evidence as Evidence[]) b.addMention({ type: e.type, ...ev } as RelationMention);
    });
  }
  return b.graph();
}
