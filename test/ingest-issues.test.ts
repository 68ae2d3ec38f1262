import { closeSync, ftruncateSync, openSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../src/ingest/index.js';
import { readAll, tempDir, writeTree } from './ingest-helpers.js';

const GOOD = 'Good headline\n\nA good paragraph of text.\n';

describe('bad input is reported, never thrown', () => {
  it('a missing path', async () => {
    const dir = writeTree({ 'ok.txt': GOOD });
    const missing = join(dir, 'nope.txt');
    const { articles, issues } = await readAll([missing, dir]);
    expect(issues).toEqual([{ path: missing, reason: 'no such file or directory' }]);
    expect(articles.map((a) => a.id)).toEqual(['ok.txt']);
  });

  it('a folder with no article files', async () => {
    const dir = writeTree({ 'readme.md': '# hi', 'sub/.hidden.txt': GOOD });
    const { articles, issues } = await readAll([dir]);
    expect(articles).toEqual([]);
    expect(issues).toEqual([{ path: dir, reason: 'no articles found (looked for .txt, .html, .htm, .json, .jsonl)' }]);
    const empty = tempDir();
    expect((await readAll([empty])).issues[0]!.reason).toMatch(/^no articles found/);
  });

  it('an explicitly named file of another type', async () => {
    const dir = writeTree({ 'notes.md': GOOD });
    const { issues } = await readAll([join(dir, 'notes.md')]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.reason).toMatch(/^not an article file/);
  });

  it('empty and whitespace-only files', async () => {
    const dir = writeTree({ 'a.txt': '', 'b.txt': '  \n\r\n\t \u00a0\n', 'c.json': '', 'd.jsonl': '\n\n', 'e.html': ' ' });
    const { articles, issues } = await readAll([dir]);
    expect(articles).toEqual([]);
    expect(issues.map((i) => [i.path.slice(dir.length + 1), i.reason])).toEqual([
      ['a.txt', 'empty file'],
      ['b.txt', 'empty file'],
      ['c.json', 'empty file'],
      ['d.jsonl', 'empty file'],
      ['e.html', 'empty file'],
    ]);
  });

  it('a binary file (NUL bytes)', async () => {
    const bin = Buffer.concat([Buffer.from('\x89PNG\r\n'), Buffer.alloc(64), Buffer.from('more')]);
    const dir = writeTree({ 'pic.txt': bin, 'pic.jsonl': bin, 'ok.txt': GOOD });
    const { articles, issues } = await readAll([dir]);
    expect(issues.map((i) => [i.path.slice(dir.length + 1), i.reason])).toEqual([
      ['pic.jsonl', 'binary file'],
      ['pic.txt', 'binary file'],
    ]);
    expect(articles.map((a) => a.id)).toEqual(['ok.txt']);
  });

  it('invalid UTF-8, with the byte offset', async () => {
    const bytes = Buffer.concat([Buffer.from('Héllo\n'), Buffer.from([0xff, 0x41]), Buffer.from('\nrest\n')]);
    const dir = writeTree({ 'latin1.txt': bytes });
    const { articles, issues } = await readAll([dir]);
    expect(articles).toEqual([]);
    // "Héllo\n" is 7 bytes, so the bad 0xFF is byte 7.
    expect(issues).toEqual([{ path: join(dir, 'latin1.txt'), reason: 'invalid UTF-8 (at byte 7)' }]);
  });

  it('malformed JSON, with the line of the error', async () => {
    const dir = writeTree({
      'bad1.json': '{\n  "title": "x",\n  "text": "y",\n}\n',
      'bad2.json': '[\n  {"text": "a"},\n  oops\n]',
    });
    const { articles, issues } = await readAll([dir]);
    expect(articles).toEqual([]);
    expect(issues).toHaveLength(2);
    expect(issues[0]!.reason).toMatch(/^malformed JSON: \S/);
    expect(issues[0]!.line).toBe(4);
    expect(issues[1]!.reason).toMatch(/^malformed JSON: /);
    expect(issues[1]!.reason).not.toContain('oops\n]');
    expect(issues[1]!.line).toBe(3);
  });

  it('a malformed JSONL line is reported with its line number and the other lines still yield', async () => {
    const body = [
      JSON.stringify({ text: 'one paragraph.' }),
      '{"text": "broken',
      JSON.stringify({ title: 'no text here' }),
      JSON.stringify({ text: 'four paragraph.' }),
    ].join('\n');
    const dir = writeTree({ 'f.jsonl': body });
    const { articles, issues } = await readAll([dir]);
    expect(articles.map((a) => a.id)).toEqual(['f.jsonl#1', 'f.jsonl#4']);
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({ path: join(dir, 'f.jsonl'), line: 2 });
    expect(issues[0]!.reason).toMatch(/^malformed JSON: /);
    expect(issues[1]).toEqual({ path: join(dir, 'f.jsonl'), line: 3, reason: 'record has no text' });
  });

  it('a record without text, in a JSON array', async () => {
    const dir = writeTree({ 'a.json': JSON.stringify([{ text: 'fine text.' }, { title: 'T', text: '   ' }, 5]) });
    const { articles, issues } = await readAll([dir]);
    expect(articles.map((a) => a.id)).toEqual(['a.json#1']);
    expect(issues).toEqual([
      { path: join(dir, 'a.json'), reason: 'record has no text', record: 2 },
      { path: join(dir, 'a.json'), reason: 'record is not an object', record: 3 },
    ]);
  });

  it('a 50 MB .txt file is over the 20 MB limit and skipped', async () => {
    const dir = tempDir();
    const big = join(dir, 'big.txt');
    // Sparse: ftruncate sets the size without writing 50 MB.
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    writeFileSync(join(dir, 'small.txt'), GOOD);
    const { articles, issues } = await readAll([dir]);
    expect(issues).toEqual([{ path: big, reason: 'file is 50 MB, over the 20 MB limit' }]);
    expect(articles.map((a) => a.id)).toEqual(['small.txt']);
  });

  it('maxBytes lowers the limit', async () => {
    const dir = writeTree({ 'a.txt': 'x'.repeat(3 * 1024 * 1024 + 10) });
    const { issues } = await readAll([dir], { maxBytes: 2 * 1024 * 1024 });
    expect(issues[0]!.reason).toBe('file is 3.1 MB, over the 2 MB limit');
  });

  it('a JSONL file far larger than maxBytes streams line by line', async () => {
    const dir = tempDir();
    const p = join(dir, 'many.jsonl');
    const out = createWriteStream(p);
    const N = 20000;
    for (let i = 0; i < N; i++) {
      if (!out.write(JSON.stringify({ id: `r${i}`, text: `Story number ${i} is here.` }) + '\n')) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    let count = 0;
    let last = '';
    const issues: unknown[] = [];
    // 64 KB limit, file ~900 KB: a whole-file read would be refused.
    for await (const a of readArticles([p], { maxBytes: 64 * 1024, onIssue: (i) => issues.push(i) })) {
      count++;
      last = a.id;
    }
    expect(issues).toEqual([]);
    expect(count).toBe(N);
    expect(last).toBe(`r${N - 1}`);
  });

  it('a JSONL line longer than maxBytes is skipped with its line number', async () => {
    const dir = writeTree({
      'l.jsonl': [JSON.stringify({ text: 'short one.' }), JSON.stringify({ text: 'y'.repeat(5000) }), JSON.stringify({ text: 'short three.' })].join('\n'),
    });
    const { articles, issues } = await readAll([dir], { maxBytes: 1000 });
    expect(articles.map((a) => a.id)).toEqual(['l.jsonl#1', 'l.jsonl#3']);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.line).toBe(2);
    expect(issues[0]!.reason).toMatch(/over the .* MB limit/);
  });

  it('invalid UTF-8 on one JSONL line spares the others', async () => {
    const bytes = Buffer.concat([
      Buffer.from(JSON.stringify({ text: 'first ok.' }) + '\n'),
      Buffer.from('{"text": "bad '),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}\n' + JSON.stringify({ text: 'third ok.' }) + '\n'),
    ]);
    const dir = writeTree({ 'u.jsonl': bytes });
    const { articles, issues } = await readAll([dir]);
    expect(articles.map((a) => a.text)).toEqual(['first ok.', 'third ok.']);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.line).toBe(2);
    expect(issues[0]!.reason).toMatch(/^invalid UTF-8 \(at byte \d+\)$/);
  });
});
