import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listInputs, readArticles } from '../src/ingest/index.js';
import { bodyParts, bodyText, readAll, spansAreSound, writeTree } from './ingest-helpers.js';

const SEEDS = join(import.meta.dirname, '..', 'seeds');

describe('txt', () => {
  it('keeps the decoded file as text, takes the first line as title and leaves it out of body', async () => {
    const dir = writeTree({
      'a.txt': '\n\nSyria and Iran sign pact\n\nDamascus and Tehran signed a defence pact on Monday.\n\nThe deal covers training.\n',
    });
    const { articles, issues } = await readAll([dir]);
    expect(issues).toEqual([]);
    expect(articles).toHaveLength(1);
    const a = articles[0]!;
    expect(a.id).toBe('a.txt');
    expect(a.doc).toBe('a.txt');
    expect(a.format).toBe('txt');
    expect(a.path).toBe(join(dir, 'a.txt'));
    expect(a.title).toBe('Syria and Iran sign pact');
    expect(a.text).toBe(readFileSync(join(dir, 'a.txt'), 'utf8'));
    expect(bodyParts(a)).toEqual(['Damascus and Tehran signed a defence pact on Monday.', 'The deal covers training.']);
    expect(a.date).toBeNull();
    expect(a.dateSource).toBeNull();
    expect(a.url).toBeNull();
    expect(a.source).toBeNull();
  });

  it('strips a BOM and turns CRLF into LF before anything else', async () => {
    const dir = writeTree({ 'b.txt': '\ufeffHeadline here\r\n\r\nFirst paragraph of the story.\r\nSecond one.\r\n' });
    const [a] = (await readAll([dir])).articles;
    expect(a!.text).toBe('Headline here\n\nFirst paragraph of the story.\nSecond one.\n');
    expect(a!.title).toBe('Headline here');
    expect(bodyParts(a!)).toEqual(['First paragraph of the story.', 'Second one.']);
  });

  it('keeps hostile text verbatim: markup and Cypher are data, not code', async () => {
    const hostile = [
      'Headline <b>bold</b>',
      '',
      'The ministry said <script>alert("x")</script> was found on its site.',
      '',
      "Officials typed MATCH (n) DETACH DELETE n; // and ' OR 1=1 -- into the console.",
      '',
    ].join('\n');
    const dir = writeTree({ 'h.txt': hostile });
    const [a] = (await readAll([dir])).articles;
    expect(a!.text).toBe(hostile);
    expect(a!.title).toBe('Headline <b>bold</b>');
    expect(bodyText(a!)).toContain('<script>alert("x")</script>');
    expect(bodyText(a!)).toContain('MATCH (n) DETACH DELETE n;');
  });

  it('a headline-less story keeps its lead paragraph as body and takes its first sentence as title', async () => {
    const lead =
      'Russia and Turkey agreed on Tuesday to sponsor talks between the Syrian government and rebels in Kazakhstan, officials said. The talks would start next month.';
    const dir = writeTree({ 'lead.txt': `${lead}\nA second paragraph follows here.\n` });
    const [a] = (await readAll([dir])).articles;
    expect(a!.title).toBe(
      'Russia and Turkey agreed on Tuesday to sponsor talks between the Syrian government and rebels in Kazakhstan, officials said.',
    );
    expect(bodyParts(a!)[0]).toBe(lead);
  });
});

