import { PassThrough } from 'node:stream';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, inject } from 'vitest';
import type { CliIO } from '../../src/cli/command.js';
import { openDriver } from '../../src/store/driver.js';
import type { Neo4jConfig } from '../../src/store/config.js';

export const server = inject('neo4j');

if (!server.available) {
  // Visible in the run's output, so a skipped suite is never mistaken for a passing one.
  console.warn(`Neo4j tests skipped: ${server.reason}`);
}

/** `describe` when a Neo4j server is available, else `describe.skip`. */
export const describeNeo4j = server.available ? describe : describe.skip;

export function config(over: Partial<Neo4jConfig> = {}): Neo4jConfig {
  return { uri: server.uri, username: server.username, password: server.password, database: server.database, ...over };
}

export function env(over: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEO4J_URI: server.uri,
    NEO4J_USERNAME: server.username,
    NEO4J_PASSWORD: server.password,
    NEO4J_DATABASE: server.database,
    ...over,
  };
}

export function driver(over: Partial<Neo4jConfig> = {}): Driver {
  return openDriver(config(over), { maxRetryMs: 5_000 });
}

export async function clear(d: Driver): Promise<void> {
  await d.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: server.database });
}

export async function cypher<T = Record<string, unknown>>(d: Driver, q: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const res = await d.executeQuery(q, params, { database: server.database });
  return res.records.map((r) => r.toObject() as T);
}

/** Everything a load can change, as one comparable object. */
export async function counts(d: Driver): Promise<Record<string, number>> {
  const [row] = await cypher<Record<string, { toNumber(): number }>>(
    d,
    `CALL () { MATCH (n) RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
     CALL () { MATCH (a:Actor) RETURN count(a) AS actors }
     CALL () { MATCH (a:Article) RETURN count(a) AS articles }
     CALL () { MATCH (c:Claim) RETURN count(c) AS claims }
     CALL () { MATCH (:Claim)-[r:SUBJECT|OBJECT|IN]->() RETURN count(r) AS claimLinks }
     CALL () { MATCH ()-[r:MEMBER_OF]->() RETURN count(r) AS memberOf }
     CALL () { MATCH ()-[r:ALLIES_WITH|SUPPORTS|MET_WITH|NEGOTIATES_WITH|MEDIATED_BY|OPPOSES|FIGHTS]->()
               RETURN count(r) AS relations, sum(r.weight) AS weight }
     RETURN nodes, rels, actors, articles, claims, claimLinks, memberOf, relations, weight`,
  );
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, typeof v === 'number' ? v : v.toNumber()]));
}

export interface Captured {
  io: CliIO;
  out: () => string;
  err: () => string;
}

export function capture(envOver: Record<string, string> = {}): Captured {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  return { io: { stdout, stderr, cwd: process.cwd(), env: env(envOver) }, out: () => out, err: () => err };
}

/**
 * One driver per describe block, closed afterwards, over a database emptied before each test:
 * `let d: Driver; useCleanDatabase((x) => (d = x));`.
 */
export function useCleanDatabase(set: (d: Driver) => void): void {
  let d: Driver | undefined;
  beforeAll(() => {
    d = driver();
    set(d);
  });
  afterAll(async () => {
    await d?.close();
  });
  beforeEach(async () => {
    await clear(d!);
  });
}
