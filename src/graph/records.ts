import type { ActorRecord, ArticleExtraction, RelationMention, RelationType } from '../extract/types.js';
import type { ActorGraph } from './types.js';

export interface GraphRecords {
  actors: ActorRecord[];
  articles: ArticleExtraction['article'][];
  mentions: RelationMention[];
}

/**
 * The inverse of GraphBuilder: flat records a store can write and read back.
 * Feeding them to GraphBuilder gives the same graph again.
 */
export function graphRecords(g: ActorGraph): GraphRecords {
  const actors: ActorRecord[] = g.mapNodes((id, a) => {
    const r: ActorRecord = { id, label: a.label, kind: a.kind, aliases: [...a.aliases] };
    if (a.iso3) r.iso3 = a.iso3;
    if (a.memberOf) r.memberOf = a.memberOf;
    return r;
  });
  const articles = Object.entries(g.getAttribute('articles') ?? {}).map(([doc, m]) => ({
    id: doc,
    doc,
    title: m.title,
    date: m.date,
    url: m.url,
    source: m.source,
  }));
  const mentions: RelationMention[] = [];
  g.forEachEdge((_k, e) => {
    if (e.type === 'member-of') return;
    for (const ev of e.evidence) mentions.push({ type: e.type as RelationType, ...ev });
  });
  return { actors, articles, mentions };
}
