import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Command, EXIT, parse, UsageError, UserError } from '../command.js';
import { formatScore, score, type Gold, type Score } from '../../eval/score.js';
import { viewGraph } from '../../graph/view.js';
import { buildFromPaths } from '../../pipeline.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The seeds (shipped with the project) and, when the shared folder sits beside it, the dev set. */
export function defaultSets(): { name: string; articles: string; gold: string }[] {
  const sets = [{ name: 'seeds', articles: `${ROOT}seeds`, gold: `${ROOT}test/fixtures/seeds.gold.json` }];
  const dev = `${ROOT}../shared/dev`;
  if (existsSync(`${dev}/dev.gold.json`)) sets.push({ name: 'dev', articles: `${dev}/articles`, gold: `${dev}/dev.gold.json` });
  return sets;
}

export async function evaluate(articles: string, goldPath: string): Promise<Score> {
  let gold: Gold;
  try {
    gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
  } catch (err) {
    throw new UserError(`${goldPath}: cannot read gold (${(err as Error).message})`);
  }
  const { graph } = await buildFromPaths([articles]);
  return score(viewGraph(graph, { level: 'actor', modality: 'asserted' }), gold);
}

export const evalCommand: Command = {
  name: 'eval',
  summary: 'score actor-level relations against a gold standard (seeds, and the dev set when present)',
  help: `Usage: actorgraph eval [--articles DIR --gold FILE] [--verbose] [--json]

Scores actor-level, asserted relations per document and overall (micro
precision, recall, F1). Required gold edges count for recall; required and
acceptable edges count as correct for precision; symmetric types are unordered.
Also checks every sentence trap in the gold.

Without --articles/--gold it scores seeds/ against test/fixtures/seeds.gold.json,
and ../shared/dev when that folder exists.

Options:
  --articles DIR   articles to score
  --gold FILE      gold file in the seeds.gold.json format
  --verbose, -v    list misses and false positives
  --json           print scores as JSON
  -h, --help       show this help`,
  async run(argv, io) {
    const { values } = parse(argv, { articles: { type: 'string' }, gold: { type: 'string' }, verbose: { type: 'boolean', short: 'v' }, json: { type: 'boolean' } }, false);
    if (values.help) return void io.stdout.write(evalCommand.help + '\n'), EXIT.ok;
    if (!!values.articles !== !!values.gold) throw new UsageError('--articles and --gold go together');
    const sets = values.articles ? [{ name: values.articles, articles: values.articles, gold: values.gold! }] : defaultSets();
    const results: Record<string, Score> = {};
    for (const s of sets) {
      results[s.name] = await evaluate(s.articles, s.gold);
      if (!values.json) io.stdout.write(formatScore(s.name, results[s.name]!, !!values.verbose) + '\n\n');
    }
    if (values.json) io.stdout.write(JSON.stringify(results, null, 2) + '\n');
    return EXIT.ok;
  },
};
