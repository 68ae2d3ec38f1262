import { join } from 'node:path';
import { type Command, EXIT, parse } from '../command.js';
import { toCsv, toGexf, toJsonl } from '../../export/index.js';
import { graphToJSON } from '../../graph/io.js';
import { viewGraph } from '../../graph/view.js';
import { summarize } from '../../graph/stats.js';
import { buildWithProgress } from './extract.js';
import { table, writeAtomic } from '../io.js';

export const OUTPUTS = {
  gexf: 'actors.gexf',
  json: 'actors.json',
  jsonl: 'relations.jsonl',
  csv: 'edges.csv',
  full: 'full.json',
} as const;

export const build: Command = {
  name: 'build',
  summary: 'build the graph from articles and write every format into a folder',
  help: `Usage: actorgraph build [PATHS...] [options]

Builds the actor graph and writes, into the output folder:
  actors.gexf      GEXF 1.3 for Gephi (actor level, asserted mentions)
  actors.json      graphology JSON of the same graph
  relations.jsonl  one line per relation mention, with its evidence
  edges.csv        one row per aggregated edge
  full.json        the full graph (persons, every modality) the viewer reads

Options:
  --out-dir DIR    output folder (default: graph)
  --actors FILE    merge a user dictionary over the built-in one
  -h, --help       show this help

PATHS default to seeds/. Exit codes: 0 all read, 1 some inputs skipped, 2 usage error.`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { 'out-dir': { type: 'string' }, actors: { type: 'string' } });
    if (values.help) return void io.stdout.write(build.help + '\n'), EXIT.ok;
    const paths = positionals.length ? positionals : ['seeds'];
    const dir = values['out-dir'] ?? 'graph';
    const { graph, skipped, articles } = await buildWithProgress(paths, io, values.actors);
    const actors = viewGraph(graph, { level: 'actor', modality: 'asserted' });
    writeAtomic(join(dir, OUTPUTS.full), graphToJSON(graph));
    writeAtomic(join(dir, OUTPUTS.json), graphToJSON(actors));
    writeAtomic(join(dir, OUTPUTS.gexf), toGexf(actors));
    writeAtomic(join(dir, OUTPUTS.jsonl), toJsonl(actors));
    writeAtomic(join(dir, OUTPUTS.csv), toCsv(actors));
    const s = summarize(actors);
    io.stdout.write(
      `Built ${dir}/ from ${articles} article(s): ${s.nodes} actors, ${s.edges} edges, ${s.mentions} mentions\n\n` +
        table([['relation', 'edges', 'mentions'], ...s.byType.map((t) => [t.type, t.edges, t.mentions])], ['l', 'r', 'r']) +
        '\n\n' +
        table([['most connected', 'kind', 'weighted degree'], ...s.top.slice(0, 8).map((t) => [t.label, t.kind, t.degree])], ['l', 'l', 'r']) +
        '\n',
    );
    return skipped || articles === 0 ? EXIT.partial : EXIT.ok;
  },
};
