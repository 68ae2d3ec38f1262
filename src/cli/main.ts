import { readFileSync } from 'node:fs';
import { type CliIO, EXIT, UsageError, UserError } from './command.js';
import { commands } from './commands/index.js';

function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function topHelp(): string {
  const all = commands;
  const w = Math.max(...all.map((c) => c.name.length));
  return `actorgraph ${version()}: a knowledge graph of political actors and their relations, from news articles

Usage: actorgraph COMMAND [options]

Commands:
${all.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`).join('\n')}

Run 'actorgraph COMMAND --help' for a command's options.`;
}

export async function main(argv: string[], io: CliIO = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(topHelp() + '\n');
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(version() + '\n');
    return EXIT.ok;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    io.stderr.write(`actorgraph: unknown command "${name}"\nRun 'actorgraph --help' for the list of commands.\n`);
    return EXIT.usage;
  }
  try {
    return await cmd.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`actorgraph ${cmd.name}: ${err.message}\nRun 'actorgraph ${cmd.name} --help' for usage.\n`);
      return EXIT.usage;
    }
    if (err instanceof UserError) {
      io.stderr.write(`actorgraph ${cmd.name}: ${err.message}\n`);
      return err.exitCode;
    }
    const e = err as NodeJS.ErrnoException;
    // Filesystem errors are the user's to fix: say which path, not a stack.
    if (e && typeof e.code === 'string' && e.path) {
      io.stderr.write(`actorgraph ${cmd.name}: ${e.path}: ${e.code === 'ENOENT' ? 'no such file or directory' : e.code === 'EACCES' ? 'permission denied' : e.message}\n`);
      return EXIT.failure;
    }
    throw err;
  }
}
