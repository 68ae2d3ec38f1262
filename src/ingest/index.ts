import { open, stat } from 'node:fs/promises';
import { loadBoilerplateRules, type BoilerplateRules } from './boilerplate.js';
import { decodeBuffer } from './decode.js';
import { parseHtml } from './html.js';
import { parseJsonFile } from './json.js';
import { readJsonl } from './jsonl.js';
import { DEFAULT_MAX_BYTES, formatMB } from './size.js';
import { parseTxt } from './txt.js';
import type { Article, IngestIssue } from './types.js';
import { formatOf, fsReason, listInputs } from './walk.js';

export type { Article, IngestIssue, InputFormat, Span } from './types.js';
export { listInputs, ARTICLE_EXTENSIONS } from './walk.js';
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

async function readWhole(path: string, size: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(size);
    let got = 0;
    while (got < size) {
      const { bytesRead } = await fh.read(buf, got, size - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  } finally {
    await fh.close();
  }
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
  const files = await listInputs(paths, onIssue);
  for (let index = 0; index < files.length; index++) {
    const path = files[index]!;
    opts.onFile?.(path, index, files.length);
    const report = (i: Omit<IngestIssue, 'path'>) => onIssue({ path, ...i });
    const format = formatOf(path);
    try {
      if (format === 'jsonl') {
        yield* readJsonl(path, report, maxBytes, rules);
        continue;
      }
      const st = await stat(path);
      if (st.size > maxBytes) {
        report({ reason: `file is ${formatMB(st.size)} MB, over the ${formatMB(maxBytes)} MB limit` });
        continue;
      }
      const dec = decodeBuffer(await readWhole(path, st.size));
      if (!dec.ok) {
        report({ reason: dec.reason });
        continue;
      }
      if (format === 'json') {
        yield* parseJsonFile(dec.text, path, report, rules);
      } else if (format === 'html') {
        const a = parseHtml(dec.text, path, rules);
        if (a.text.trim()) yield a;
        else report({ reason: 'no visible text' });
      } else {
        yield parseTxt(dec.text, path, rules);
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException | undefined)?.code;
      report({ reason: code ? fsReason(e) : `could not read: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
}
