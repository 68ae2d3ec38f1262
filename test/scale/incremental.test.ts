import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphToJSON } from '../../src/graph/io.js';
import { buildFromPaths } from '../../src/pipeline.js';
import { ensureDist, ROOT, tmp, writeArticles } from './helpers.js';

function cacheFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** A user dictionary that adds one actor: a different dictionary version. */
function userDictionary(dir: string): string {
  const p = join(dir, 'extra-actors.json');
  writeFileSync(p, JSON.stringify({ actors: [{ id: 'zz-test-actor', label: 'Zedland Test Front', kind: 'armed-group', aliases: ['Zedland Test Front'] }] }));
  return p;
}

describe('incremental builds', { timeout: 300_000 }, () => {
  beforeAll(() => ensureDist(), 120_000);

  it('adding 10 articles extracts only those 10; the graph equals a fresh build', async () => {
    const corpus = tmp();
    const cache = tmp();
    writeArticles(corpus, 0, 30);
    const first = await buildFromPaths([corpus], { cacheDir: cache });
    expect([first.articles, first.extracted, first.cached]).toEqual([30, 30, 0]);
    const again = await buildFromPaths([corpus], { cacheDir: cache, jobs: 2 });
    expect([again.articles, again.extracted, again.cached]).toEqual([30, 0, 30]);
    expect(graphToJSON(again.graph)).toBe(graphToJSON(first.graph));

    writeArticles(corpus, 30, 10);
    const more = await buildFromPaths([corpus], { cacheDir: cache });
    expect([more.articles, more.extracted, more.cached]).toEqual([40, 10, 30]);
    const fresh = await buildFromPaths([corpus]);
    expect(graphToJSON(more.graph)).toBe(graphToJSON(fresh.graph));
  });

  it('a changed dictionary reprocesses everything', async () => {
    const corpus = tmp();
    const cache = tmp();
    writeArticles(corpus, 0, 12);
    expect((await buildFromPaths([corpus], { cacheDir: cache })).extracted).toBe(12);
    const actorsFile = userDictionary(tmp());
    const changed = await buildFromPaths([corpus], { cacheDir: cache, actorsFile });
    expect([changed.extracted, changed.cached]).toEqual([12, 0]);
    // ... and both versions stay cached side by side.
    expect((await buildFromPaths([corpus], { cacheDir: cache, actorsFile })).cached).toBe(12);
    expect((await buildFromPaths([corpus], { cacheDir: cache })).cached).toBe(12);
  });

  it('a corrupt or half-written entry is ignored and recomputed', async () => {
    const corpus = tmp();
    const cache = tmp();
    writeArticles(corpus, 0, 8);
    const clean = await buildFromPaths([corpus], { cacheDir: cache });
    const files = cacheFiles(cache);
    expect(files).toHaveLength(8);
    expect(files.every((f) => f.endsWith('.json'))).toBe(true); // no temporary files left behind
    writeFileSync(files[0]!, readFileSync(files[0]!, 'utf8').slice(0, 40)); // truncated
    writeFileSync(files[1]!, '');
    writeFileSync(files[2]!, JSON.stringify({ key: 'someone-else', x: { article: {}, actors: [], relations: [] } }));
    writeFileSync(`${files[3]!}.999-1.tmp`, '{"key":'); // a crash between write and rename
    const r = await buildFromPaths([corpus], { cacheDir: cache });
    expect([r.extracted, r.cached]).toEqual([3, 5]);
    expect(graphToJSON(r.graph)).toBe(graphToJSON(clean.graph));
    expect((await buildFromPaths([corpus], { cacheDir: cache })).cached).toBe(8);
  });

  it('the build summary counts extracted and cached articles; --no-cache reads nothing', () => {
    const cwd = tmp();
    const corpus = join(cwd, 'articles');
    writeArticles(corpus, 0, 15);
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/actorgraph.js'), 'build', corpus, '--out-dir', join(cwd, 'graph'), ...args], { cwd, encoding: 'utf8' });
    expect(run().stdout).toMatch(/^extracted 15, cached 0$/m);
    expect(readdirSync(join(cwd, '.actorgraph-cache'))).toHaveLength(1);
    writeArticles(corpus, 15, 10);
    expect(run('--jobs', '2').stdout).toMatch(/^extracted 10, cached 15$/m);
    expect(run('--no-cache').stdout).toMatch(/^extracted 25, cached 0 \(cache off\)$/m);
    const other = join(cwd, 'elsewhere');
    expect(run('--cache', other).stdout).toMatch(/^extracted 25, cached 0$/m);
    expect(run('--cache', other).stdout).toMatch(/^extracted 0, cached 25$/m);
  });
});
