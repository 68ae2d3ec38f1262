/**
 * `actorgraph serve`: the built viewer (viewer/dist) and the graph as a JSON
 * API, on node:http. It answers only what the viewer needs:
 *   GET /, GET /<asset in viewer/dist>, GET /api/graph, GET /api/view?<filters>, GET /api/graph.gexf
 * Everything else is 404 (unknown path), 403 (path traversal), 400 (bad view filters) or 405 (not GET).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActorGraph } from '../graph/types.js';
import { graphToJSON } from '../graph/io.js';
import { viewGraph } from '../graph/view.js';
import { toGexf } from '../export/gexf.js';
import { BootViews, DEFAULT_BOOT_FILTERS, filterKey, parseViewQuery, type BootFilters } from './view.js';

/** viewer/dist, found from this file both as src/serve/server.ts and as dist/serve/server.js. */
export const DEFAULT_VIEWER_DIR = fileURLToPath(new URL('../../viewer/dist/', import.meta.url));

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  // graphology-layout-forceatlas2 runs its worker from a blob: URL
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServeOptions {
  /** The full graph (person level, all modalities), as `graph/full.json` holds it. */
  graph: ActorGraph;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  viewerDir?: string;
  /** GEXF of the default actor graph; computed lazily through the pipeline's exporter when absent. */
  gexf?: () => Promise<string>;
}

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

