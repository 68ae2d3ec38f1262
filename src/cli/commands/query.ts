import { EXIT, oneOf, parse, UsageError, type CliIO, type Command } from '../command.js';
import { FORMATS, formatResult } from '../../store/format.js';
import { parseParams } from '../../store/params.js';
import { runQuery } from '../../store/query.js';
import { withNeo4j } from '../../store/session.js';

const HELP = `Usage: actorgraph query "CYPHER" [--param NAME=VALUE ...] [--format table|json|csv] [--write]

Runs one Cypher statement against Neo4j and prints the result.

Read-only by default: the statement is first planned with EXPLAIN, and one
whose plan writes (query type w, rw or s) is refused unless --write is given.

Options:
  --param NAME=VALUE  a query parameter, used as $NAME; VALUE is read as JSON when it
                      parses (5, true, ["a","b"], {"k":1}), else taken as a string
  --format F          table (aligned, long cells cut; the default), json or csv
  --write             allow statements that change the database
  -h, --help          show this help

Example:
  actorgraph query "MATCH (a:Actor {id: \\$id})-[r]-(b:Actor) RETURN type(r), b.name, r.weight" --param id=syria

Environment: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE (see actorgraph load --help).`;

export const query: Command = {
  name: 'query',
  summary: 'run a Cypher query against Neo4j (read-only unless --write)',
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parse(argv, {
      param: { type: 'string', multiple: true },
      format: { type: 'string' },
      write: { type: 'boolean' },
    });
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return EXIT.ok;
    }
    if (positionals.length === 0) throw new UsageError('missing the Cypher query (quote it as one argument)');
    if (positionals.length > 1) throw new UsageError(`expected one quoted Cypher query, got ${positionals.length} arguments`);
    const format = oneOf('format', values.format, FORMATS, 'table');
    const params = parseParams(values.param ?? []);

    return withNeo4j(io.env, async (driver) => {
      const res = await runQuery(driver, positionals[0]!, params, { write: !!values.write });
      io.stdout.write(formatResult(res, format));
      const changes = Object.entries(res.counters).map(([k, v]) => `${k}: ${v}`);
      if (changes.length) io.stderr.write(`${changes.join(', ')}\n`);
      return EXIT.ok;
    });
  },
};
