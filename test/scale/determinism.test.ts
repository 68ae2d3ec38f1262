import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toCsv, toGexf, toJsonl } from '../../src/export/index.js';
import { graphToJSON } from '../../src/graph/io.js';
import { viewGraph } from '../../src/graph/view.js';
import type { IngestIssue } from '../../src/ingest/types.js';
import { buildFromPaths, extractPaths } from '../../src/pipeline.js';
import { ensureDist, generatedCorpus, ROOT, SEEDS, tmp } from './helpers.js';

async function outputs(paths: string[], jobs: number) {
  const issues: IngestIssue[] = [];
  const r = await buildFromPaths(paths, { jobs, onIssue: (i) => issues.push(i) });
  const actors = viewGraph(r.graph, { level: 'actor', modality: 'asserted' });
  return {
    full: graphToJSON(r.graph),
    json: graphToJSON(actors),
    gexf: toGexf(actors),
    jsonl: toJsonl(actors),
    csv: toCsv(actors),
    issues,
    articles: r.articles,
  };
}

describe('parallel extraction is deterministic', { timeout: 300_000 }, () => {
  let corpus: string;
  beforeAll(() => {
    ensureDist();
    corpus = generatedCorpus(100);
  }, 120_000);

  it('seeds: --jobs 1 and --jobs 2 give byte-identical outputs', async () => {
    const one = await outputs([SEEDS], 1);
    const two = await outputs([SEEDS], 2);
    expect(one.articles).toBe(5);
    expect(two).toEqual(one);
  });

  it('a generated corpus with bad input: same outputs, same issues in the same order', async () => {
    const one = await outputs([corpus], 1);
    const two = await outputs([corpus], 2);
    const three = await outputs([corpus], 3);
    expect(one.articles).toBe(100 + 5 + 3);
    expect(JSON.parse(one.full).edges.length).toBeGreaterThan(10);
    const bad = readFileSync(join(corpus, 'a-corpus.jsonl')).indexOf(Buffer.from([0x7b, 0xff, 0x7d])) + 1;
    expect(one.issues.map((i) => [i.path.slice(corpus.length + 1), i.line ?? null, i.reason])).toEqual([
      ['a-corpus.jsonl', 23, expect.stringMatching(/^malformed JSON/)],
      ['a-corpus.jsonl', 37, `invalid UTF-8 (at byte ${bad})`],
      ['d-empty.jsonl', null, 'empty file'],
    ]);
    expect(two).toEqual(one);
    expect(three).toEqual(one);
  });

  it('extractPaths yields the same extractions in input order', async () => {
    const ids = async (jobs: number) => {
      const out: string[] = [];
      for await (const x of extractPaths([corpus], { jobs })) out.push(`${x.article.id}:${x.relations.length}`);
      return out;
    };
    const one = await ids(1);
    expect(one.slice(0, 3)).toEqual([expect.stringMatching(/^gen-0:/), expect.stringMatching(/^gen-1:/), expect.stringMatching(/^gen-2:/)]);
    expect(await ids(2)).toEqual(one);
  });

  it('the CLI writes byte-identical files and the same stderr whatever --jobs is', () => {
    const run = (jobs: string) => {
      const dir = tmp();
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/actorgraph.js'), 'build', corpus, '--out-dir', dir, '--jobs', jobs, '--no-cache'], { cwd: dir, encoding: 'utf8' });
      const files = Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
      return { code: r.status, stdout: r.stdout.replace(dir, 'DIR'), stderr: r.stderr, files };
    };
    const one = run('1');
    expect(one.code).toBe(1); // some inputs skipped
    expect(one.stderr.trim().split('\n')).toHaveLength(3);
    expect(Object.keys(one.files)).toEqual(['actors.gexf', 'actors.json', 'edges.csv', 'full.json', 'relations.jsonl']);
    expect(run('2')).toEqual(one);
  });

  it('--jobs must be a positive integer', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/actorgraph.js'), 'extract', SEEDS, '--jobs', '0'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--jobs must be a positive integer/);
  });
});
