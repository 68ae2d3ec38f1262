/** Where to find Neo4j: the standard variables Neo4j's own tools read, with a local default. */
export interface Neo4jConfig {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export const DEFAULTS: Neo4jConfig = {
  uri: 'bolt://127.0.0.1:7687',
  username: 'neo4j',
  // The password `npm run neo4j:start` gives the local server; Neo4j needs at least 8 characters.
  password: 'actorgraph',
  database: 'neo4j',
};

export function neo4jConfig(env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  const pick = (name: string, fallback: string) => {
    const v = env[name];
    return v === undefined || v === '' ? fallback : v;
  };
  return {
    uri: pick('NEO4J_URI', DEFAULTS.uri),
    username: pick('NEO4J_USERNAME', DEFAULTS.username),
    password: pick('NEO4J_PASSWORD', DEFAULTS.password),
    database: pick('NEO4J_DATABASE', DEFAULTS.database),
  };
}
