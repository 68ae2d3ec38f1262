// The Neo4j store: the one module the CLI and tests import.
export { neo4jConfig, DEFAULTS, type Neo4jConfig } from './config.js';
export { connect, openDriver, storeError, type DriverOptions } from './driver.js';
export { loadGraph, loadRecords, ensureSchema, DEFAULT_BATCH_SIZE, type LoadOptions, type LoadProgress, type LoadResult } from './load.js';
export { pullGraph, pullRecords } from './pull.js';
export { runQuery, type QueryOptions, type QueryResult } from './query.js';
export { KIND_LABELS, REL_TYPES } from './schema.js';
