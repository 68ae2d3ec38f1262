import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGexf } from '../../src/export/gexf.js';
import { graphFromJSON } from '../../src/graph/io.js';
import { viewGraph } from '../../src/graph/view.js';
import { resolveStatic, startServer, type RunningServer } from '../../src/serve/server.js';
import { makeFixtureGraph } from '../viewer/fixture.js';
import { tempDir } from '../temp-dir.js';

/** Raw HTTP, so paths reach the server exactly as written (fetch would normalise ../). */
function raw(port: number, path: string, opts: { method?: string; host?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { host: opts.host ?? `127.0.0.1:${port}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('actorgraph serve (HTTP)', () => {
  const graph = makeFixtureGraph();
  let srv: RunningServer;
  let root: string;
  let outside: string;

  beforeAll(async () => {
    const base = tempDir('actorgraph-serve-');
    root = join(base, 'dist');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>viewer</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, '.env'), 'SECRET=1');
    outside = join(base, 'secret.txt');
    writeFileSync(outside, 'top secret');
    symlinkSync(outside, join(root, 'assets', 'link.txt'));
    srv = await startServer({ graph, port: 0, viewerDir: root });
  });
  afterAll(async () => srv?.close());

  it('prints a loopback URL by default', () => {
    expect(srv.url).toBe(`http://127.0.0.1:${srv.port}/`);
  });

  it('serves the viewer with a strict CSP and nosniff', async () => {
    const r = await raw(srv.port, '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const js = await raw(srv.port, '/assets/app.js?v=1');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/text\/javascript/);
  });

  it('serves the full graph as JSON', async () => {
    const r = await raw(srv.port, '/api/graph');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/application\/json/);
    const g = graphFromJSON(JSON.parse(r.body));
    expect(g.order).toBe(graph.order);
    expect(g.size).toBe(graph.size);
    expect(g.getAttribute('articles')).toEqual(graph.getAttribute('articles'));
  });

  it('serves the same GEXF as the CLI exporter (actor level, asserted)', async () => {
    const r = await raw(srv.port, '/api/graph.gexf');
    expect(r.status).toBe(200);
    expect(r.body).toBe(toGexf(viewGraph(graph, { level: 'actor', modality: 'asserted' })));
    expect(r.headers['content-disposition']).toContain('actors.gexf');
  });

  it('refuses path traversal, plain and encoded', async () => {
    for (const p of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/assets%2f..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%252e%252e/secret.txt', '/assets/..', '/a\\..\\secret.txt']) {
      const r = await raw(srv.port, p);
      expect([400, 403, 404], p).toContain(r.status);
      expect(r.body, p).not.toContain('top secret');
    }
    expect((await raw(srv.port, '/assets/link.txt')).status).toBe(403); // symlink out of the root
    expect((await raw(srv.port, '/.env')).status).toBe(404); // dotfiles are not served
  });

  it('answers nothing else', async () => {
    expect((await raw(srv.port, '/api/other')).status).toBe(404);
    expect((await raw(srv.port, '/nope.html')).status).toBe(404);
    expect((await raw(srv.port, '/assets')).status).toBe(404);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const r = await raw(srv.port, '/api/graph', { method });
      expect(r.status, method).toBe(405);
      expect(r.headers['allow']).toBe('GET');
    }
  });

  it('refuses foreign Host headers on loopback (DNS rebinding)', async () => {
    expect((await raw(srv.port, '/api/graph', { host: 'evil.example:80' })).status).toBe(421);
    expect((await raw(srv.port, '/api/graph', { host: `localhost:${srv.port}` })).status).toBe(200);
  });

  it('says clearly when the port is taken', async () => {
    await expect(startServer({ graph, port: srv.port, viewerDir: root })).rejects.toThrow(`port ${srv.port} on 127.0.0.1 is already in use`);
  });

  it('says clearly when the viewer is not built', async () => {
    await expect(startServer({ graph, port: 0, viewerDir: join(root, 'missing') })).rejects.toThrow(/npm run build:viewer/);
  });

  it('resolveStatic maps / to index.html and stays inside the root', () => {
    expect(resolveStatic(root, '/')).toMatchObject({ status: 200 });
    expect(resolveStatic(root, '/%E0%A4%A')).toEqual({ status: 400 });
    expect(resolveStatic(root, '/%00')).toEqual({ status: 403 });
  });
});
