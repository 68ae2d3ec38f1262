import neo4j, { type Driver } from 'neo4j-driver';
import { beforeEach, expect, it } from 'vitest';
import { UsageError, UserError } from '../../src/cli/command.js';
import { query as queryCommand } from '../../src/cli/commands/query.js';
import { formatCsv, formatJson, formatTable } from '../../src/store/format.js';
import { parseParams } from '../../src/store/params.js';
import { loadGraph, runQuery } from '../../src/store/neo4j.js';
import { smallGraph } from './fixtures.js';
import { capture, counts, describeNeo4j, useCleanDatabase } from './helpers.js';

describeNeo4j('runQuery and actorgraph query', () => {
  let d: Driver;
  useCleanDatabase((x) => (d = x));
  beforeEach(async () => {
    await loadGraph(d, smallGraph());
  });

  it('refuses a writing query without --write, and runs it with it', async () => {
    const before = await counts(d);
    for (const q of ["CREATE (:Actor {id: 'x'})", "MATCH (a:Actor {id: 'syria'}) SET a.name = 'changed'", 'MATCH (n) DETACH DELETE n', 'CREATE INDEX tmp IF NOT EXISTS FOR (n:Tmp) ON (n.x)']) {
      await expect(runQuery(d, q)).rejects.toThrow(/refusing to run a (write|read\/write|schema) query without --write/);
    }
    expect(await counts(d)).toEqual(before);

    const res = await runQuery(d, "CREATE (t:Tmp {id: $id}) RETURN t.id AS id", { id: 'made' }, { write: true });
    expect(res.rows).toEqual([['made']]);
    expect(res.counters).toMatchObject({ nodesCreated: 1 });
  });

  it('runs a read query with parameters and integer results', async () => {
    const res = await runQuery(
      d,
      `MATCH (:Actor {id: $id})-[r:SUPPORTS|ALLIES_WITH]-(b:Actor) RETURN b.id AS ally, type(r) AS rel, r.weight AS weight ORDER BY ally, rel LIMIT $n`,
      parseParams(['id=syria', 'n=10']),
    );
    expect(res.keys).toEqual(['ally', 'rel', 'weight']);
    expect(res.rows.map((r) => [r[0], r[1], Number(r[2])])).toEqual([
      ['iran', 'SUPPORTS', 1],
      ['russia', 'ALLIES_WITH', 1],
      ['russia', 'SUPPORTS', 1],
    ]);
    expect(neo4j.isInt(res.rows[0]![2])).toBe(true);
  });

  it('parses --param values as JSON when they parse, else as strings', () => {
    const p = parseParams(['s=Syria', 'n=5', 'x=2.5', 'b=true', 'l=["a","b"]', 'o={"k":1}', 'q="quoted"', 'e=', 'eq=a=b']);
    expect(p.s).toBe('Syria');
    expect(neo4j.isInt(p.n)).toBe(true);
    expect(p.x).toBe(2.5);
    expect(p.b).toBe(true);
    expect(p.l).toEqual(['a', 'b']);
    expect(neo4j.isInt((p.o as { k: unknown }).k)).toBe(true);
    expect(p.q).toBe('quoted');
    expect(p.e).toBe('');
    expect(p.eq).toBe('a=b');
    expect(() => parseParams(['nope'])).toThrow(UsageError);
    expect(() => parseParams(['bad-name=1'])).toThrow(UsageError);
  });

  it('gives the server message for bad Cypher as a UserError', async () => {
    const err = await runQuery(d, 'MATCH (n RETURN n').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    // Through the CLI: one line with the server's message, exit 1, no stack.
    const c = capture();
    const run = queryCommand.run(['MATCH (n RETURN n'], c.io);
    await expect(run).rejects.toBeInstanceOf(UserError);
    await expect(run).rejects.toThrow(/Invalid input 'RETURN'/);
    await expect(queryCommand.run(['RETURN $missing'], c.io)).rejects.toThrow(/Expected parameter\(s\): missing/);
  });

  it('prints an aligned table, JSON and CSV', async () => {
    const q = "MATCH (a:Actor) WHERE a.id IN ['iran', 'syria'] RETURN a.id AS id, a.name AS name, a.aliases AS aliases, a ORDER BY id";
    const res = await runQuery(d, q);
    const table = formatTable(res).split('\n');
    expect(table[0]).toMatch(/^id\s+\| name\s+\| aliases\s+\| a$/);
    expect(table[1]).toMatch(/^-+-\+-/);
    expect(table[2]).toMatch(/^iran\s+\| Iran\s+\| \["Iran","Tehran"\]\s+\| \(iran:Actor:State\)$/);
    expect(table[0]!.indexOf('|')).toBe(table[2]!.indexOf('|'));
    expect(table[4]).toBe('(2 rows)');
    expect(JSON.parse(formatJson(res))[1]).toMatchObject({ id: 'syria', name: 'Syrian government', aliases: ['Syria', 'Damascus'], a: { labels: ['Actor', 'State'] } });
    expect(formatCsv(res).split('\r\n')[1]).toBe('iran,Iran,"[""Iran"",""Tehran""]",(iran:Actor:State)');

    const path = await runQuery(d, "MATCH p = shortestPath((:Actor {id: 'iran'})-[:SUPPORTS|ALLIES_WITH*]-(:Actor {id: 'russia'})) RETURN p");
    expect(formatTable(path)).toContain('(iran:Actor:State)-[:SUPPORTS]->(syria:Actor:State)');

    const c = capture();
    expect(await queryCommand.run([q, '--format', 'json'], c.io)).toBe(0);
    expect(JSON.parse(c.out())).toHaveLength(2);
    const w = capture();
    expect(await queryCommand.run(["CREATE (:Tmp) RETURN 1 AS one", '--write', '--format', 'csv'], w.io)).toBe(0);
    expect(w.out()).toBe('one\r\n1\r\n');
    expect(w.err()).toContain('nodesCreated: 1');
    await expect(queryCommand.run(['CREATE (:Tmp)'], capture().io)).rejects.toThrow(/without --write/);
    await expect(queryCommand.run([q, '--format', 'xml'], capture().io)).rejects.toBeInstanceOf(UsageError);
  });
});
