import neo4j from 'neo4j-driver';
import { UsageError } from '../cli/command.js';

/** JSON integers must reach Neo4j as integers: `LIMIT $n` refuses 5.0. */
function toCypher(v: unknown): unknown {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return neo4j.int(v);
  if (Array.isArray(v)) return v.map(toCypher);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toCypher(x)]));
  return v;
}

/** `k=v` pairs; a value is JSON when it parses as JSON, else the string itself. */
export function parseParams(pairs: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param must look like name=value (got "${pair}")`);
    const name = pair.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(`--param name "${name}" is not a valid parameter name`);
    const raw = pair.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // Not JSON: a plain string such as a name or an id.
    }
    out[name] = toCypher(value);
  }
  return out;
}
