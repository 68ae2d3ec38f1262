import neo4j from 'neo4j-driver';
import type { QueryResult } from './query.js';
import { toPlain } from './values.js';

export type Format = 'table' | 'json' | 'csv';
export const FORMATS: readonly Format[] = ['table', 'json', 'csv'];

/** Table cells longer than this are cut; --format json or csv gives the full value. */
const MAX_CELL = 80;

function nodeText(n: { labels: string[]; properties: Record<string, unknown> }): string {
  const name = n.properties.id ?? n.properties.name ?? n.properties.title;
  return `(${name === undefined ? '' : String(name)}:${n.labels.join(':')})`;
}

/** One value as text: strings bare, graph objects in Cypher-like notation, the rest as JSON. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (neo4j.isNode(v)) return nodeText(v);
  if (neo4j.isRelationship(v)) return `[:${v.type}]`;
  if (neo4j.isPath(v)) {
    let out = nodeText(v.start);
    for (const s of v.segments) {
      const forward = s.relationship.startNodeElementId === s.start.elementId;
      out += `${forward ? '-' : '<-'}[:${s.relationship.type}]${forward ? '->' : '-'}${nodeText(s.end)}`;
    }
    return out;
  }
  const plain = toPlain(v);
  return typeof plain === 'string' ? plain : JSON.stringify(plain);
}

function clip(s: string): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}

export function formatTable(r: QueryResult): string {
  const header = r.keys;
  const body = r.rows.map((row) => row.map((v) => clip(cellText(v))));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('-+-'), ...body.map(line)];
  const n = r.rows.length;
  out.push(`(${n} row${n === 1 ? '' : 's'})`);
  return out.join('\n') + '\n';
}

export function formatJson(r: QueryResult): string {
  const rows = r.rows.map((row) => Object.fromEntries(r.keys.map((k, i) => [k, toPlain(row[i])])));
  return JSON.stringify(rows, null, 2) + '\n';
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatCsv(r: QueryResult): string {
  const lines = [r.keys.map(csvField).join(',')];
  for (const row of r.rows) lines.push(row.map((v) => csvField(cellText(v))).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function formatResult(r: QueryResult, format: Format): string {
  if (format === 'json') return formatJson(r);
  if (format === 'csv') return formatCsv(r);
  return formatTable(r);
}
