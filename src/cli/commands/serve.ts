import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, positiveInt, UsageError, UserError, type CliIO, type Command } from '../command.js';
import type { ActorGraph } from '../../graph/types.js';
import { graphToJSON, readGraph } from '../../graph/io.js';
import { DEFAULT_VIEWER_DIR, defaultGexf, startServer } from '../../serve/server.js';
import { BootViews, DEFAULT_BOOT_FILTERS } from '../../serve/view.js';
import { neo4jConfig } from '../../store/config.js';
import { pullGraph } from '../../store/pull.js';
import { withNeo4j } from '../../store/session.js';

const HELP = `Usage: actorgraph serve [--graph FILE | --neo4j] [--port N] [--host H] [--no-open]
       actorgraph serve --build-only [--graph FILE | --neo4j] [--out DIR]

Serves the graph viewer (sigma.js, runs offline) and the graph as a JSON API.

Options:
  --graph FILE    the graph to show (default graph/full.json, else graph/actors.json)
  --neo4j         read the graph from Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE)
  --port N        port to listen on (default 8080)
  --host H        address to listen on (default 127.0.0.1, this machine only)
  --no-open       do not open a browser
  --build-only    write the built viewer, the graph and its default view as a static site into --out; do not serve
  --out DIR       where --build-only writes (default graph/site)
  -h, --help      show this help

Routes: GET /  (the viewer), GET /api/graph (graph JSON), GET /api/view?level=&modality=&off=&from=&to=
(the view the viewer draws first), GET /api/graph.gexf (actor-level GEXF).`;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

async function loadGraph(values: { graph?: string; neo4j?: boolean }, io: CliIO): Promise<{ graph: ActorGraph; from: string }> {
  if (values.neo4j) {
    // the store's own read path; the viewer itself never talks to Neo4j
    const graph = await withNeo4j(io.env, (driver) => pullGraph(driver));
    const cfg = neo4jConfig(io.env);
    return { graph, from: `Neo4j at ${cfg.uri}` };
  }
  let file = values.graph;
  if (!file) {
    const full = resolve(io.cwd, 'graph/full.json');
    const actors = resolve(io.cwd, 'graph/actors.json');
    file = existsSync(full) ? full : existsSync(actors) ? actors : undefined;
    if (!file) throw new UserError('no graph to serve: graph/full.json not found (run `actorgraph build` first, or pass --graph FILE)');
  }
  const path = resolve(io.cwd, file);
  try {
    return { graph: readGraph(path), from: path };
  } catch (err) {
    throw new UserError((err as Error).message);
  }
}

/** The viewer is built by `npm install` (the prepare script) or `npm run build:viewer`; the CLI only copies it. */
function requireViewer(): void {
  if (!existsSync(join(DEFAULT_VIEWER_DIR, 'index.html'))) {
    throw new UserError(`the viewer is not built (${join(DEFAULT_VIEWER_DIR, 'index.html')} is missing): run \`npm run build:viewer\``);
  }
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '""', url] : [url];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // no browser: the URL is printed anyway
  }
}

export const serve: Command = {
  name: 'serve',
  summary: 'explore the graph in the browser (sigma.js viewer on 127.0.0.1)',
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parse(argv, {
      graph: { type: 'string' },
      neo4j: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      'no-open': { type: 'boolean' },
      'build-only': { type: 'boolean' },
      out: { type: 'string' },
    });
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (values.graph && values.neo4j) throw new UsageError('--graph and --neo4j are mutually exclusive');
    if (values.out && !values['build-only']) throw new UsageError('--out only goes with --build-only');
    const port = values.port === '0' ? 0 : positiveInt('port', values.port, 8080);
    if (port > 65535) throw new UsageError(`--port must be at most 65535 (got "${values.port}")`);
    const host = values.host ?? '127.0.0.1';

    const { graph, from } = await loadGraph(values, io);

    if (values['build-only']) {
      requireViewer();
      const out = resolve(io.cwd, values.out ?? 'graph/site');
      mkdirSync(join(out, 'api'), { recursive: true });
      cpSync(DEFAULT_VIEWER_DIR, out, { recursive: true });
      writeFileSync(join(out, 'api', 'graph'), graphToJSON(graph));
      // a static server answers api/view?… with this file whatever the query: the viewer draws it
      // first only when it is for the filters it opens with (the defaults), else waits for api/graph
      writeFileSync(join(out, 'api', 'view'), JSON.stringify(new BootViews(graph).derive(DEFAULT_BOOT_FILTERS)));
      let gexf = false;
      try {
        writeFileSync(join(out, 'api', 'graph.gexf'), await defaultGexf(graph));
        gexf = true;
      } catch (err) {
        io.stderr.write(`actorgraph: GEXF not written: ${(err as Error).message}\n`);
      }
      io.stdout.write(`Viewer built in ${out} (graph: ${graph.order} nodes, ${graph.size} edges${gexf ? ', GEXF' : ''}). Serve that folder with any static web server.\n`);
      return 0;
    }

    let running;
    try {
      running = await startServer({ graph, host, port });
    } catch (err) {
      throw new UserError((err as Error).message);
    }
    // handlers first, so a signal sent as soon as the URL appears still stops the server cleanly
    const stopped = new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void running.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    if (!LOOPBACK.has(host)) io.stderr.write(`actorgraph: listening on ${host}: anyone who can reach this address can read the graph\n`);
    io.stdout.write(`Serving ${from} (${graph.order} nodes, ${graph.size} edges)\n`);
    io.stdout.write(`Viewer: ${running.url}\n`);
    io.stdout.write('Press Ctrl+C to stop.\n');
    if (!values['no-open'] && !io.env.CI && io.stdout.isTTY) openBrowser(running.url);
    await stopped;
    return 0;
  },
};
