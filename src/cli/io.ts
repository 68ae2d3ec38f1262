import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { IngestIssue } from '../ingest/types.js';
import { type CliIO, UsageError, UserError } from './command.js';
import { readGraph } from '../graph/io.js';
import type { ActorGraph } from '../graph/types.js';

/** Write via a temporary file and rename, so an interrupted run never leaves half a file behind. */
export function writeAtomic(path: string, data: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** One line per skipped input: the path, the line when known, and why. */
export function reportIssue(io: CliIO, i: IngestIssue): void {
  io.stderr.write(`actorgraph: skipped ${i.path}${i.line ? `:${i.line}` : ''}: ${i.reason}\n`);
}

/** Pads columns so a table lines up in a terminal. */
export function table(rows: (string | number)[][], align: ('l' | 'r')[] = []): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, String(c).length)));
  return rows
    .map((r) => r.map((c, i) => (align[i] === 'r' ? String(c).padStart(widths[i]!) : String(c).padEnd(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}

/** The one graph file a command takes: a usage error when absent, a one-line user error when unreadable. */
export function graphArgument(command: string, positionals: string[]): ActorGraph {
  if (positionals.length !== 1) throw new UsageError(`${command} needs exactly one graph file`);
  try {
    return readGraph(positionals[0]!);
  } catch (err) {
    throw new UserError((err as Error).message);
  }
}
