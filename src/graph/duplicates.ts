import type { ActorGraph } from './types.js';

export interface DuplicatePair {
  a: string;
  b: string;
  /** Why the two look alike: a shared alias, the same surname, or labels a few edits apart. */
  reason: 'alias' | 'surname' | 'spelling';
  /** What matched: the alias, the surname, or the two labels. */
  evidence: string;
  /** 0..1, higher is more likely the same actor. */
  score: number;
}

export interface DuplicateOptions {
  /** Largest edit distance between normalised labels still reported (default 2). */
  maxEdits?: number;
}

function norm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^(the|al|el)[\s-]+/, '')
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Pairs of nodes that are probably one actor: users merge them by adding the alias to their
 * dictionary (`--actors`). Persons pair on surname only within the same affiliation.
 */
export function duplicates(graph: ActorGraph, opts: DuplicateOptions = {}): DuplicatePair[] {
  const maxEdits = opts.maxEdits ?? 2;
  const out = new Map<string, DuplicatePair>();
  const add = (p: DuplicatePair) => {
    const [a, b] = p.a < p.b ? [p.a, p.b] : [p.b, p.a];
    const key = `${a}|${b}`;
    const prev = out.get(key);
    if (!prev || p.score > prev.score) out.set(key, { ...p, a, b });
  };
  const nodes = graph.mapNodes((id, a) => ({ id, a, names: new Set([a.label, ...a.aliases].map(norm).filter(Boolean)) }));

  // A shared alias: an inverted index, so large graphs stay linear.
  const byName = new Map<string, string[]>();
  for (const n of nodes) for (const name of n.names) byName.set(name, [...(byName.get(name) ?? []), n.id]);
  for (const [name, ids] of byName) {
    for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) add({ a: ids[x]!, b: ids[y]!, reason: 'alias', evidence: name, score: 0.9 });
  }

  // Persons with the same surname and affiliation ("Sergei Lavrov" / "Sergey Lavrov" / "Lavrov").
  const persons = nodes.filter((n) => n.a.kind === 'person');
  const bySurname = new Map<string, typeof persons>();
  for (const p of persons) {
    const sur = norm(p.a.label).split(' ').pop()!;
    if (sur.length > 2) bySurname.set(`${sur}|${p.a.memberOf ?? ''}`, [...(bySurname.get(`${sur}|${p.a.memberOf ?? ''}`) ?? []), p]);
  }
  for (const [key, ps] of bySurname) {
    for (let x = 0; x < ps.length; x++) for (let y = x + 1; y < ps.length; y++) add({ a: ps[x]!.id, b: ps[y]!.id, reason: 'surname', evidence: key.split('|')[0]!, score: 0.7 });
  }

  // Labels a few edits apart, among nodes of one kind (sorted by label so only near neighbours compare).
  const byKind = new Map<string, { id: string; label: string }[]>();
  for (const n of nodes) byKind.set(n.a.kind, [...(byKind.get(n.a.kind) ?? []), { id: n.id, label: norm(n.a.label) }]);
  for (const list of byKind.values()) {
    list.sort((p, q) => (p.label < q.label ? -1 : 1));
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < Math.min(list.length, x + 25); y++) {
        const [p, q] = [list[x]!, list[y]!];
        if (Math.min(p.label.length, q.label.length) < 5) continue;
        const d = editDistance(p.label, q.label, maxEdits);
        // "Serbia"/"Syria" are two edits apart but 30% different: only near-identical long names pair.
        if (d <= maxEdits && d > 0 && d / Math.max(p.label.length, q.label.length) <= 0.15) add({ a: p.id, b: q.id, reason: 'spelling', evidence: `${p.label} ~ ${q.label}`, score: Math.round((1 - d / Math.max(p.label.length, q.label.length)) * 100) / 100 * 0.8 });
      }
    }
  }
  return [...out.values()].sort((p, q) => q.score - p.score || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : 1));
}
