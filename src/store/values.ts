import neo4j from 'neo4j-driver';

/**
 * Neo4j values as plain JSON-able data: integers become numbers when they fit
 * (else decimal strings), temporal and spatial values their ISO text, nodes and
 * relationships their labels/type and properties, paths their segments.
 */
export function toPlain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (neo4j.isInt(v)) return v.inSafeRange() ? v.toNumber() : v.toString();
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(toPlain);
  if (typeof v !== 'object') return v;
  if (
    neo4j.isDate(v) ||
    neo4j.isDateTime(v) ||
    neo4j.isLocalDateTime(v) ||
    neo4j.isLocalTime(v) ||
    neo4j.isTime(v) ||
    neo4j.isDuration(v) ||
    neo4j.isPoint(v)
  ) {
    return String(v);
  }
  if (neo4j.isNode(v)) return { labels: [...v.labels], properties: toPlain(v.properties) };
  if (neo4j.isRelationship(v)) return { type: v.type, properties: toPlain(v.properties) };
  if (neo4j.isPath(v)) {
    return {
      start: toPlain(v.start),
      segments: v.segments.map((s) => ({ relationship: toPlain(s.relationship), end: toPlain(s.end) })),
    };
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = toPlain(x);
  return out;
}
