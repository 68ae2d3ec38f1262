import { type Command, EXIT, parse } from '../command.js';
import { duplicates } from '../../graph/duplicates.js';
import { graphArgument, table } from '../io.js';

export const actors: Command = {
  name: 'actors',
  summary: 'list the actors of a graph file, or the pairs that are probably the same actor',
  help: `Usage: actorgraph actors GRAPH [--duplicates] [--kind KIND] [--json]

GRAPH is a graphology JSON file (graph/full.json keeps persons; graph/actors.json is actor level).

Without --duplicates, lists every actor: id, kind, label, affiliation and mentions.
With --duplicates, lists pairs of nodes that are probably the same actor, and why:
  alias     the two share a name or alias
  surname   two persons of one affiliation share a surname ("Sergei Lavrov" / "Lavrov")
  spelling  labels a couple of edits apart ("Hayat Tahrir al-Sham" / "Hayat Tahrir al Sham")
Merge a pair by adding the other name as an alias in your own dictionary (--actors FILE).

Options:
  --duplicates   list probable duplicates instead of actors
  --kind KIND    only actors of this kind (state, person, armed-group …)
  --json         print JSON
  -h, --help     show this help`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { duplicates: { type: 'boolean' }, kind: { type: 'string' }, json: { type: 'boolean' } });
    if (values.help) return void io.stdout.write(actors.help + '\n'), EXIT.ok;
    const graph = graphArgument('actors', positionals);
    if (values.duplicates) {
      const pairs = duplicates(graph).filter((p) => !values.kind || graph.getNodeAttribute(p.a, 'kind') === values.kind);
      if (values.json) io.stdout.write(JSON.stringify(pairs, null, 2) + '\n');
      else if (!pairs.length) io.stdout.write('no likely duplicates\n');
      else io.stdout.write(table([['a', 'b', 'reason', 'score', 'evidence'], ...pairs.map((p) => [p.a, p.b, p.reason, p.score.toFixed(2), p.evidence])], ['l', 'l', 'l', 'r', 'l']) + '\n');
      return EXIT.ok;
    }
    const rows = graph
      .mapNodes((id, a) => ({ id, kind: a.kind, label: a.label, memberOf: a.memberOf ?? '', mentions: a.mentions }))
      .filter((r) => !values.kind || r.kind === values.kind)
      .sort((p, q) => q.mentions - p.mentions || (p.id < q.id ? -1 : 1));
    if (values.json) io.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    else io.stdout.write(table([['id', 'kind', 'label', 'member of', 'mentions'], ...rows.map((r) => [r.id, r.kind, r.label, r.memberOf, r.mentions])], ['l', 'l', 'l', 'l', 'r']) + '\n');
    return EXIT.ok;
  },
};
