import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { EXIT, oneOf, parse, UsageError, UserError, type CliIO, type Command } from '../command.js';
import { toGexf } from '../../export/gexf.js';
import { graphToJSON } from '../../graph/io.js';
import { viewGraph } from '../../graph/view.js';
import { pullGraph } from '../../store/pull.js';
import { withNeo4j } from '../../store/session.js';

const HELP = `Usage: actorgraph pull --out FILE.gexf|FILE.json [--level actor|person] [--modality asserted|all] [--full]

Reads the graph back from Neo4j (actors, articles and claims) and writes it as
GEXF for Gephi or as graphology JSON for the viewer (actorgraph serve --graph FILE).

Options:
  --out FILE        where to write; the format follows the extension (.gexf or .json)
  --level L         actor (persons rolled up into their actor; the default) or person
  --modality M      asserted (the default) or all (planned, hypothetical, negated too)
  --full            JSON only: the full graph, like graph/full.json from \`actorgraph build\`
  -h, --help        show this help

Environment: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE (see actorgraph load --help).`;

export const pull: Command = {
  name: 'pull',
  summary: 'read the graph back from Neo4j into GEXF or JSON',
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parse(argv, {
      out: { type: 'string', short: 'o' },
      level: { type: 'string' },
      modality: { type: 'string' },
      full: { type: 'boolean' },
    });
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return EXIT.ok;
    }
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (!values.out) throw new UsageError('--out FILE.gexf or --out FILE.json is required');
    const ext = extname(values.out).toLowerCase();
    if (ext !== '.gexf' && ext !== '.json') throw new UsageError(`--out must end in .gexf or .json (got "${values.out}")`);
    if (values.full && (ext !== '.json' || values.level || values.modality)) {
      throw new UsageError('--full writes JSON and takes neither --level nor --modality');
    }
    const level = oneOf('level', values.level, ['actor', 'person'] as const, 'actor');
    const modality = oneOf('modality', values.modality, ['asserted', 'all'] as const, 'asserted');

    const full = await withNeo4j(io.env, (driver) => pullGraph(driver));
    const graph = values.full ? full : viewGraph(full, { level, modality });
    const path = resolve(io.cwd, values.out);
    try {
      writeFileSync(path, ext === '.gexf' ? toGexf(graph) : graphToJSON(graph));
    } catch (err) {
      throw new UserError(`cannot write ${values.out}: ${(err as Error).message}`);
    }
    io.stdout.write(`wrote ${values.out}: ${graph.order} actors, ${graph.size} edges\n`);
    return EXIT.ok;
  },
};
