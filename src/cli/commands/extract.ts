import { existsSync } from 'node:fs';
import { type Command, type CliIO, EXIT, oneOf, parse, positiveInt, UsageError } from '../command.js';
import { exportGraph, FORMATS } from '../../export/index.js';
import { viewGraph } from '../../graph/view.js';
import { buildFromPaths, defaultJobs, type BuildResult } from '../../pipeline.js';
import { Progress } from '../progress.js';
import { reportIssue, writeAtomic } from '../io.js';

export const LEVELS = ['actor', 'person'] as const;
export const MODALITIES = ['asserted', 'all'] as const;

export interface BuildRunOptions {
  actorsFile?: string | undefined;
  /** --jobs; undefined is one per core (small inputs stay in-process). */
  jobs?: number | undefined;
  cacheDir?: string | undefined;
}

/** --jobs N: worker threads, 1 = in-process. */
export function jobsOption(value: string | undefined): number | undefined {
  return value === undefined ? undefined : positiveInt('jobs', value, defaultJobs());
}

/** Shared by extract and build: read inputs with progress and one-line issues, build the full graph. */
export async function buildWithProgress(paths: string[], io: CliIO, actorsFileOrOpts?: string | BuildRunOptions): Promise<BuildResult & { skipped: number }> {
  const o: BuildRunOptions = typeof actorsFileOrOpts === 'string' ? { actorsFile: actorsFileOrOpts } : (actorsFileOrOpts ?? {});
  const actorsFile = o.actorsFile;
  if (actorsFile && !existsSync(actorsFile)) throw new UsageError(`--actors ${actorsFile}: no such file`);
  let bar: Progress | null = null;
  let file = 0;
  const t0 = Date.now();
  const res = await buildFromPaths(paths, {
    ...(actorsFile ? { actorsFile } : {}),
    jobs: o.jobs ?? 'auto',
    ...(o.cacheDir ? { cacheDir: o.cacheDir } : {}),
    onIssue: (i) => reportIssue(io, i),
    onFile: (_p, index, total) => {
      bar ??= new Progress(io.stderr, 'reading', total, total > 1 ? 10 : 1);
      file = index + 1;
      bar.tick(file);
    },
    onProgress: (c) => {
      const secs = Math.max(0.001, (Date.now() - t0) / 1000);
      (bar as Progress | null)?.tick(file, `${c.articles.toLocaleString('en-US')} articles, ${(c.bytes / 1e6 / secs).toFixed(1)} MB/s`);
    },
  });
  (bar as Progress | null)?.done();
  return { ...res, skipped: res.issues.length };
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
  --jobs N                  worker threads for parsing and extraction (default:
                            one per core; 1 runs in-process). Output is the same
                            whatever N is
  --out FILE                write here instead of stdout
  -h, --help                show this help

Exit codes: 0 all inputs read, 1 some inputs skipped, 2 usage error.`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      level: { type: 'string' },
      format: { type: 'string' },
      modality: { type: 'string' },
      actors: { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      out: { type: 'string', short: 'o' },
    });
    if (values.help) return void io.stdout.write(extract.help + '\n'), EXIT.ok;
    if (!positionals.length) throw new UsageError('extract needs at least one path (a file or a folder of articles)');
    const level = oneOf('level', values.level, LEVELS, 'actor');
    const format = oneOf('format', values.format, FORMATS, 'jsonl');
    const modality = oneOf('modality', values.modality, MODALITIES, 'asserted');
    const jobs = jobsOption(values.jobs);
    const { graph, skipped, articles } = await buildWithProgress(positionals, io, { actorsFile: values.actors, jobs });
    const out = exportGraph(viewGraph(graph, { level, modality }), format);
    if (values.out) writeAtomic(values.out, out);
    else io.stdout.write(out);
    if (articles === 0) io.stderr.write('actorgraph: no articles were read\n');
    return skipped || articles === 0 ? EXIT.partial : EXIT.ok;
  },
};
