import { readArticles } from './ingest/index.js';
import type { IngestIssue } from './ingest/types.js';
import { loadDictionary } from './extract/dictionary.js';
import { extractArticle, type Extractor } from './extract/index.js';
import { loadLexicon } from './extract/lexicon.js';
import type { ArticleExtraction } from './extract/types.js';
import { GraphBuilder } from './graph/build.js';
import type { ActorGraph } from './graph/types.js';

export interface PipelineOptions {
  /** A user dictionary merged over the built-in one. */
  actorsFile?: string;
  onIssue?: (i: IngestIssue) => void;
  onFile?: (path: string, index: number, total: number) => void;
  maxBytes?: number;
}

let cached: { key: string; ex: Extractor } | null = null;

/** The dictionary and lexicon, loaded once per process per user dictionary. */
export function loadExtractor(actorsFile?: string): Extractor {
  const key = actorsFile ?? '';
  if (cached?.key === key) return cached.ex;
  const ex = { dict: loadDictionary(actorsFile ? { actorsFile } : {}), lex: loadLexicon() };
  cached = { key, ex };
  return ex;
}

/** Ingest → extract, one article at a time: nothing holds the whole input. */
export async function* extractPaths(paths: string[], opts: PipelineOptions = {}): AsyncGenerator<ArticleExtraction> {
  const ex = loadExtractor(opts.actorsFile);
  const readOpts = {
    ...(opts.onIssue ? { onIssue: opts.onIssue } : {}),
    ...(opts.onFile ? { onFile: opts.onFile } : {}),
    ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}),
  };
  for await (const article of readArticles(paths, readOpts)) yield extractArticle(article, ex);
}

export interface BuildResult {
  /** The full graph: person level, every modality. */
  graph: ActorGraph;
  issues: IngestIssue[];
  articles: number;
}

export async function buildFromPaths(paths: string[], opts: PipelineOptions = {}): Promise<BuildResult> {
  const issues: IngestIssue[] = [];
  const builder = new GraphBuilder();
  let articles = 0;
  for await (const x of extractPaths(paths, {
    ...opts,
    onIssue: (i) => {
      issues.push(i);
      opts.onIssue?.(i);
    },
  })) {
    builder.addExtraction(x);
    articles++;
  }
  return { graph: builder.graph(), issues, articles };
}