describe('json and jsonl', () => {
  it('reads one article object with all fields', async () => {
    const rec = {
      id: 'reuters-42',
      title: 'Headline',
      text: 'Headline\n\nBody paragraph one.\r\nBody paragraph two.',
      date: '2016-12-07T23:30:00-05:00',
      url: 'https://example.com/a',
      source: 'Reuters',
    };
    const dir = writeTree({ 'one.json': JSON.stringify(rec) });
    const { articles, issues } = await readAll([dir]);
    expect(issues).toEqual([]);
    const a = articles[0]!;
    expect(a).toMatchObject({
      id: 'reuters-42',
      doc: 'reuters-42',
      title: 'Headline',
      date: '2016-12-07',
      dateSource: 'metadata',
      url: 'https://example.com/a',
      source: 'Reuters',
      format: 'json',
    });
    expect(a.text).toBe('Headline\n\nBody paragraph one.\nBody paragraph two.');
    expect(bodyParts(a)).toEqual(['Body paragraph one.', 'Body paragraph two.']);
  });

  it('accepts body/content for text and published/publishedAt/pubDate for date; numbers records without id', async () => {
    const recs = [
      { title: 'T1', body: 'Alpha paragraph text.', published: 'December 7, 2016' },
      { id: 'given', title: 'T2', content: 'Beta paragraph text.', publishedAt: 'Wed, 07 Dec 2016 10:00:00 +0000' },
      { title: 'T3', text: 'Gamma paragraph text.', pubDate: '7 December 2016', source: { id: 'x', name: 'Al Jazeera' } },
    ];
    const dir = writeTree({ 'many.json': JSON.stringify(recs, null, 2) });
    const { articles, issues } = await readAll([dir]);
    expect(issues).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual(['many.json#1', 'given', 'many.json#3']);
    expect(articles.map((a) => a.doc)).toEqual(['many.json#1', 'given', 'many.json#3']);
    expect(articles.map((a) => a.text)).toEqual(['Alpha paragraph text.', 'Beta paragraph text.', 'Gamma paragraph text.']);
    expect(articles.map((a) => a.date)).toEqual(['2016-12-07', '2016-12-07', '2016-12-07']);
    expect(articles[2]!.source).toBe('Al Jazeera');
  });

  it('reads JSONL one record per line, skipping blank lines, ids numbered by line', async () => {
    const lines = [
      JSON.stringify({ title: 'A', text: 'First story text.' }),
      '',
      JSON.stringify({ id: 7, title: 'B', text: 'Second story text.' }),
      JSON.stringify({ title: 'C', text: 'Third story text.' }),
    ];
    const dir = writeTree({ 'feed.jsonl': lines.join('\r\n') + '\n' });
    const { articles, issues } = await readAll([dir]);
    expect(issues).toEqual([]);
    expect(articles.map((a) => [a.id, a.format, a.title])).toEqual([
      ['feed.jsonl#1', 'jsonl', 'A'],
      ['7', 'jsonl', 'B'],
      ['feed.jsonl#4', 'jsonl', 'C'],
    ]);
  });
});

describe('folders', () => {
  it('walks folders recursively in sorted order, skipping hidden files and other extensions', async () => {
    const text = 'Title\n\nSome body text.';
    const dir = writeTree({
      'b.txt': text,
      'a/z.html': `<html><body><p>${text}</p></body></html>`,
      'a/y.json': JSON.stringify({ text }),
      'c/d/e.jsonl': JSON.stringify({ text }),
      'c/b.HTM': `<p>${text}</p>`,
      'A.txt': text,
      '.hidden.txt': text,
      '.git/x.txt': text,
      'notes.md': text,
      'image.png': 'x',
    });
    const listed = await listInputs([dir]);
    expect(listed.map((p) => p.slice(dir.length + 1))).toEqual([
      'A.txt',
      'a/y.json',
      'a/z.html',
      'b.txt',
      'c/b.HTM',
      'c/d/e.jsonl',
    ]);
    const { articles, files } = await readAll([dir]);
    expect(files).toEqual(listed);
    expect(articles.map((a) => a.format)).toEqual(['txt', 'json', 'html', 'txt', 'html', 'jsonl']);
  });

  it('keeps argument order, lists a file named twice once, and reports progress', async () => {
    const dir = writeTree({ 'x.txt': 'X\n\nBody x.', 'y.txt': 'Y\n\nBody y.' });
    const calls: [string, number, number][] = [];
    const ids: string[] = [];
    for await (const a of readArticles([join(dir, 'y.txt'), dir], { onFile: (p, i, n) => calls.push([basename(p), i, n]) })) {
      ids.push(a.id);
    }
    expect(ids).toEqual(['y.txt', 'x.txt']);
    expect(calls).toEqual([
      ['y.txt', 0, 2],
      ['x.txt', 1, 2],
    ]);
  });
});

describe('seed articles', () => {
  it('reads all five seeds with exact text, sound spans and basename ids', async () => {
    const { articles, issues } = await readAll([SEEDS]);
    expect(issues).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual([
      '000_8a3ebf87a8b1234d.txt',
      '001_34ba56db2594bef2.txt',
      '002_10285d37cdf280ed.txt',
      '003_4843b294f38d015c.txt',
      '004_6bb945685ed10791.txt',
    ]);
    for (const a of articles) {
      expect(a.text).toBe(readFileSync(a.path, 'utf8').replace(/\r\n?/g, '\n'));
      expect(spansAreSound(a)).toBe(true);
      expect(a.body.length).toBeGreaterThan(3);
      // No seed prints a publication date near its top; dates deep in the story are not publication dates.
      expect(a.date).toBeNull();
    }
    expect(articles[0]!.title).toBe("Assad tells Iran's Larijani he backs local truces");
    expect(articles[2]!.title).toBe("Assad Hopes Syria Peace Talks in Kazakhstan Lead to Local 'Reconciliation' With Rebels");
    expect(articles[3]!.title).toBe("President says Aleppo win 'huge step' towards end of Syria war");
  });
});
