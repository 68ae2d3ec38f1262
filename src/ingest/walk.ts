import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { IngestIssue, InputFormat } from './types.js';

export const ARTICLE_EXTENSIONS = ['.txt', '.html', '.htm', '.json', '.jsonl'] as const;

const NONE_FOUND = `no articles found (looked for ${ARTICLE_EXTENSIONS.join(', ')})`;

export function formatOf(path: string): InputFormat | null {
  switch (extname(path).toLowerCase()) {
    case '.txt':
      return 'txt';
    case '.html':
    case '.htm':
      return 'html';
    case '.json':
      return 'json';
    case '.jsonl':
      return 'jsonl';
    default:
      return null;
  }
}

/** A filesystem error as a short reason a user can act on. */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a directory';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

// Code-unit order, not locale order, so the listing is the same on every machine.
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The article files under `paths`, in a stable order: each argument in the
 * order given; folders walked depth-first with entries sorted by name. Hidden
 * files and folders inside a walk are skipped; a path named explicitly is
 * read whatever its name. A file reached twice is listed once.
 */
export async function listInputs(paths: string[], onIssue?: (i: IngestIssue) => void): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const report = (i: IngestIssue) => onIssue?.(i);

  const addFile = async (p: string) => {
    let key = p;
    try {
      key = await realpath(p);
    } catch {
      // Keep the given path as the key; reading it will report the problem.
    }
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };

  const walk = async (dir: string, visiting: Set<string>): Promise<number> => {
    let real: string;
    try {
      real = await realpath(dir);
    } catch (e) {
      report({ path: dir, reason: fsReason(e) });
      return 0;
    }
    if (visiting.has(real)) return 0; // a symlink loop
    visiting.add(real);
    let names: string[];
    try {
      names = (await readdir(dir)).sort(byName);
    } catch (e) {
      report({ path: dir, reason: fsReason(e) });
      return 0;
    }
    let found = 0;
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      let st;
      try {
        st = await stat(p);
      } catch {
        continue; // dangling symlink: nothing to read
      }
      if (st.isDirectory()) found += await walk(p, visiting);
      else if (st.isFile() && formatOf(name)) {
        await addFile(p);
        found++;
      }
    }
    visiting.delete(real);
    return found;
  };

  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch (e) {
      report({ path: p, reason: fsReason(e) });
      continue;
    }
    if (st.isDirectory()) {
      if ((await walk(p, new Set())) === 0) report({ path: p, reason: NONE_FOUND });
    } else if (formatOf(p)) {
      await addFile(p);
    } else {
      report({ path: p, reason: `not an article file (expected ${ARTICLE_EXTENSIONS.join(', ')})` });
    }
  }
  return out;
}
