import { describe, expect, it } from 'vitest';
import { edges, extractText, key, traceText } from './helpers.js';

// One test per phenomenon, on sentences written for these tests (no seed or dev sentence).
describe('linguistics', () => {
  it('passive with a by-phrase: "a truce brokered by X and Y"', () => {
    const e = edges('Sudan and Chad signed a truce brokered by Qatar and Egypt.');
    expect(e).toEqual(expect.arrayContaining(['mediated-by sudan qatar', 'mediated-by chad egypt']));
  });

  it('fronted participle: "Mediated by X, the ceasefire between A and B…"', () => {
    const e = edges('Mediated by Kenya, the ceasefire between Ethiopia and Somalia took effect on Monday.');
    expect(e).toEqual(expect.arrayContaining(['mediated-by ethiopia kenya', 'mediated-by somalia kenya']));
  });

  it('compound modifiers: "X-backed", "X-brokered", "X-led"', () => {
    expect(edges('Rwanda-backed M23 rebels seized the town.')).toContain('supports rwanda m23');
    const e = edges('The Qatar-brokered deal between Israel and Hamas held for a week.');
    expect(e).toEqual(expect.arrayContaining(['mediated-by israel qatar', 'mediated-by hamas qatar']));
  });

  it('apposition: "X, Y\'s most powerful ally, …"', () => {
    expect(edges('China, Pakistan\'s closest ally, sent engineers on Monday.')).toContain('allies-with china pakistan');
  });

  it('relative clause: "X, which backs Y, …"', () => {
    expect(edges('Iran, which backs Hezbollah, denied the report.')).toContain('supports iran hezbollah');
  });

  it('possessives: "his Russian allies", "Iran\'s Larijani"', () => {
    const e = edges('Belarusian President Alexander Lukashenko thanked his Russian allies on Friday.');
    expect(e).toContain('allies-with belarus russia');
    const m = traceText("Iran's Larijani arrived in Beirut.")[1]!.mentions;
    expect(m.find((x) => x.person === 'ali-larijani')?.actor).toBe('iran');
  });

  it('coordination distributes over the other argument, no edge between conjuncts', () => {
    const e = edges('France and Germany condemned the attack by Russia on Ukraine.');
    expect(e).toEqual(expect.arrayContaining(['opposes france russia', 'opposes germany russia']));
    expect(e.some((x) => x.includes('france germany'))).toBe(false);
  });

  it('reported speech: the relation is between the reported parties, the speaker is attributedTo', () => {
    const r = extractText('Reuters reported that Japan met South Korea on Tuesday, Chinese officials said.').relations;
    const met = r.find((x) => x.type === 'met-with');
    expect([met?.source, met?.target].sort()).toEqual(['japan', 'south-korea']);
    expect(met?.attributedTo).toBeDefined();
    expect(r.some((x) => x.source === 'reuters' || x.target === 'reuters')).toBe(false);
  });

  it('media that report are not parties', () => {
    const r = extractText('Kenya told the BBC that it backs Somalia.').relations;
    expect(r.some((x) => x.source === 'bbc' || x.target === 'bbc')).toBe(false);
  });

  it('modality: planned, hypothetical and negated are kept apart from asserted', () => {
    const mod = (t: string) => extractText(t).relations.map((r) => r.modality);
    expect(mod('Peru and Chile were set to meet in Lima.')).toContain('planned');
    expect(mod('Norway could host talks between Colombia and the ELN.').every((m) => m !== 'asserted')).toBe(true);
    expect(mod('Serbia did not meet Kosovo on Friday.')).toEqual(expect.arrayContaining(['negated']));
    expect(mod('Serbia failed to reach a deal with Kosovo.').every((m) => m !== 'asserted')).toBe(true);
    expect(edges('Mexico invited Cuba to the summit.')).not.toContain('met-with cuba mexico');
  });

  it('places are not parties: "talks in Hamburg", "Germany\'s Hamburg"', () => {
    const r = extractText("Greece and Turkey held talks in Germany's Hamburg on Monday.").relations;
    expect(r.some((x) => x.source === 'germany' || x.target === 'germany')).toBe(false);
    expect(r.find((x) => x.type === 'met-with')?.place).toBeDefined();
  });

  it('demonym + agent words resolve to the country, and the sector is kept', () => {
    expect(edges('Turkish troops clashed with Kurdish fighters near the border.')).toContain('fights kurdish-groups turkey');
    const m = traceText('Iranian officials met Saudi diplomats in Baghdad.')[1]!.mentions;
    expect(m.map((x) => [x.actor, x.sector])).toEqual(expect.arrayContaining([['iran', 'government'], ['saudi-arabia', 'diplomats']]));
  });

  it('"met his Iranian counterpart": the counterpart is the other party', () => {
    expect(edges('Turkish Foreign Minister Hakan Fidan met his Iranian counterpart in Ankara on Monday.')).toContain('met-with iran turkey');
  });

  it('surnames and pronouns resolve to the person met earlier in the article', () => {
    const r = extractText('Turkish Foreign Minister Hakan Fidan arrived in Tehran on Sunday. Fidan later met Iranian officials. He also criticised Israel.').relations;
    expect(r.some((x) => x.type === 'met-with' && x.sourcePerson === 'hakan-fidan' || x.targetPerson === 'hakan-fidan')).toBe(true);
    expect(r.some((x) => x.type === 'opposes' && x.source === 'turkey' && x.target === 'israel')).toBe(true);
  });

  it('an actor in no dictionary is discovered, not dropped', () => {
    const x = extractText('Malian troops fought the Azawad Liberation Front near Kidal.');
    expect(x.relations.map(key)).toContain('fights azawad-liberation-front mali');
    expect(x.actors.find((a) => a.id === 'azawad-liberation-front')).toMatchObject({ kind: 'armed-group', origin: 'discovered' });
    expect(extractText('Kenyan rebels attacked Somali troops.').actors.find((a) => a.id === 'kenya-rebels')?.kind).toBe('armed-group');
  });
});
