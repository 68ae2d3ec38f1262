/** Search with autocomplete over node labels and aliases. Pure, no DOM. */
import type { ActorGraph } from '../../src/graph/types.js';

export interface SearchEntry {
  id: string;
  label: string;
  aliases: string[];
  kind: string;
  mentions: number;
}

export interface SearchResult {
  id: string;
  label: string;
  kind: string;
  /** The alias that matched, when it was not the label. */
  via: string | null;
  score: number;
}

export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

export function buildIndex(g: ActorGraph): SearchEntry[] {
  const out: SearchEntry[] = [];
  g.forEachNode((id, a) => out.push({ id, label: a.label || id, aliases: a.aliases ?? [], kind: a.kind, mentions: a.mentions ?? 0 }));
  return out;
}

/** 100 exact label, 90 exact alias, 80 label prefix, 70 alias prefix, 60 word prefix, 40 substring. */
function scoreText(text: string, q: string): number {
  const t = fold(text);
  if (!t) return 0;
  if (t === q) return 100;
  if (t.startsWith(q)) return 80;
  if (t.split(/[\s\-'’(),.]+/).some((w) => w.startsWith(q))) return 60;
  if (t.includes(q)) return 40;
  return 0;
}

export function search(index: readonly SearchEntry[], query: string, limit = 8): SearchResult[] {
  const q = fold(query);
  if (!q) return [];
  const results: SearchResult[] = [];
  for (const e of index) {
    let best = scoreText(e.label, q);
    let via: string | null = null;
    const idScore = fold(e.id) === q ? 95 : 0;
    if (idScore > best) best = idScore;
    for (const alias of e.aliases) {
      const s = scoreText(alias, q) - 10;
      if (s > best) {
        best = s;
        via = alias;
      }
    }
    if (best > 0) results.push({ id: e.id, label: e.label, kind: e.kind, via, score: best });
  }
  const mentions = new Map(index.map((e) => [e.id, e.mentions]));
  results.sort((a, b) => b.score - a.score || (mentions.get(b.id)! - mentions.get(a.id)!) || a.label.localeCompare(b.label));
  return results.slice(0, limit);
}
