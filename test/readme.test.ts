import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './seeds-helpers.js';

const readme = readFileSync(`${ROOT}README.md`, 'utf8');

/** The two quick-start commands are the first two shell blocks of the README. */
function quickStart(): string[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Quick start'))!;
  return [...section.matchAll(/```(?:sh|bash)\n([^\n]+)\n```/g)].map((m) => m[1]!);
}

describe('README', () => {
  it('quick start has two commands: the main job and the tests', () => {
    const [main, tests] = quickStart();
    expect(main).toMatch(/npm (ci|install)/);
    expect(main).toMatch(/npm start/);
    expect(tests).toMatch(/npm (ci|install)/);
    expect(tests).toMatch(/npm test/);
  });

  it('.ci/run runs exactly the README test command', () => {
    const ci = readFileSync(`${ROOT}.ci/run`, 'utf8').split('\n');
    expect(ci).toContain(quickStart()[1]);
  });

  it('documents every CLI command', async () => {
    const { commands } = await import('../src/cli/commands/index.js');
    for (const c of commands) expect(readme, c.name).toContain(`actorgraph ${c.name}`);
  });
});
