#!/usr/bin/env node
// npm run neo4j:start | neo4j:stop | neo4j:status — a local Neo4j for users who have none.
import { parseArgs } from 'node:util';
import { DEFAULT_PID_FILE, isAlive, readPidFile, startServer, stopServer } from './neo4j-launcher.mjs';

const USAGE = `usage: node scripts/neo4j.mjs start|stop|status [--port N] [--data-dir DIR] [--no-auth]

  start   build the launcher if needed, start Neo4j in the background, wait until it answers
  stop    stop it and wait for the process to exit
  status  say whether it is running

The password is NEO4J_PASSWORD (default "actorgraph", at least 8 characters).
NEO4J_HEAP (default 2g) and NEO4J_PAGECACHE (default 512m) bound its memory.`;

const log = (line) => process.stderr.write(`${line}\n`);

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'no-auth': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    log(`neo4j: ${err.message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const action = positionals[0];
  if (values.help || !['start', 'stop', 'status'].includes(action ?? '')) {
    (values.help ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  if (action === 'start') {
    const port = values.port === undefined ? 7687 : Number(values.port);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) {
      log(`neo4j: --port must be a port number (got "${values.port}")`);
      return 2;
    }
    const t0 = Date.now();
    const info = await startServer({
      port,
      ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
      auth: !values['no-auth'],
      log,
    });
    if (info.alreadyRunning) log(`Neo4j is already running (pid ${info.pid})`);
    else log(`Neo4j started in ${((Date.now() - t0) / 1000).toFixed(1)}s (pid ${info.pid}, log ${info.logFile})`);
    process.stdout.write(`${info.uri}\n`);
    return 0;
  }
  if (action === 'stop') {
    const res = await stopServer({ log });
    log(res.stopped ? `Neo4j (pid ${res.pid}) stopped` : 'Neo4j is not running');
    return 0;
  }
  const info = readPidFile(DEFAULT_PID_FILE);
  if (info && isAlive(info.pid)) {
    process.stdout.write(`running: ${info.uri} (pid ${info.pid}, data ${info.dataDir})\n`);
    return 0;
  }
  process.stdout.write('not running\n');
  return 3;
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    log(`neo4j: ${err.message}`);
    process.exitCode = 1;
  },
);
