// Builds and runs the in-process Neo4j launcher in neo4j/. Plain ESM so it works
// before TypeScript is compiled; scripts/neo4j.mjs and the vitest global setup share it.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const NEO4J_DIR = join(ROOT, 'neo4j');
export const DEFAULT_PID_FILE = join(NEO4J_DIR, 'neo4j.pid');
export const DEFAULT_LOG_FILE = join(NEO4J_DIR, 'neo4j.log');
export const DEFAULT_DATA_DIR = join(NEO4J_DIR, 'data');
export const DEFAULT_PASSWORD = 'actorgraph';
// Bounded, but large enough that 5,000-row write transactions do not spend their time in GC: with 1 GB
// young collections paused the server for a sixth of a bulk load.
export const DEFAULT_HEAP = '2g';
export const DEFAULT_PAGE_CACHE = '512m';

const JAR = join(NEO4J_DIR, 'target', 'actorgraph-neo4j.jar');
const LIB = join(NEO4J_DIR, 'target', 'lib');
const SOURCES = [join(NEO4J_DIR, 'pom.xml'), join(NEO4J_DIR, 'src', 'main', 'java', 'actorgraph', 'Launcher.java')];

// The flags Neo4j's own neo4j.conf passes; without the sun.nio.ch and java.io opens
// debug.log fills with file-descriptor warnings.
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+ExitOnOutOfMemoryError',
];

/**
 * The parallel collector, unless the user chose one in JAVA_TOOL_OPTIONS (two would stop the JVM). On two
 * cores G1's concurrent work and write barriers cost bulk loads more than its shorter pauses are worth
 * to a local development server.
 */
export function gcFlags(env = process.env) {
  return /-XX:\+Use\w+GC\b/.test(env.JAVA_TOOL_OPTIONS ?? '') ? [] : ['-XX:+UseParallelGC'];
}

/**
 * The heap touched at start, as Neo4j's own configuration does (`-XX:+AlwaysPreTouch`), and on Linux backed
 * by transparent huge pages: on these two-core machines that took 6% off the server's CPU per bulk load
 * and 5% off its time (two servers side by side, 100,000-mention loads alternated between them).
 * Elsewhere the JVM has no such pages to ask for.
 */
