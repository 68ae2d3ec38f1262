import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readArticles } from '../src/ingest/index.js';
import type { Article, IngestIssue } from '../src/ingest/types.js';
import { tempDir as makeTempDir } from './temp-dir.js';

export function tempDir(): string {
  return makeTempDir('actorgraph-ingest-');
}

/** Write files (relative path -> content) under a fresh temp dir; returns the dir. */
export function writeTree(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir();
  for (const [rel, content] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

export async function readAll(
  paths: string[],
  opts: { maxBytes?: number } = {},
): Promise<{ articles: Article[]; issues: IngestIssue[]; files: string[] }> {
  const articles: Article[] = [];
  const issues: IngestIssue[] = [];
  const files: string[] = [];
  for await (const a of readArticles(paths, { ...opts, onIssue: (i) => issues.push(i), onFile: (p) => files.push(p) })) {
    articles.push(a);
  }
  return { articles, issues, files };
}

/** The body text as one string per span. */
export function bodyParts(a: Article): string[] {
  return a.body.map(([s, e]) => a.text.slice(s, e));
}

export function bodyText(a: Article): string {
  return bodyParts(a).join('\n');
}

/** Body spans are sorted, non-overlapping, inside the text, and trimmed. */
export function spansAreSound(a: Article): boolean {
  let last = 0;
  for (const [s, e] of a.body) {
    if (!(s >= last && e > s && e <= a.text.length)) return false;
    const t = a.text.slice(s, e);
    if (t !== t.trim()) return false;
    last = e;
  }
  return true;
}
