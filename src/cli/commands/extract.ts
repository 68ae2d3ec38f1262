import { existsSync } from 'node:fs';
import { type Command, type CliIO, EXIT, oneOf, parse, UsageError } from '../command.js';
import { exportGraph, FORMATS } from '../../export/index.js';
import { viewGraph } from '../../graph/view.js';
import { buildFromPaths } from '../../pipeline.js';
import { Progress } from '../progress.js';
import { reportIssue, writeAtomic } from '../io.js';
import type { ActorGraph } from '../../graph/types.js';

export const LEVELS = ['actor', 'person'] as const;
export const MODALITIES = ['asserted', 'all'] as const;

/** Shared by extract and build: read inputs with progress and one-line issues, build the full graph. */
export async function buildWithProgress(paths: string[], io: CliIO, actorsFile?: string): Promise<{ graph: ActorGraph; skipped: number; articles: number }> {
  if (actorsFile && !existsSync(actorsFile)) throw new UsageError(`--actors ${actorsFile}: no such file`);
  let bar: Progress | null = null;
  const res = await buildFromPaths(paths, {
    ...(actorsFile ? { actorsFile } : {}),
    onIssue: (i) => reportIssue(io, i),
    onFile: (_p, index, total) => {
      bar ??= new Progress(io.stderr, 'reading', total);
      bar.tick(index + 1);
    },
  });
  (bar as Progress | null)?.done();
  return { graph: res.graph, skipped: res.issues.length, articles: res.articles };
}

export const extract: Command = {
  name: 'extract',
  summary: 'extract actors and relations from articles and print one graph format',
  help: `Usage: actorgraph extract PATHS... [options]

Reads articles (.txt, .html, .htm, .json, .jsonl; folders recursively) and
writes the actor graph in one format, to stdout unless --out is given.

Options:
  --level actor|person      actor: persons roll up into their actor (default)
                            person: persons stay nodes, linked by member-of
  --format gexf|json|jsonl|csv
                            output format (default: jsonl, one line per mention)
  --modality asserted|all   keep asserted mentions only (default) or every
                            modality (planned, hypothetical, negated) as an attribute
  --actors FILE             merge a user dictionary over the built-in one
  --out FILE                write here instead of stdout
  -h, --help                show this help

Exit codes: 0 all inputs read, 1 some inputs skipped, 2 usage error.`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      level: { type: 'string' },
      format: { type: 'string' },
      modality: { type: 'string' },
      actors: { type: 'string' },
      out: { type: 'string', short: 'o' },
    });
    if (values.help) return void io.stdout.write(extract.help + '\n'), EXIT.ok;
    if (!positionals.length) throw new UsageError('extract needs at least one path (a file or a folder of articles)');
    const level = oneOf('level', values.level, LEVELS, 'actor');
    const format = oneOf('format', values.format, FORMATS, 'jsonl');
    const modality = oneOf('modality', values.modality, MODALITIES, 'asserted');
    const { graph, skipped, articles } = await buildWithProgress(positionals, io, values.actors);
    const out = exportGraph(viewGraph(graph, { level, modality }), format);
    if (values.out) writeAtomic(values.out, out);
    else io.stdout.write(out);
    if (articles === 0) io.stderr.write('actorgraph: no articles were read\n');
    return skipped || articles === 0 ? EXIT.partial : EXIT.ok;
  },
};
