import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SEEDS } from '../seeds-helpers.js';
import { tempDir } from '../temp-dir.js';

export { ROOT, SEEDS };

export function tmp(prefix = 'actorgraph-scale-'): string {
  return tempDir(prefix);
}

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    t = Math.max(t, st.isDirectory() ? newest(p) : name.endsWith('.ts') ? st.mtimeMs : 0);
  }
  return t;
}

/**
 * Workers run the compiled code in dist/ while vitest runs src/: rebuild dist
 * when any source is newer, so --jobs 1 and --jobs 2 run the same code.
 */
export function ensureDist(): void {
  const worker = join(ROOT, 'dist/parallel/worker.js');
  if (existsSync(worker) && statSync(worker).mtimeMs >= newest(join(ROOT, 'src'))) return;
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // Type errors elsewhere still emit JavaScript; the worker check below is what matters.
  }
  if (!existsSync(worker)) throw new Error('could not build dist/parallel/worker.js');
}

export function seedTexts(): string[] {
  return readdirSync(SEEDS)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => readFileSync(join(SEEDS, n), 'utf8'));
}

/**
 * A small corpus with every input kind and some bad input: a JSONL file of
 * seed-derived articles (distinct ids, mixed texts and dates) with blank,
 * malformed and invalid-UTF-8 lines, plain-text copies, and a JSON array.
 */
export function generatedCorpus(records = 150): string {
  const dir = tmp('actorgraph-corpus-');
  const seeds = seedTexts();
  const lines: (string | Buffer)[] = [];
  for (let k = 0; k < records; k++) {
    const i = k % seeds.length;
    const j = (i + 1 + Math.floor(k / seeds.length)) % seeds.length;
    const [title, ...rest] = seeds[i]!.split('\n');
    const other = seeds[j]!.split('\n').slice(1).join('\n');
    const day = String(1 + (k % 28)).padStart(2, '0');
    lines.push(JSON.stringify({ id: `gen-${k}`, title, text: `${rest.join('\n')}\n\n${other}`, date: `2004-${String(1 + (k % 12)).padStart(2, '0')}-${day}` }));
    if (k === 7) lines.push('');
    if (k === 20) lines.push('{"id": "broken", "text": ');
    if (k === 33) lines.push(Buffer.from([0x7b, 0xff, 0x7d]));
  }
  const parts: Buffer[] = [];
  for (const l of lines) parts.push(Buffer.isBuffer(l) ? l : Buffer.from(l), Buffer.from('\n'));
  writeFileSync(join(dir, 'a-corpus.jsonl'), Buffer.concat(parts));
  mkdirSync(join(dir, 'b-pages'));
  seeds.forEach((t, i) => writeFileSync(join(dir, 'b-pages', `page-${i}.txt`), t));
  writeFileSync(join(dir, 'c-array.json'), JSON.stringify(seeds.slice(0, 3).map((t, i) => ({ id: `arr-${i}`, text: t }))));
  writeFileSync(join(dir, 'd-empty.jsonl'), '\n\n');
  return dir;
}

/** N small articles, one .txt file each, that the extractor finds relations in. */
export function writeArticles(dir: string, from: number, count: number): void {
  mkdirSync(dir, { recursive: true });
  const seeds = seedTexts();
  for (let k = from; k < from + count; k++) {
    const t = seeds[k % seeds.length]!;
    writeFileSync(join(dir, `art-${String(k).padStart(4, '0')}.txt`), `${t}\n\nUpdate ${k}.\n`);
  }
}
