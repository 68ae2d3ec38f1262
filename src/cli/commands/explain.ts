import { type Command, EXIT, parse, UsageError } from '../command.js';
import { readArticles } from '../../ingest/index.js';
import { extractArticle, type SentenceTrace } from '../../extract/index.js';
import { loadExtractor } from '../../pipeline.js';
import { reportIssue } from '../io.js';

function traceText(t: SentenceTrace): string {
  const lines = [`[${t.sentence.start}-${t.sentence.end}] ${t.sentence.text}`];
  for (const m of t.mentions) {
    const who = m.person ? `${m.person} → ${m.actor}` : m.actor;
    const flags = [m.place && 'place', m.media && 'media', m.weak && 'weak', m.sector && `sector=${m.sector}`].filter(Boolean).join(', ');
    lines.push(`    actor    "${m.matched}" = ${who}  via ${m.via}${flags ? ` (${flags})` : ''}`);
  }
  for (const r of t.relations) {
    lines.push(`    relation ${r.type}(${r.source.person ?? r.source.actor}, ${r.target.person ?? r.target.actor})  rule ${r.rule}  trigger "${r.trigger}"  ${r.modality}  confidence ${r.confidence}${r.attributedTo ? `  attributed to ${r.attributedTo}` : ''}`);
  }
  return lines.join('\n');
}

export const explain: Command = {
  name: 'explain',
  summary: 'show, sentence by sentence, which actors and relations were found and why',
  help: `Usage: actorgraph explain FILE... [--all] [--actors FILE]

Prints each sentence with the actor mentions found (and which alias, pattern
or coreference matched) and each relation with its rule, trigger words,
modality and confidence, so you can see why an edge exists and fix the
dictionary.

Options:
  --all          also print sentences where nothing was found
  --actors FILE  merge a user dictionary over the built-in one
  -h, --help     show this help`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { all: { type: 'boolean' }, actors: { type: 'string' } });
    if (values.help) return void io.stdout.write(explain.help + '\n'), EXIT.ok;
    if (!positionals.length) throw new UsageError('explain needs a file');
    const ex = loadExtractor(values.actors);
    let skipped = 0;
    for await (const a of readArticles(positionals, { onIssue: (i) => (skipped++, reportIssue(io, i)) })) {
      io.stdout.write(`# ${a.doc}: ${a.title}${a.date ? ` (${a.date})` : ''}\n`);
      extractArticle(a, ex, {
        trace: (t) => {
          if (values.all || t.mentions.length || t.relations.length) io.stdout.write(traceText(t) + '\n');
        },
      });
      io.stdout.write('\n');
    }
    return skipped ? EXIT.partial : EXIT.ok;
  },
};
