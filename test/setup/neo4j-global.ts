import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startServer, stopServer } from '../../scripts/neo4j-launcher.mjs';

export interface Neo4jTestEnv {
  available: boolean;
  /** Why the Neo4j tests are skipped, when they are. */
  reason?: string;
  uri: string;
  username: string;
  password: string;
  database: string;
  /** True when the tests started the server (and may start more on the same machine). */
  local: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTestEnv;
  }
}

const isCI = () => !!process.env.CI && !['false', '0'].includes(process.env.CI.toLowerCase());

/**
 * Gives the Neo4j tests a server: the one NEO4J_URI names, or else a local one
 * started here on a free port (never 7687, which may be the user's) over a
 * fresh temporary data directory, stopped when the run ends.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const env = process.env;
  if (env.NEO4J_URI) {
    project.provide('neo4j', {
      available: true,
      uri: env.NEO4J_URI,
      username: env.NEO4J_USERNAME || 'neo4j',
      password: env.NEO4J_PASSWORD || 'actorgraph',
      database: env.NEO4J_DATABASE || 'neo4j',
      local: false,
    });
    return;
  }

  const dir = mkdtempSync(join(tmpdir(), 'actorgraph-neo4j-'));
  const pidFile = join(dir, 'neo4j.pid');
  const password = 'actorgraph-test';
  const t0 = Date.now();
  let uri: string;
  try {
    const port = await freePort();
    const info = await startServer({
      port,
      dataDir: join(dir, 'data'),
      pidFile,
      logFile: join(dir, 'neo4j.log'),
      password,
      log: (line) => process.stderr.write(`[neo4j] ${line}\n`),
    });
    uri = info.uri;
  } catch (err) {
    await stopServer({ pidFile, signal: 'SIGKILL' }).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    const reason = (err as Error).message;
    if (isCI()) throw new Error(`Neo4j could not start, and with CI=true the Neo4j tests may not be skipped: ${reason}`);
    process.stderr.write(`\n[neo4j] SKIPPING the Neo4j tests: a local Neo4j could not start.\n[neo4j] ${reason}\n\n`);
    project.provide('neo4j', { available: false, reason, uri: '', username: '', password: '', database: '', local: true });
    return;
  }
  process.stderr.write(`[neo4j] test server ${uri} ready in ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);
  project.provide('neo4j', { available: true, uri, username: 'neo4j', password, database: 'neo4j', local: true });

  return async () => {
    // The data directory is thrown away, so there is nothing for a clean shutdown to protect.
    await stopServer({ pidFile, signal: 'SIGKILL' });
    rmSync(dir, { recursive: true, force: true });
  };
}
