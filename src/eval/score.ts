import { SYMMETRIC, type RelationType } from '../extract/types.js';
import type { ActorGraph } from '../graph/types.js';

/** The gold file format of ../shared/gold/seeds.gold.json and ../shared/dev/dev.gold.json. */
export interface Gold {
  relationTypes: Record<string, { symmetric: boolean }>;
  actors: Record<string, { kind: string; label: string; aliases?: string[]; memberOf?: string }>;
  documents: Record<string, { required: string[][]; acceptable: string[][]; forbidden: string[][]; affiliations?: string[][] }>;
  sentenceTraps?: { doc: string; sentence: string; mustNotYield: string[]; why: string }[];
}

export type Triple = `${string}|${string}|${string}`;

export function triple(type: string, source: string, target: string): Triple {
  const [s, t] = SYMMETRIC.has(type as RelationType) && target < source ? [target, source] : [source, target];
  return `${type}|${s}|${t}`;
}

export interface DocScore {
  doc: string;
  predicted: number;
  correct: number;
  required: number;
  found: number;
  misses: Triple[];
  falsePositives: { edge: Triple; sentence: string }[];
}

export interface TrapResult {
  doc: string;
  sentence: string;
  why: string;
  passed: boolean;
  yielded: Triple[];
}

export interface Score {
  docs: DocScore[];
  precision: number;
  recall: number;
  f1: number;
  traps: TrapResult[];
}

/** Actor-level edges of one document: every asserted relation with evidence from it. */
function predictedByDoc(graph: ActorGraph): Map<string, Map<Triple, string>> {
  const out = new Map<string, Map<Triple, string>>();
  graph.forEachEdge((_k, e, s, t) => {
    if (e.type === 'member-of') return;
    for (const ev of e.evidence) {
      let m = out.get(ev.doc);
      if (!m) out.set(ev.doc, (m = new Map()));
      const key = triple(e.type, s, t);
      if (!m.has(key)) m.set(key, ev.sentence);
    }
  });
  return out;
}

/**
 * Micro-averaged scoring against gold: required edges count for recall;
 * required plus acceptable count as correct for precision; symmetric types are unordered.
 */
export function score(graph: ActorGraph, gold: Gold): Score {
  const pred = predictedByDoc(graph);
  const docs: DocScore[] = [];
  for (const [doc, g] of Object.entries(gold.documents)) {
    const required = new Set(g.required.map((r) => triple(r[0]!, r[1]!, r[2]!)));
    const ok = new Set([...required, ...g.acceptable.map((r) => triple(r[0]!, r[1]!, r[2]!))]);
    const p = pred.get(doc) ?? new Map<Triple, string>();
    const found = [...required].filter((r) => p.has(r));
    const fps = [...p].filter(([e]) => !ok.has(e)).map(([edge, sentence]) => ({ edge, sentence }));
    docs.push({
      doc,
      predicted: p.size,
      correct: p.size - fps.length,
      required: required.size,
      found: found.length,
      misses: [...required].filter((r) => !p.has(r)),
      falsePositives: fps,
    });
  }
  const sum = (f: (d: DocScore) => number) => docs.reduce((a, d) => a + f(d), 0);
  const predicted = sum((d) => d.predicted);
  const precision = predicted ? sum((d) => d.correct) / predicted : 0;
  const recall = sum((d) => d.required) ? sum((d) => d.found) / sum((d) => d.required) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { docs, precision, recall, f1, traps: checkTraps(graph, gold) };
}

/** Every trap sentence must yield nothing of its forbidden shape ("*" matches any actor). */
export function checkTraps(graph: ActorGraph, gold: Gold): TrapResult[] {
  return (gold.sentenceTraps ?? []).map((trap) => {
    const [type, src, dst] = trap.mustNotYield as [string, string, string];
    const yielded: Triple[] = [];
    graph.forEachEdge((_k, e, s, t) => {
      if (e.type !== type) return;
      for (const ev of e.evidence) {
        if (ev.doc !== trap.doc || !ev.sentence.includes(trap.sentence.slice(0, 60))) continue;
        const fwd = (src === '*' || src === s) && (dst === '*' || dst === t);
        const back = SYMMETRIC.has(type as RelationType) && (src === '*' || src === t) && (dst === '*' || dst === s);
        if (fwd || back) yielded.push(triple(type, s, t));
      }
    });
    return { doc: trap.doc, sentence: trap.sentence, why: trap.why, passed: yielded.length === 0, yielded };
  });
}

export function formatScore(name: string, s: Score, verbose: boolean): string {
  const pct = (x: number) => x.toFixed(3);
  const lines = [`${name}`, `  doc${' '.repeat(60)}P      R      F1     pred  req`];
  for (const d of s.docs) {
    const p = d.predicted ? d.correct / d.predicted : 0;
    const r = d.required ? d.found / d.required : 0;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    lines.push(`  ${d.doc.slice(0, 60).padEnd(63)}${pct(p)}  ${pct(r)}  ${pct(f)}  ${String(d.predicted).padStart(4)} ${String(d.required).padStart(4)}`);
    if (verbose) {
      for (const m of d.misses) lines.push(`      miss  ${m}`);
      for (const fp of d.falsePositives) lines.push(`      false ${fp.edge}  «${fp.sentence.slice(0, 90)}»`);
    }
  }
  const failed = s.traps.filter((t) => !t.passed);
  lines.push(`  traps: ${s.traps.length - failed.length}/${s.traps.length} passed`);
  for (const t of failed) lines.push(`      TRAP FAILED (${t.why}): ${t.yielded.join(', ')}  «${t.sentence.slice(0, 80)}»`);
  lines.push(`  micro precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}`);
  return lines.join('\n');
}
