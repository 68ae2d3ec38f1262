import { resolve } from 'node:path';
import { EXIT, parse, positiveInt, UsageError, UserError, type CliIO, type Command } from '../command.js';
import { readGraph } from '../../graph/io.js';
import type { ActorGraph } from '../../graph/types.js';
import { buildFromPaths } from '../../pipeline.js';
import { DEFAULT_BATCH_SIZE, loadGraph } from '../../store/load.js';
import { progressPrinter } from '../../store/progress.js';
import { runQuery } from '../../store/query.js';
import { withNeo4j } from '../../store/session.js';
import { toPlain } from '../../store/values.js';

const HELP = `Usage: actorgraph load [PATHS... | --graph FILE] [--actors FILE] [--batch-size N]

Loads articles into Neo4j: actors, persons (MEMBER_OF), articles, one Claim per
relation mention, and per actor pair one aggregated relationship per relation
type (ALLIES_WITH, SUPPORTS, MET_WITH, NEGOTIATES_WITH, MEDIATED_BY, OPPOSES,
FIGHTS) with weight, first and last. Loading is idempotent and incremental:
the same articles twice change nothing, new articles add evidence and weight.

Arguments:
  PATHS            article files or folders (default: seeds/)

Options:
  --graph FILE     load a graph JSON file instead (graph/full.json from \`actorgraph build\`)
  --actors FILE    a user dictionary merged over the built-in one
  --batch-size N   rows per UNWIND transaction (default ${DEFAULT_BATCH_SIZE})
  -h, --help       show this help

Environment:
  NEO4J_URI        default bolt://127.0.0.1:7687 (\`npm run neo4j:start\` runs one there)
  NEO4J_USERNAME   default neo4j
  NEO4J_PASSWORD   default actorgraph
  NEO4J_DATABASE   default neo4j`;

const TOTALS = `
CALL () { MATCH (a:Actor) RETURN count(a) AS actors }
CALL () { MATCH (a:Article) RETURN count(a) AS articles }
CALL () { MATCH (c:Claim) RETURN count(c) AS claims }
CALL () { MATCH (:Actor)-[r:ALLIES_WITH|SUPPORTS|MET_WITH|NEGOTIATES_WITH|MEDIATED_BY|OPPOSES|FIGHTS]->(:Actor) RETURN count(r) AS relationships }
RETURN actors, articles, claims, relationships`;

async function readInput(
  values: { graph?: string; actors?: string },
  positionals: string[],
  io: CliIO,
): Promise<{ graph: ActorGraph; issues: number }> {
  if (values.graph) {
    try {
      return { graph: readGraph(resolve(io.cwd, values.graph)), issues: 0 };
    } catch (err) {
      throw new UserError((err as Error).message);
    }
  }
  const paths = (positionals.length ? positionals : ['seeds']).map((p) => resolve(io.cwd, p));
  const res = await buildFromPaths(paths, {
    ...(values.actors ? { actorsFile: resolve(io.cwd, values.actors) } : {}),
    onIssue: (i) => io.stderr.write(`actorgraph: skipped ${i.path}${i.line ? `:${i.line}` : ''}: ${i.reason}\n`),
  });
  io.stderr.write(`read ${res.articles} article${res.articles === 1 ? '' : 's'}\n`);
  return { graph: res.graph, issues: res.issues.length };
}

export const load: Command = {
  name: 'load',
  summary: 'load articles or a graph file into Neo4j (idempotent, incremental)',
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parse(argv, {
      graph: { type: 'string' },
      actors: { type: 'string' },
      'batch-size': { type: 'string' },
    });
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return EXIT.ok;
    }
    if (values.graph && positionals.length) throw new UsageError('give PATHS or --graph FILE, not both');
    if (values.graph && values.actors) throw new UsageError('--actors applies to articles, not to --graph');
    const batchSize = positiveInt('batch-size', values['batch-size'], DEFAULT_BATCH_SIZE);

    // Connect before reading the input, so a missing server fails in seconds.
    return withNeo4j(io.env, async (driver, cfg) => {
      const { graph, issues } = await readInput(values, positionals, io);
      const t0 = Date.now();
      const res = await loadGraph(driver, graph, { batchSize, onProgress: progressPrinter(io.stderr) });
      const secs = (Date.now() - t0) / 1000;
      const totals = await runQuery(driver, TOTALS);
      const [actors, articles, claims, relationships] = (totals.rows[0] ?? []).map((v) => toPlain(v));
      io.stdout.write(
        `loaded ${res.articles} articles, ${res.actors} actors, ${res.claims} claims, ${res.relations} actor pairs ` +
          `into ${cfg.uri} (database ${cfg.database}) in ${secs.toFixed(1)}s\n` +
          `Neo4j now holds ${actors} actors, ${articles} articles, ${claims} claims, ${relationships} relationships\n`,
      );
      return issues ? EXIT.partial : EXIT.ok;
    });
  },
};
