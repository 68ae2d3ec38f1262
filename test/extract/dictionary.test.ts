import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDictionary } from '../../src/extract/dictionary.js';
import gold from '../fixtures/seeds.gold.json' with { type: 'json' };
import { traceText } from './helpers.js';
import { tempDir } from '../temp-dir.js';

const dict = loadDictionary();

function mentioned(text: string): string[] {
  return traceText(text).flatMap((t) => t.mentions.filter((m) => !m.place && !m.media).map((m) => m.actor));
}

describe('the dictionary', () => {
  it('holds every gold actor with its canonical id and kind', () => {
    for (const [id, a] of Object.entries(gold.actors)) {
      const entry = dict.actors.get(id);
      expect(entry, id).toBeDefined();
      expect(entry!.kind, id).toBe(a.kind);
    }
  });

  it('lists every gold alias of every gold actor', () => {
    for (const [id, a] of Object.entries(gold.actors) as [string, { aliases?: string[] }][]) {
      const e = dict.actors.get(id)!;
      const all = new Set([e.label, ...(e.aliases ?? []), ...(e.demonyms ?? []), ...(e.metonyms ?? []), ...(e.generic ?? [])]);
      for (const alias of a.aliases ?? []) expect(all.has(alias), `${id}: ${alias}`).toBe(true);
    }
  });

  it('covers every UN member state with an ISO-3 code', () => {
    const states = [...dict.actors.values()].filter((a) => a.kind === 'state');
    expect(states.length).toBeGreaterThanOrEqual(197);
    for (const s of states) expect(s.iso3, s.id).toMatch(/^[A-Z]{3}$/);
    expect(new Set(states.map((s) => s.iso3)).size).toBe(states.length);
  });
});

describe('mention resolution', () => {
  it('names, short names and abbreviations', () => {
    expect(mentioned('The United Kingdom and the UAE spoke.')).toEqual(['united-kingdom', 'united-arab-emirates']);
  });

  it('demonym + agent word resolves to the state ("Kenyan troops")', () => {
    const t = traceText('Kenyan troops entered the town.')[1]!;
    const m = t.mentions.find((x) => x.actor === 'kenya');
    expect(m?.sector).toBe('military');
  });

  it('seat of government stands for the state, but "in <capital>" is a place', () => {
    const m = traceText('Beijing criticised the talks in Tokyo.')[1]!.mentions;
    expect(m.find((x) => x.actor === 'china')?.place).toBeFalsy();
    expect(m.find((x) => x.actor === 'japan')?.place).toBe(true);
  });

  it('a title + name creates a person with the affiliation the text gives', () => {
    const m = traceText('Kenyan Foreign Minister Amina Odhiambo arrived.')[1]!.mentions;
    const p = m.find((x) => x.person);
    expect(p?.actor).toBe('kenya');
    expect(p?.person).toBe('amina-odhiambo');
  });

  it('a user dictionary merges over the built-in one', () => {
    const dir = tempDir('actorgraph-dict-');
    const file = join(dir, 'mine.json');
    writeFileSync(file, JSON.stringify({ actors: [{ id: 'blue-brigade', kind: 'armed-group', label: 'Blue Brigade', aliases: ['Blue Brigade', 'BBx'] }, { id: 'kenya', kind: 'state', label: 'Kenya', aliases: ['Jamhuri ya Kenya'] }] }));
    const d = loadDictionary({ actorsFile: file });
    expect(d.actors.get('blue-brigade')?.kind).toBe('armed-group');
    expect(d.actors.get('kenya')?.aliases).toContain('Jamhuri ya Kenya');
    expect(d.actors.get('kenya')?.aliases).toContain('Kenya');
    expect(d.version).not.toBe(dict.version);
  });
});
