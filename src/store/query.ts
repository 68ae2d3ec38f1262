import neo4j, { type Driver } from 'neo4j-driver';
import { UserError } from '../cli/command.js';
import { databaseOf } from './driver.js';

export interface QueryOptions {
  /** Allow queries whose plan writes (query type other than `r`). */
  write?: boolean;
  database?: string;
}

export interface QueryResult {
  keys: string[];
  /** Raw driver values, in key order; see values.ts and format.ts to print them. */
  rows: unknown[][];
  queryType: string;
  counters: Record<string, number>;
}

const QUERY_TYPES: Record<string, string> = { r: 'read', w: 'write', rw: 'read/write', s: 'schema' };

/** An EXPLAIN or PROFILE prefix is the user's; EXPLAIN must not be doubled. */
function explainable(cypher: string): string | null {
  return /^\s*EXPLAIN\b/i.test(cypher) ? null : `EXPLAIN ${cypher.replace(/^\s*PROFILE\b/i, '')}`;
}

/**
 * Runs one Cypher statement. The planner, not a regular expression, decides
 * whether it writes: EXPLAIN gives the query type without executing anything.
 * Read-only runs also open a READ session, so the server refuses writes a
 * plan did not show.
 */
export async function runQuery(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown> = {},
  opts: QueryOptions = {},
): Promise<QueryResult> {
  const text = cypher.trim().replace(/;\s*$/, '');
  if (!text) throw new UserError('empty query');
  const session = driver.session({
    database: opts.database ?? databaseOf(driver),
    defaultAccessMode: opts.write ? neo4j.session.WRITE : neo4j.session.READ,
  });
  try {
    const explain = explainable(text);
    let queryType = 'r';
    if (explain) {
      const plan = await session.run(explain, params);
      queryType = plan.summary.queryType;
    }
    if (queryType !== 'r' && !opts.write) {
      throw new UserError(
        `refusing to run a ${QUERY_TYPES[queryType] ?? queryType} query without --write (EXPLAIN says query type "${queryType}")`,
      );
    }
    const result = session.run(text, params);
    const keys = (await result.keys()).map(String);
    const res = await result;
    const counters = res.summary.counters.updates() as unknown as Record<string, number>;
    return {
      keys,
      rows: res.records.map((r) => r.keys.map((k) => r.get(k))),
      queryType: res.summary.queryType || queryType,
      counters: Object.fromEntries(Object.entries(counters).filter(([, v]) => v > 0)),
    };
  } finally {
    await session.close();
  }
}
