import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, isBuilt, portInUse, startServer, stopServer } from '../../scripts/neo4j-launcher.mjs';

export interface Neo4jTestEnv {
  available: boolean;
  /** Why the Neo4j tests are skipped, when they are. */
  reason?: string;
  uri: string;
  username: string;
  password: string;
  database: string;
  /** True when the suite started the server itself (so it may start and kill more of its own). */
  local: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTestEnv;
  }
}

const isCI = () => !!process.env.CI && !['false', '0', ''].includes(process.env.CI.toLowerCase());

const has = (cmd: string, arg: string) => {
  const r = spawnSync(cmd, [arg], { stdio: 'ignore' });
  return !r.error && r.status === 0;
};

/** Why a local Neo4j cannot even be attempted here, or null when Java (and Maven, if the jars are missing) exist. */
function missingTools(): string | null {
  if (!has('java', '-version')) return 'java is not installed (the local Neo4j needs Java 17)';
  if (!isBuilt() && !has('mvn', '-v')) return 'mvn is not installed and neo4j/target has no built launcher (needs Maven 3)';
  return null;
}

const log = (line: string) => process.stderr.write(`[neo4j] ${line}\n`);

function loudSkip(reason: string, project: TestProject): void {
  const bar = '!'.repeat(78);
  process.stderr.write(`\n${bar}\n[neo4j] SKIPPING EVERY NEO4J TEST: ${reason}\n[neo4j] Install Java 17 and Maven, or set NEO4J_URI to a running Neo4j 5.\n${bar}\n\n`);
  project.provide('neo4j', { available: false, reason, uri: '', username: '', password: '', database: '', local: true });
}

/**
 * Gives the Neo4j tests a server: the one NEO4J_URI names, or else a local one
 * started here (port NEO4J_TEST_PORT, default 7687; a free port if that one is
 * taken) over a fresh temporary data directory, stopped when the run ends.
 *
 * A local server that cannot start fails the run. The only skip is outside CI
 * when Java or Maven are missing, and it is announced loudly; with CI=true even
 * that fails.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const env = process.env;
  if (env.NEO4J_URI) {
    log(`using the Neo4j at ${env.NEO4J_URI} (NEO4J_URI); its database is cleared by the tests`);
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

  const missing = missingTools();
  if (missing) {
    if (isCI()) throw new Error(`Neo4j tests cannot run and CI=true forbids skipping them: ${missing}`);
    loudSkip(missing, project);
    return;
  }

  const dir = mkdtempSync(join(tmpdir(), 'actorgraph-neo4j-'));
  const pidFile = join(dir, 'neo4j.pid');
  const password = 'actorgraph-test';
  const t0 = Date.now();
  let uri: string;
  try {
    let port = Number(env.NEO4J_TEST_PORT || 7687);
    if (await portInUse(port)) {
      const other = await freePort();
      log(`port ${port} is taken (npm run neo4j:start?); the test server uses ${other} instead`);
      port = other;
    }
    const info = await startServer({
      port,
      dataDir: join(dir, 'data'),
      pidFile,
      logFile: join(dir, 'neo4j.log'),
      password,
      log,
    });
    uri = info.uri;
  } catch (err) {
    await stopServer({ pidFile, signal: 'SIGKILL' }).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the local Neo4j for the tests could not start: ${(err as Error).message}`);
  }
  log(`test server ${uri} ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  project.provide('neo4j', { available: true, uri, username: 'neo4j', password, database: 'neo4j', local: true });

  return async () => {
    // The data directory is thrown away, so there is nothing for a clean shutdown to protect.
    await stopServer({ pidFile, signal: 'SIGKILL' });
    rmSync(dir, { recursive: true, force: true });
  };
}
