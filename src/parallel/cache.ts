import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Extractor } from '../extract/index.js';
import type { ArticleExtraction } from '../extract/types.js';
import type { Article } from '../ingest/types.js';

let pkgVersion: string | undefined;

function packageVersion(): string {
  // Resolves from src/parallel and from dist/parallel alike.
  pkgVersion ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return pkgVersion;
}

let codeHash: string | undefined;

/**
 * The extractor's own code: a developer's edit to src/extract must not be answered from the cache.
 * The sources are hashed when present (a checkout), so in-process runs from src and workers from dist
 * agree; an installed package, which ships dist only, hashes that.
 */
function extractorCode(): string {
  if (codeHash) return codeHash;
  const src = new URL('../../src/extract/', import.meta.url);
  const dir = existsSync(src) ? src : new URL('../extract/', import.meta.url);
  const h = createHash('sha256');
  for (const f of readdirSync(dir).filter((x) => /\.(js|ts)$/.test(x)).sort()) h.update(f).update(readFileSync(new URL(f, dir)));
  return (codeHash = h.digest('hex').slice(0, 16));
}

/**
 * What an extraction depends on besides the article: the dictionary (built-in
 * plus any user file), the lexicon, and the code (package version and extractor sources).
 */
export function extractorVersion(ex: Extractor): string {
  return createHash('sha256').update(`actorgraph ${packageVersion()}\0code ${extractorCode()}\0dict ${ex.dict.version}\0lex ${ex.lex.version}`).digest('hex').slice(0, 16);
}

/** Content hash of everything `extractArticle` reads from an article. */
export function articleHash(a: Article): string {
  return createHash('sha256')
    .update(JSON.stringify([a.id, a.doc, a.title, a.date, a.url, a.source, a.body, a.text]))
    .digest('hex');
}

/**
 * Extractions on disk, one file per article, under DIR/<extractor version>/.
 * A new dictionary gets a fresh folder, so it reprocesses everything. Writes go
 * through a temporary file and a rename, so a crash never leaves half an
 * entry; an entry that does not parse, or names another key, is a miss.
 */
export class ExtractionCache {
  readonly root: string;
  private made = new Set<string>();

  constructor(dir: string, readonly version: string) {
    this.root = join(dir, `v-${version}`);
  }

  private file(key: string): { dir: string; file: string } {
    const dir = join(this.root, key.slice(0, 2));
    return { dir, file: join(dir, `${key.slice(2)}.json`) };
  }

  get(key: string): ArticleExtraction | null {
    let text: string;
    try {
      text = readFileSync(this.file(key).file, 'utf8');
    } catch {
      return null;
    }
    try {
      const o = JSON.parse(text) as { key?: unknown; x?: ArticleExtraction };
      const x = o.x;
      if (o.key !== key || !x || typeof x !== 'object' || !x.article || !Array.isArray(x.actors) || !Array.isArray(x.relations)) return null;
      return x;
    } catch {
      return null;
    }
  }

  set(key: string, x: ArticleExtraction): void {
    const { dir, file } = this.file(key);
    try {
      if (!this.made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        this.made.add(dir);
      }
      const tmp = `${file}.${process.pid}-${threadId}.tmp`;
      writeFileSync(tmp, JSON.stringify({ key, x }));
      renameSync(tmp, file);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
}
