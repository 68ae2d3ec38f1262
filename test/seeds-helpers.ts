import { fileURLToPath } from 'node:url';
import { buildFromPaths, type BuildResult } from '../src/pipeline.js';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const SEEDS = `${ROOT}seeds`;

let seeds: Promise<BuildResult> | null = null;
/** The full seed graph, built once per test file by the real pipeline. */
export function seedBuild(): Promise<BuildResult> {
  return (seeds ??= buildFromPaths([SEEDS]));
}
