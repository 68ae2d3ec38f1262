import type { Driver } from 'neo4j-driver';
import { neo4jConfig, type Neo4jConfig } from './config.js';
import { connect, storeError, type DriverOptions } from './driver.js';

/**
 * Connects with the configuration in `env`, runs `work`, always closes the
 * driver, and turns driver and server errors into one-line UserErrors.
 */
export async function withNeo4j<T>(
  env: NodeJS.ProcessEnv,
  work: (driver: Driver, cfg: Neo4jConfig) => Promise<T>,
  opts: DriverOptions = {},
): Promise<T> {
  const cfg = neo4jConfig(env);
  const driver = await connect(cfg, opts);
  try {
    return await work(driver, cfg);
  } catch (err) {
    throw storeError(err, cfg);
  } finally {
    await driver.close().catch(() => {});
  }
}