/** The GEXF file the CLI writes: the actor level, asserted mentions only. */
export async function defaultGexf(full: ActorGraph): Promise<string> {
  return toGexf(viewGraph(full, { level: 'actor', modality: 'asserted' }));
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function hostnameOf(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  const i = hostHeader.lastIndexOf(':');
  return (i >= 0 ? hostHeader.slice(0, i) : hostHeader).toLowerCase();
}

export type Resolved = { status: 200; file: string } | { status: 403 | 404 | 400 };

/**
 * Maps a request path to a file inside `root`, refusing anything that could
 * leave it: `..` segments (plain or percent-encoded), backslashes, NUL bytes,
 * encoded slashes, and symlinks pointing outside.
 */
export function resolveStatic(root: string, rawUrl: string): Resolved {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '/';
  if (!rawPath.startsWith('/')) return { status: 400 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  // encoded separators (%2f, %5c) and anything that decodes to .. or a backslash is traversal
  if (/%2f|%5c|%00/i.test(rawPath) || decoded.includes('\\') || decoded.includes('\0')) return { status: 403 };
  if (decoded.split('/').some((seg) => seg === '..' || seg === '.')) return { status: 403 };
  const rel = decoded === '/' ? 'index.html' : decoded.slice(1);
  if (rel.split('/').some((seg) => seg.startsWith('.') && seg.length > 0)) return { status: 404 };
  const base = resolve(root);
  const file = resolve(base, rel);
  if (file !== base && !file.startsWith(base + sep)) return { status: 403 };
  if (!existsSync(file)) return { status: 404 };
  let real: string;
  try {
    real = realpathSync(file);
    const realBase = realpathSync(base);
    if (!real.startsWith(realBase + sep)) return { status: 403 };
    if (!statSync(real).isFile()) return { status: 404 };
  } catch {
    return { status: 404 };
  }
  return { status: 200, file: real };
}

/** Boot views kept: every time range is a filter state of its own, so the cache is bounded. */
const VIEW_CACHE = 16;

export function createHandler(opts: ServeOptions & { boundHost: string }) {
  const viewerDir = opts.viewerDir ?? DEFAULT_VIEWER_DIR;
  let graphBody: Buffer | null = null;
  let gexfBody: Promise<Buffer> | null = null;
  const gexf = opts.gexf ?? (() => defaultGexf(opts.graph));
  const graphJSON = () => (graphBody ??= Buffer.from(graphToJSON(opts.graph)));
  let bootViews: BootViews | null = null;
  const viewBodies = new Map<string, Buffer>();
  const viewJSON = (f: BootFilters): Buffer => {
    const key = filterKey(f);
    let body = viewBodies.get(key);
    if (body) viewBodies.delete(key);
    else {
      bootViews ??= new BootViews(opts.graph);
      body = Buffer.from(JSON.stringify(bootViews.derive(f)));
      if (viewBodies.size >= VIEW_CACHE) viewBodies.delete(viewBodies.keys().next().value!);
    }
    viewBodies.set(key, body);
    return body;
  };

  const handle = async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) => {
      res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
      res.end(body);
    };
    try {
      // DNS-rebinding guard: on a loopback address, only loopback Host headers are answered.
      if (LOOPBACK.has(opts.boundHost)) {
        const host = hostnameOf(req.headers.host ?? '');
        if (!LOOPBACK.has(host)) return send(421, 'Misdirected request\n');
      }
      if (req.method !== 'GET') return send(405, 'Method not allowed\n', undefined, { Allow: 'GET' });
      const url = req.url ?? '/';
      const path = url.split(/[?#]/, 1)[0] ?? '/';
      if (path === '/api/graph') return send(200, graphJSON(), 'application/json; charset=utf-8', { 'Cache-Control': 'no-cache' });
      if (path === '/api/view') {
        const q = parseViewQuery(url.slice(path.length + 1));
        if ('error' in q) return send(400, `Bad request: ${q.error}\n`);
        return send(200, viewJSON(q.filters), 'application/json; charset=utf-8', { 'Cache-Control': 'no-cache' });
      }
      if (path === '/api/graph.gexf') {
        gexfBody ??= gexf().then((s) => Buffer.from(s));
        let body: Buffer;
        try {
          body = await gexfBody;
        } catch (err) {
          gexfBody = null;
          return send(500, `GEXF export failed: ${(err as Error).message}\n`);
        }
        return send(200, body, 'application/gexf+xml; charset=utf-8', { 'Cache-Control': 'no-cache', 'Content-Disposition': 'attachment; filename="actors.gexf"' });
      }
      if (path.startsWith('/api/')) return send(404, 'Not found\n');
      const r = resolveStatic(viewerDir, url);
      if (r.status !== 200) return send(r.status, r.status === 403 ? 'Forbidden\n' : r.status === 400 ? 'Bad request\n' : 'Not found\n');
      const body = readFileSync(r.file);
      const type = TYPES[extname(r.file).toLowerCase()] ?? 'application/octet-stream';
      const cache = r.file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
      return send(200, body, type, { 'Cache-Control': cache });
    } catch (err) {
      if (!res.headersSent) send(500, 'Internal error\n');
      else res.destroy(err as Error);
    }
  };
  /** Derives what a viewer asks for first (the default view, the stored graph), before it asks. */
  const warm = () => {
    try {
      viewJSON(DEFAULT_BOOT_FILTERS);
      graphJSON();
    } catch {
      // the request that needs it will answer 500
    }
  };
  return Object.assign(handle, { warm });
}

/** Starts the server; rejects with a clear message when the port is taken. */
export function startServer(opts: ServeOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const viewerDir = opts.viewerDir ?? DEFAULT_VIEWER_DIR;
  if (!existsSync(join(viewerDir, 'index.html'))) {
    return Promise.reject(new Error(`the viewer is not built (${join(viewerDir, 'index.html')} is missing): run \`npm run build:viewer\``));
  }
  let port = opts.port ?? 8080;
  const handler = createHandler({ ...opts, viewerDir, boundHost: host });
  const server = createServer((req, res) => void handler(req, res));
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return new Promise((resolvePromise, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new Error(`port ${port} on ${host} is already in use: pick another with --port N`));
      else if (err.code === 'EACCES') reject(new Error(`not allowed to listen on ${host}:${port}: pick a port above 1024 with --port N`));
      else if (err.code === 'EADDRNOTAVAIL') reject(new Error(`cannot listen on ${host}: no such local address`));
      else reject(err);
    });
    // before listening, so the printed URL's first page load finds them ready
    handler.warm();
    server.listen(port, host, () => {
      port = (server.address() as AddressInfo).port;
      const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
      resolvePromise({
        server,
        port,
        host,
        url: `http://${shown}:${port}/`,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
