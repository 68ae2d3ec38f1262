import { loadBoilerplateRules, type BoilerplateRules } from './boilerplate.js';
import { DEFAULT_MAX_BYTES } from './size.js';
import type { Article, IngestIssue } from './types.js';
import { parseUnit, rawUnits, UnitOrder } from './units.js';

export type { Article, IngestIssue, InputFormat, Span } from './types.js';
export { listInputs, ARTICLE_EXTENSIONS } from './walk.js';
export { rawUnits, parseUnit, UnitOrder, type RawUnit, type UnitItem } from './units.js';
export { loadBoilerplateRules, markBody, type BoilerplateRules, type LineKind } from './boilerplate.js';
export { normaliseDate } from './date.js';

export interface ReadOptions {
  onIssue?: (i: IngestIssue) => void;
  /** Called before each file is read; `index` is 0-based. */
  onFile?: (path: string, index: number, total: number) => void;
  /** Largest file read whole (default 20 MB). JSONL streams, so for it this bounds one line. */
  maxBytes?: number;
  /** A JSON file of extra boilerplate phrases, same shape as data/boilerplate.json, merged over the built-in lists. */
  boilerplateFile?: string;
}

/**
 * Read articles from files and folders. Bad input never throws: each problem
 * goes to `onIssue` naming its path, and reading carries on with the rest.
 */
export async function* readArticles(paths: string[], opts: ReadOptions = {}): AsyncGenerator<Article> {
  const onIssue = opts.onIssue ?? (() => {});
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let rules: BoilerplateRules | undefined;
  if (opts.boilerplateFile) {
    try {
      rules = loadBoilerplateRules(opts.boilerplateFile);
    } catch (e) {
      onIssue({ path: opts.boilerplateFile, reason: `unreadable boilerplate rules: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  const order = new UnitOrder();
  for await (const unit of rawUnits(paths, { ...(opts.onFile ? { onFile: opts.onFile } : {}), maxBytes, batchLines: 1 })) {
    const state = { any: false };
    for (const item of parseUnit(unit, rules, state)) {
      if ('article' in item) yield item.article;
      else onIssue(item.issue);
    }
    for (const i of order.issuesFor(unit, state.any)) onIssue(i);
  }
}
