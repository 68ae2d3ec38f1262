import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './seeds-helpers.js';
import { tempDir } from './temp-dir.js';

describe('committed graph/ outputs', () => {
  it('are what `npm start` would write now (run it and commit graph/ when this fails)', () => {
    const dir = tempDir('actorgraph-outputs-');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/actorgraph.js'), 'build', 'seeds', '--out-dir', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(expect.arrayContaining(['actors.gexf', 'actors.json', 'edges.csv', 'relations.jsonl']));
    for (const f of files) expect(readFileSync(join(ROOT, 'graph', f), 'utf8'), `graph/${f} is out of date`).toBe(readFileSync(join(dir, f), 'utf8'));
  });
});
