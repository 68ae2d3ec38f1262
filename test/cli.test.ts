import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEEDS } from './seeds-helpers.js';
import { tempDir } from './temp-dir.js';

const BIN = join(ROOT, 'bin/actorgraph.js');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(): string {
  return tempDir('actorgraph-cli-');
}

describe('actorgraph CLI', () => {
  it('every command has --help', () => {
    const top = run(['--help']);
    expect(top.code).toBe(0);
    const names = [...top.stdout.matchAll(/^ {2}(\w+) {2,}/gm)].map((m) => m[1]!);
    expect(names).toEqual(expect.arrayContaining(['extract', 'build', 'stats', 'explain', 'eval']));
    for (const n of names) {
      const h = run([n, '--help']);
      expect(h.code, n).toBe(0);
      expect(h.stdout, n).toMatch(/Usage: actorgraph/);
    }
  }, 60_000);

  it('usage errors exit 2 with one line and no stack', () => {
    for (const args of [['frobnicate'], ['extract'], ['extract', SEEDS, '--format', 'pdf'], ['extract', SEEDS, '--bogus']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('extract writes one JSONL line per mention with canonical ids', () => {
    const out = join(tmp(), 'rel.jsonl');
    const r = run(['extract', 'seeds', '--level', 'actor', '--format', 'jsonl', '--out', out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(10);
    const ids = new Set(lines.flatMap((l) => [l.source, l.target]));
    expect(ids).toContain('syria');
    expect(ids).toContain('russia');
  });

  it('extract prints to stdout when --out is absent', () => {
    const r = run(['extract', join(SEEDS, '000_8a3ebf87a8b1234d.txt'), '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/source/);
  });

  it('bad inputs: one line each naming the file; the rest is still processed; exit 1', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 Turkey backs Qatar.\n', 'latin1'));
    writeFileSync(join(dir, 'broken.json'), '{"title": "x", "text": ');
    writeFileSync(join(dir, 'lines.jsonl'), '{"id":"a","text":"Canada imposed sanctions on Venezuela on Friday."}\n{oops\n');
    writeFileSync(join(dir, 'good.txt'), 'Headline\n\nJapan and Australia signed a defence pact on Monday.\n');
    const out = join(dir, 'out.jsonl');
    const r = run(['extract', dir, join(dir, 'missing.txt'), '--out', out]);
    expect(r.code).toBe(1);
    const err = r.stderr.trim().split('\n');
    for (const name of ['empty.txt', 'binary.txt', 'latin1.txt', 'broken.json', 'lines.jsonl', 'missing.txt']) {
      expect(err.filter((l) => l.includes(name)), name).toHaveLength(1);
    }
    expect(err.find((l) => l.includes('lines.jsonl'))).toMatch(/lines\.jsonl:2:|line 2/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const got = readFileSync(out, 'utf8');
    expect(got).toContain('venezuela');
    expect(got).toContain('australia');
  });

  it('a folder with no articles is reported and exits 1', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'notes.md'), '# nothing');
    const r = run(['extract', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(dir);
  });

  it('build writes every format; stats reads it back; a rerun gives the same files', () => {
    const dir = tmp();
    const r = run(['build', 'seeds', '--out-dir', dir]);
    expect(r.code).toBe(0);
    for (const f of ['actors.gexf', 'actors.json', 'relations.jsonl', 'edges.csv']) expect(existsSync(join(dir, f)), f).toBe(true);
    const first = readFileSync(join(dir, 'relations.jsonl'), 'utf8');
    run(['build', 'seeds', '--out-dir', dir]);
    expect(readFileSync(join(dir, 'relations.jsonl'), 'utf8')).toBe(first);
    const s = run(['stats', join(dir, 'actors.json')]);
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/state/);
    expect(s.stdout).toMatch(/most connected/i);
    const missing = run(['stats', join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.json');
  }, 60_000);
});
