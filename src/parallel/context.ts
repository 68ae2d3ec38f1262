import { loadDictionary } from '../extract/dictionary.js';
import type { Extractor } from '../extract/index.js';
import { loadLexicon } from '../extract/lexicon.js';
import { ExtractionCache, extractorVersion } from './cache.js';
import type { WorkerInit } from './pool.js';
import type { TaskContext } from './task.js';

let cached: { key: string; ex: Extractor } | null = null;

/** The dictionary and lexicon, loaded once per thread per user dictionary. */
export function loadExtractor(actorsFile?: string): Extractor {
  const key = actorsFile ?? '';
  if (cached?.key === key) return cached.ex;
  const ex = { dict: loadDictionary(actorsFile ? { actorsFile } : {}), lex: loadLexicon() };
  cached = { key, ex };
  return ex;
}

export function makeContext(init: WorkerInit): TaskContext {
  const ex = loadExtractor(init.actorsFile);
  return { ex, ...(init.cacheDir ? { cache: new ExtractionCache(init.cacheDir, extractorVersion(ex)) } : {}) };
}