export function memoryFlags(platform = process.platform) {
  return ['-XX:+AlwaysPreTouch', ...(platform === 'linux' ? ['-XX:+UseTransparentHugePages'] : [])];
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** True when the launcher jar and its dependencies exist and are newer than the sources. */
export function isBuilt() {
  if (!existsSync(JAR) || !existsSync(LIB) || readdirSync(LIB).length === 0) return false;
  const built = statSync(JAR).mtimeMs;
  return SOURCES.every((f) => !existsSync(f) || statSync(f).mtimeMs <= built);
}

/** Runs Maven only when the jars are missing or older than the sources (a cold build downloads ~123 MB). */
export async function ensureBuilt({ log = () => {} } = {}) {
  if (isBuilt()) return false;
  log('building the Neo4j launcher with Maven (the first build downloads about 123 MB) …');
  await new Promise((resolveBuild, reject) => {
    const mvn = spawn('mvn', ['-q', '-B', 'package', 'dependency:copy-dependencies'], {
      cwd: NEO4J_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    mvn.stdout.on('data', (d) => (out += d));
    mvn.stderr.on('data', (d) => (out += d));
    mvn.on('error', (err) => reject(new Error(`cannot run mvn: ${err.message}`)));
    mvn.on('exit', (code) =>
      code === 0 ? resolveBuild() : reject(new Error(`mvn failed (exit ${code}):\n${out.slice(-4000)}`)),
    );
  });
  return true;
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A recycled pid must not be mistaken for our server.
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('actorgraph.Launcher');
  } catch {
    return true;
  }
}

export function readPidFile(pidFile = DEFAULT_PID_FILE) {
  try {
    const info = JSON.parse(readFileSync(pidFile, 'utf8'));
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

export function portInUse(port, host = '127.0.0.1') {
  return new Promise((res) => {
    const srv = createServer();
    srv.once('error', () => res(true));
    srv.listen(port, host, () => srv.close(() => res(false)));
  });
}

/** A port the OS says is free right now. */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** Polls until the driver verifies connectivity; Bolt accepting TCP is not enough. */
export async function waitForBolt(uri, auth, { timeoutMs = 120_000, alive = () => true, log = () => {} } = {}) {
  const started = Date.now();
  let lastError = 'no answer yet';
  let lastReport = 0;
  while (Date.now() - started < timeoutMs) {
    if (!alive()) throw new Error(`Neo4j exited while starting (last error: ${lastError})`);
    const driver = neo4j.driver(uri, auth, { connectionTimeout: 2000, maxConnectionPoolSize: 1 });
    try {
      await driver.verifyConnectivity();
      return;
    } catch (err) {
      lastError = err.message;
    } finally {
      await driver.close();
    }
    const secs = Math.round((Date.now() - started) / 1000);
    if (secs - lastReport >= 2) {
      lastReport = secs;
      log(`waiting for Neo4j at ${uri} … ${secs}s`);
    }
    await sleep(500);
  }
  throw new Error(`Neo4j did not answer at ${uri} within ${Math.round(timeoutMs / 1000)}s (last error: ${lastError})`);
}

function tail(file, lines = 20) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Starts the launcher in the background, waits until the driver connects and
 * writes the pid file. If the pid file names a live server it is reused.
 */
export async function startServer({
  port = 7687,
  dataDir = DEFAULT_DATA_DIR,
  pidFile = DEFAULT_PID_FILE,
  logFile = DEFAULT_LOG_FILE,
  password = process.env.NEO4J_PASSWORD || DEFAULT_PASSWORD,
  auth = true,
  heap = process.env.NEO4J_HEAP || DEFAULT_HEAP,
  pageCache = process.env.NEO4J_PAGECACHE || DEFAULT_PAGE_CACHE,
  timeoutMs = 120_000,
  log = () => {},
} = {}) {
  const credentials = auth ? neo4j.auth.basic('neo4j', password) : neo4j.auth.none();
  const running = readPidFile(pidFile);
  if (running && isAlive(running.pid)) {
    await waitForBolt(running.uri, credentials, { timeoutMs, alive: () => isAlive(running.pid), log });
    return { ...running, alreadyRunning: true };
  }
  if (running) rmSync(pidFile, { force: true });
  if (auth && password.length < 8) throw new Error('NEO4J_PASSWORD must have at least 8 characters');
  if (await portInUse(port)) throw new Error(`port ${port} on 127.0.0.1 is already in use (another Neo4j?); pick another with --port`);

  await ensureBuilt({ log });
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(dirname(pidFile), { recursive: true });
  const out = openSync(logFile, 'a');
  const args = [
    // initial = maximum, as Neo4j's own configuration advises: no pauses to grow the heap mid-load
    `-Xms${heap}`,
    `-Xmx${heap}`,
    ...JVM_FLAGS,
    ...gcFlags(),
    ...memoryFlags(),
    '-cp',
    `${JAR}:${LIB}/*`,
    'actorgraph.Launcher',
    '--port',
    String(port),
    '--data-dir',
    dataDir,
    '--page-cache',
    pageCache,
    ...(auth ? [] : ['--no-auth']),
  ];
  // The password travels in the environment so it never shows in `ps`.
  const child = spawn('java', args, {
    cwd: NEO4J_DIR,
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, NEO4J_PASSWORD: password },
  });
  closeSync(out);
  let exited = false;
  child.on('exit', () => (exited = true));
  child.unref();
  const uri = `bolt://127.0.0.1:${port}`;
  const info = { pid: child.pid, port, uri, dataDir, logFile, startedAt: new Date().toISOString() };
  writeFileSync(pidFile, JSON.stringify(info, null, 2) + '\n');
  try {
    await waitForBolt(uri, credentials, { timeoutMs, alive: () => !exited && isAlive(child.pid), log });
  } catch (err) {
    if (isAlive(child.pid)) process.kill(child.pid, 'SIGKILL');
    rmSync(pidFile, { force: true });
    const logTail = tail(logFile);
    throw new Error(`${err.message}${logTail ? `\n--- ${logFile} ---\n${logTail}` : ''}`);
  }
  return { ...info, alreadyRunning: false };
}

/** Stops the server named by the pid file and waits for the process to exit. */
export async function stopServer({ pidFile = DEFAULT_PID_FILE, signal = 'SIGTERM', timeoutMs = 60_000, log = () => {} } = {}) {
  const info = readPidFile(pidFile);
  if (!info || !isAlive(info.pid)) {
    rmSync(pidFile, { force: true });
    return { stopped: false };
  }
  process.kill(info.pid, signal);
  const started = Date.now();
  let lastReport = 0;
  let killed = signal === 'SIGKILL';
  while (isAlive(info.pid)) {
    const elapsed = Date.now() - started;
    if (elapsed > timeoutMs && !killed) {
      log(`Neo4j did not stop within ${Math.round(timeoutMs / 1000)}s; killing it`);
      process.kill(info.pid, 'SIGKILL');
      killed = true;
    }
    const secs = Math.round(elapsed / 1000);
    if (secs - lastReport >= 3) {
      lastReport = secs;
      log(`waiting for Neo4j (pid ${info.pid}) to stop … ${secs}s`);
    }
    await sleep(200);
  }
  rmSync(pidFile, { force: true });
  return { stopped: true, pid: info.pid };
}
