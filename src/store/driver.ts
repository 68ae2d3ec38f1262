import neo4j, { type Driver } from 'neo4j-driver';
import { UserError } from '../cli/command.js';
import type { Neo4jConfig } from './config.js';

export interface DriverOptions {
  /** How long to wait for a TCP connection; small so "no server" fails in seconds. */
  connectionTimeoutMs?: number;
  /** How long managed transactions keep retrying transient errors and lost connections. */
  maxRetryMs?: number;
}

// The driver has no default database of its own; remembering NEO4J_DATABASE per
// driver lets callers that only hold a driver (serve --neo4j) still honour it.
const databases = new WeakMap<Driver, string>();

export function databaseOf(driver: Driver): string | undefined {
  return databases.get(driver);
}

export function openDriver(cfg: Neo4jConfig, opts: DriverOptions = {}): Driver {
  const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.username, cfg.password), {
    connectionTimeout: opts.connectionTimeoutMs ?? 5_000,
    connectionAcquisitionTimeout: 30_000,
    maxTransactionRetryTime: opts.maxRetryMs ?? 15_000,
    userAgent: 'actorgraph',
  });
  databases.set(driver, cfg.database);
  return driver;
}

/** Opens a driver and proves it can log in, so later failures are not about reaching the server. */
export async function connect(cfg: Neo4jConfig, opts: DriverOptions = {}): Promise<Driver> {
  const driver = openDriver(cfg, opts);
  try {
    await driver.verifyConnectivity({ database: cfg.database });
    return driver;
  } catch (err) {
    await driver.close().catch(() => {});
    throw storeError(err, cfg);
  }
}

interface DriverError {
  code?: string;
  message?: string;
  cause?: { message?: string };
}

/** The driver's wording buries the reason at the end ("… Caused by: connect ECONNREFUSED …"). */
function reason(err: DriverError): string {
  const messages = [err.message ?? '', err.cause?.message ?? ''];
  for (const m of messages) {
    const i = m.lastIndexOf('Caused by:');
    if (i >= 0) return m.slice(i + 'Caused by:'.length).trim();
  }
  return (err.message ?? String(err)).split('\n')[0]!;
}

/**
 * Turns a driver or server error into the one line a user sees. Server errors
 * (syntax, constraint, missing database) keep the server's own message; other
 * errors pass through unchanged.
 */
export function storeError(err: unknown, cfg: Pick<Neo4jConfig, 'uri' | 'username' | 'database'>): Error {
  if (err instanceof UserError) return err;
  const e = (err ?? {}) as DriverError;
  const code = e.code ?? '';
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return new UserError(`cannot reach Neo4j at ${cfg.uri}: ${reason(e)}`);
  }
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return new UserError(
      `Neo4j at ${cfg.uri} refused the login of user "${cfg.username}": wrong username or password (set NEO4J_USERNAME and NEO4J_PASSWORD)`,
    );
  }
  if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new UserError(`Neo4j at ${cfg.uri} locked the login after too many failed attempts; wait and retry`);
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new UserError(`Neo4j at ${cfg.uri} has no database "${cfg.database}" (set NEO4J_DATABASE): ${e.message ?? ''}`.trim());
  }
  if (code.startsWith('Neo.')) {
    return new UserError(`Neo4j: ${(e.message ?? code).trim()}`);
  }
  if (code) return new UserError(`Neo4j at ${cfg.uri}: ${reason(e)}`);
  // Not from the driver: a bug, whose stack should stay visible.
  return err instanceof Error ? err : new Error(String(err));
}
