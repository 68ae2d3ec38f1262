import type { ActorGraph } from '../graph/types.js';

/** RFC 4180 quoting: fields with commas, quotes or line breaks are quoted, quotes doubled. */
export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(fields: unknown[]): string {
  return fields.map(csvField).join(',');
}

/** One row per aggregated edge, with labels so the file reads on its own in a spreadsheet. */
export function toCsv(graph: ActorGraph): string {
  const rows = [csvRow(['source', 'target', 'type', 'directed', 'weight', 'first', 'last', 'source_label', 'target_label', 'source_kind', 'target_kind', 'docs'])];
  graph.forEachEdge((key, e, s, t, sa, ta) => {
    const docs = [...new Set(e.evidence.map((x) => x.doc))].join(' ');
    rows.push(csvRow([s, t, e.type, !graph.isUndirected(key), e.weight, e.first ?? '', e.last ?? '', sa.label, ta.label, sa.kind, ta.kind, docs]));
  });
  return rows.join('\n') + '\n';
}
