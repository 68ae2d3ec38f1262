// Types for neo4j-launcher.mjs, so TypeScript tests can import the plain-ESM launcher.
export declare const ROOT: string;
export declare const NEO4J_DIR: string;
export declare const DEFAULT_PID_FILE: string;
export declare const DEFAULT_LOG_FILE: string;
export declare const DEFAULT_DATA_DIR: string;
export declare const DEFAULT_PASSWORD: string;

type Log = (line: string) => void;

export interface ServerInfo {
  pid: number;
  port: number;
  uri: string;
  dataDir: string;
  logFile: string;
  startedAt: string;
}

export declare function isBuilt(): boolean;
export declare function ensureBuilt(opts?: { log?: Log }): Promise<boolean>;
export declare function isAlive(pid: number): boolean;
export declare function readPidFile(pidFile?: string): ServerInfo | null;
export declare function portInUse(port: number, host?: string): Promise<boolean>;
export declare function freePort(): Promise<number>;
export declare function waitForBolt(
  uri: string,
  auth: unknown,
  opts?: { timeoutMs?: number; alive?: () => boolean; log?: Log },
): Promise<void>;
export declare function startServer(opts?: {
  port?: number;
  dataDir?: string;
  pidFile?: string;
  logFile?: string;
  password?: string;
  auth?: boolean;
  heap?: string;
  pageCache?: string;
  timeoutMs?: number;
  log?: Log;
}): Promise<ServerInfo & { alreadyRunning: boolean }>;
export declare function stopServer(opts?: {
  pidFile?: string;
  signal?: NodeJS.Signals;
  timeoutMs?: number;
  log?: Log;
}): Promise<{ stopped: boolean; pid?: number }>;
export declare const DEFAULT_HEAP: string;
export declare function gcFlags(env?: Record<string, string | undefined>): string[];
export declare function memoryFlags(platform?: string): string[];
