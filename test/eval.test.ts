import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/cli/commands/eval.js';
import { ROOT, SEEDS } from './seeds-helpers.js';

const GOLD = `${ROOT}test/fixtures/seeds.gold.json`;
const DEV = `${ROOT}../shared/dev`;

describe('evaluation against the gold', () => {
  it('the gold copy in test/fixtures is the shared gold', async () => {
    const shared = `${ROOT}../shared/gold/seeds.gold.json`;
    if (!existsSync(shared) && process.env.CI !== 'true') return;
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(GOLD, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });

  it('seeds: micro F1 >= 0.85 with precision >= 0.90, every sentence trap passes', async () => {
    const s = await evaluate(SEEDS, GOLD);
    expect(s.traps.length).toBeGreaterThan(0);
    expect(s.traps.filter((t) => !t.passed)).toEqual([]);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.f1).toBeGreaterThanOrEqual(0.85);
  });

  it.runIf(existsSync(`${DEV}/dev.gold.json`) || process.env.CI === 'true')('dev set (other wars): micro F1 >= 0.7 with precision >= 0.8', async () => {
    const s = await evaluate(`${DEV}/articles`, `${DEV}/dev.gold.json`);
    expect(s.precision).toBeGreaterThanOrEqual(0.8);
    expect(s.f1).toBeGreaterThanOrEqual(0.7);
  });
});
