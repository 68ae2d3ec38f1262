import { parseTxt } from '../../src/ingest/txt.js';
import { extractArticle, type SentenceTrace } from '../../src/extract/index.js';
import { loadExtractor } from '../../src/pipeline.js';
import type { ArticleExtraction, RelationMention } from '../../src/extract/types.js';

/**
 * Runs the real extractor on a text written in a test. The first line is the
 * headline, as in a .txt article; a dateline can give the publication date.
 */
export function extractText(text: string, opts: { doc?: string; headline?: string } = {}): ArticleExtraction {
  const body = `${opts.headline ?? 'Test story'}\n\n${text}\n`;
  const article = parseTxt(body, opts.doc ?? 'test.txt');
  return extractArticle(article, loadExtractor());
}

export function traceText(text: string): SentenceTrace[] {
  const traces: SentenceTrace[] = [];
  extractArticle(parseTxt(`Test story\n\n${text}\n`, 'test.txt'), loadExtractor(), { trace: (t) => traces.push(t) });
  return traces;
}

/** Relations as "type source target" strings (symmetric types with ids sorted), for readable assertions. */
export function edges(text: string, modality: 'asserted' | 'all' = 'asserted'): string[] {
  return [...new Set(extractText(text).relations.filter((r) => modality === 'all' || r.modality === 'asserted').map(key))].sort();
}

const SYM = new Set(['allies-with', 'met-with', 'negotiates-with', 'fights']);
export function key(r: Pick<RelationMention, 'type' | 'source' | 'target'>): string {
  const [s, t] = SYM.has(r.type) && r.target < r.source ? [r.target, r.source] : [r.source, r.target];
  return `${r.type} ${s} ${t}`;
}
