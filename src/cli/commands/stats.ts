import { type Command, EXIT, parse } from '../command.js';
import { summarize } from '../../graph/stats.js';
import { graphArgument, table } from '../io.js';

export const stats: Command = {
  name: 'stats',
  summary: 'summarise a graph file: actors by kind, edges by type, most connected',
  help: `Usage: actorgraph stats FILE [--top N] [--json]

FILE is a graphology JSON graph written by build or extract --format json.

Options:
  --top N    how many most-connected actors to list (default 10)
  --json     print the summary as JSON
  -h, --help show this help`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { top: { type: 'string' }, json: { type: 'boolean' } });
    if (values.help) return void io.stdout.write(stats.help + '\n'), EXIT.ok;
    const graph = graphArgument('stats', positionals);
    const s = summarize(graph, Number(values.top ?? 10) || 10);
    if (values.json) {
      io.stdout.write(JSON.stringify(s, null, 2) + '\n');
      return EXIT.ok;
    }
    io.stdout.write(
      `${s.nodes} actors, ${s.edges} edges, ${s.mentions} mentions\n\n` +
        table([['kind', 'actors'], ...s.byKind.map((k) => [k.kind, k.nodes])], ['l', 'r']) +
        '\n\n' +
        table([['relation', 'edges', 'mentions'], ...s.byType.map((t) => [t.type, t.edges, t.mentions])], ['l', 'r', 'r']) +
        '\n\n' +
        table([['most connected', 'id', 'kind', 'weighted degree'], ...s.top.map((t) => [t.label, t.id, t.kind, t.degree])], ['l', 'l', 'l', 'r']) +
        '\n',
    );
    return EXIT.ok;
  },
};
