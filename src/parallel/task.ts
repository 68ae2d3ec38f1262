import { extractArticle, type Extractor } from '../extract/index.js';
import type { ArticleExtraction } from '../extract/types.js';
import type { BoilerplateRules } from '../ingest/boilerplate.js';
import type { IngestIssue } from '../ingest/types.js';
import { parseUnit, type RawUnit } from '../ingest/units.js';
import { articleHash, type ExtractionCache } from './cache.js';

export interface TaskContext {
  ex: Extractor;
  rules?: BoilerplateRules | undefined;
  cache?: ExtractionCache | undefined;
}

/** What one raw unit gives: its extractions and issues in input order, and counters. */
export interface UnitResult {
  extractions: ArticleExtraction[];
  issues: IngestIssue[];
  /** A JSONL batch held something other than blank lines. */
  any: boolean;
  /** Articles extracted now / taken from the cache. */
  extracted: number;
  cached: number;
  /** Article text read, in UTF-16 code units (for throughput figures). */
  chars: number;
}

/** Decode, parse and extract one unit: the whole per-article pipeline, stateless, the same in a worker or in-process. */
export function processUnit(unit: RawUnit, ctx: TaskContext): UnitResult {
  const res: UnitResult = { extractions: [], issues: [], any: false, extracted: 0, cached: 0, chars: 0 };
  const state = { any: false };
  for (const item of parseUnit(unit, ctx.rules, state)) {
    if ('issue' in item) {
      res.issues.push(item.issue);
      continue;
    }
    const a = item.article;
    res.chars += a.text.length;
    const key = ctx.cache ? articleHash(a) : '';
    let x = ctx.cache?.get(key) ?? null;
    if (x) res.cached++;
    else {
      x = extractArticle(a, ctx.ex);
      res.extracted++;
      ctx.cache?.set(key, x);
    }
    res.extractions.push(x);
  }
  res.any = state.any;
  return res;
}
