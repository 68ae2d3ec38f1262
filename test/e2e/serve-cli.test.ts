/**
 * `actorgraph serve` as a process: arguments, the printed URL, the API it
 * answers, and --build-only. Runs the compiled CLI (bin/ → dist/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphToJSON } from '../../src/graph/io.js';
import { BootViews, DEFAULT_BOOT_FILTERS } from '../../src/serve/view.js';
import { makeFixtureGraph } from '../viewer/fixture.js';
import { assertBuilt, BIN, ROOT, startCliServer, type CliServer } from './helpers.js';
import { tempDir } from '../temp-dir.js';

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('actorgraph serve (CLI)', () => {
  const dir = tempDir('actorgraph-serve-cli-');
  const file = join(dir, 'full.json');
  const graph = makeFixtureGraph();
  let srv: CliServer;

  beforeAll(async () => {
    assertBuilt();
    writeFileSync(file, graphToJSON(graph));
    srv = await startCliServer(['--graph', file]);
  }, 30_000);
  afterAll(async () => srv?.stop());

  it('prints a loopback URL and serves the viewer and the graph there', async () => {
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(srv.stdout()).toContain(`Serving ${file} (${graph.order} nodes, ${graph.size} edges)`);
    const html = await fetch(srv.url);
    expect(html.status).toBe(200);
    const body = await html.text();
    expect(body).toContain('id="graph"');
    // every script and stylesheet is local (no CDN)
    const refs = [...body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((u) => !u.startsWith('data:'));
    for (const ref of refs) {
      expect(ref, ref).not.toMatch(/^(https?:)?\/\//);
      if (ref.startsWith('./assets/')) expect((await fetch(new URL(ref, srv.url))).status, ref).toBe(200);
    }
    const api = await fetch(`${srv.url}api/graph`);
    expect(api.status).toBe(200);
    expect(JSON.parse(await api.text()).nodes.length).toBe(graph.order);
    expect((await fetch(`${srv.url}api/nothing`)).status).toBe(404);
    expect((await fetch(`${srv.url}package.json`)).status).toBe(404);
  });

  it('stops cleanly on SIGTERM', async () => {
    const other = await startCliServer(['--graph', file]);
    await other.stop();
    expect(other.child.exitCode).toBe(0);
  }, 30_000);

  it('rejects bad arguments with a usage error', () => {
    for (const args of [['--graph', file, '--neo4j'], ['--port', 'eighty'], ['--port', '70000'], ['--out', dir], ['stray']]) {
      const r = run(['serve', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
  }, 60_000);

  it('says clearly when the graph file is missing or not a graph', () => {
    const missing = run(['serve', '--graph', join(dir, 'nope.json')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('no such file');
    writeFileSync(join(dir, 'bad.json'), '{"hello": 1}');
    const bad = run(['serve', '--graph', join(dir, 'bad.json')]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('not a graphology JSON file');
  }, 30_000);

  it('--neo4j reads through the store and reports an unreachable server in one line', () => {
    const r = run(['serve', '--neo4j', '--port', '0'], { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'not-a-real-one' });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).not.toContain('Viewer:');
  }, 30_000);

  it('--build-only writes a static site with the graph and GEXF, and does not serve', () => {
    const out = join(dir, 'site');
    const r = run(['serve', '--build-only', '--graph', file, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Viewer built in ${out}`);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'api', 'graph'), 'utf8')).nodes.length).toBe(graph.order);
    expect(readFileSync(join(out, 'api', 'graph.gexf'), 'utf8')).toContain('<gexf');
    // the default view, for the viewer's first frame, as the server would answer api/view
    const view = JSON.parse(readFileSync(join(out, 'api', 'view'), 'utf8'));
    expect(view).toEqual(JSON.parse(JSON.stringify(new BootViews(graph).derive(DEFAULT_BOOT_FILTERS))));
    expect(view.filters).toEqual({ level: 'actor', modality: 'asserted', hiddenTypes: [], from: null, to: null });
  }, 60_000);
});
