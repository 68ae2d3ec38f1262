import { join, resolve } from 'node:path';
import { type Command, EXIT, parse } from '../command.js';
import { toCsv, toGexf, toJsonl } from '../../export/index.js';
import { graphToJSON } from '../../graph/io.js';
import { viewGraph } from '../../graph/view.js';
import { summarize } from '../../graph/stats.js';
import { buildWithProgress, jobsOption } from './extract.js';
import { table, writeAtomic } from '../io.js';

export const OUTPUTS = {
  gexf: 'actors.gexf',
  json: 'actors.json',
  jsonl: 'relations.jsonl',
  csv: 'edges.csv',
  full: 'full.json',
} as const;

const n = (x: number) => x.toLocaleString('en-US');

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
  --jobs N         worker threads for parsing and extraction (default: one per
                   core; 1 runs in-process). Output is the same whatever N is
  --cache DIR      extraction cache, keyed by each article's content and the
                   dictionary/lexicon version (default: .actorgraph-cache);
                   unchanged articles are not extracted again
  --no-cache       neither read nor write the cache
  --timings        print phase timings and throughput to stderr
  -h, --help       show this help

PATHS default to seeds/. Exit codes: 0 all read, 1 some inputs skipped, 2 usage error.`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      'out-dir': { type: 'string' },
      actors: { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      cache: { type: 'string' },
      'no-cache': { type: 'boolean' },
      timings: { type: 'boolean' },
    });
    if (values.help) return void io.stdout.write(build.help + '\n'), EXIT.ok;
    const paths = positionals.length ? positionals : ['seeds'];
    const dir = values['out-dir'] ?? 'graph';
    const jobs = jobsOption(values.jobs);
    const cacheDir = values['no-cache'] ? undefined : resolve(io.cwd, values.cache ?? '.actorgraph-cache');
    const { graph, skipped, articles, extracted, cached, bytes, timings } = await buildWithProgress(paths, io, { actorsFile: values.actors, jobs, cacheDir });
    let t = performance.now();
    const lap = () => {
      const now = performance.now();
      const ms = now - t;
      t = now;
      return ms;
    };
    const actors = viewGraph(graph, { level: 'actor', modality: 'asserted' });
    const view = lap();
    writeAtomic(join(dir, OUTPUTS.full), graphToJSON(graph));
    writeAtomic(join(dir, OUTPUTS.json), graphToJSON(actors));
    const json = lap();
    writeAtomic(join(dir, OUTPUTS.gexf), toGexf(actors));
    const gexf = lap();
    writeAtomic(join(dir, OUTPUTS.jsonl), toJsonl(actors));
    writeAtomic(join(dir, OUTPUTS.csv), toCsv(actors));
    const rest = lap();
    if (values.timings) {
      const secs = timings.extract / 1000;
      io.stderr.write(
        `timings: articles=${articles} bytes=${bytes} extract_ms=${timings.extract.toFixed(0)} graph_ms=${(timings.graph + view).toFixed(0)} ` +
          `json_ms=${json.toFixed(0)} gexf_ms=${gexf.toFixed(0)} other_ms=${rest.toFixed(0)} ` +
          `mb_per_s=${(bytes / 1e6 / secs).toFixed(2)} articles_per_s=${(articles / secs).toFixed(0)} max_rss_mb=${(process.resourceUsage().maxRSS / 1024).toFixed(0)} cpu_ms=${((process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000).toFixed(0)}\n`,
      );
    }
    const s = summarize(actors);
    io.stdout.write(
      `Built ${dir}/ from ${articles} article(s): ${s.nodes} actors, ${s.edges} edges, ${s.mentions} mentions\n` +
        `extracted ${n(extracted)}, cached ${n(cached)}${cacheDir ? '' : ' (cache off)'}\n\n` +
        table([['relation', 'edges', 'mentions'], ...s.byType.map((t) => [t.type, t.edges, t.mentions])], ['l', 'r', 'r']) +
        '\n\n' +
        table([['most connected', 'kind', 'weighted degree'], ...s.top.slice(0, 8).map((t) => [t.label, t.kind, t.degree])], ['l', 'l', 'r']) +
        '\n',
    );
    return skipped || articles === 0 ? EXIT.partial : EXIT.ok;
  },
};
