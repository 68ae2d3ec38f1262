import { describe, expect, it } from 'vitest';
import { makeFixtureGraph } from './fixture.js';
import { viewGraph } from '../../viewer/src/view.js';
import { buildIndex, search } from '../../viewer/src/search.js';
import { edgeDetails, nodeDetails } from '../../viewer/src/details.js';
import { filterGraph } from '../../viewer/src/filters.js';
import { DEFAULT_FILTERS } from '../../viewer/src/state.js';

const full = makeFixtureGraph();
const persons = viewGraph(full, { level: 'person', modality: 'asserted' });
const index = buildIndex(persons);

describe('search ranking', () => {
  it('puts the exact label first', () => {
    expect(search(index, 'Turkey')[0]).toMatchObject({ id: 'turkey', via: null });
    expect(search(index, 'turkey')[0]!.id).toBe('turkey');
  });

  it('finds by alias and says which alias matched', () => {
    expect(search(index, 'Ankara')[0]).toMatchObject({ id: 'turkey', via: 'Ankara' });
    expect(search(index, 'assad')[0]).toMatchObject({ id: 'bashar-al-assad' });
  });

  it('ranks prefixes above substrings and orders ties by mentions', () => {
    const r = search(index, 'tur');
    expect(r.map((x) => x.id).slice(0, 2)).toEqual(['turkey', 'turkmen-brigades']);
    const sub = search(index, 'ssi');
    expect(sub[0]!.id).toBe('russia');
  });

  it('ignores case and accents, returns nothing for blanks', () => {
    expect(search(index, 'TÜRKEY')[0]!.id).toBe('turkey');
    expect(search(index, '   ')).toEqual([]);
    expect(search(index, 'zzz')).toEqual([]);
    expect(search(index, 'r', 3)).toHaveLength(3);
  });
});

describe('panel details', () => {
  const actors = viewGraph(full, { level: 'actor', modality: 'asserted' });
  const shown = filterGraph(actors, { ...DEFAULT_FILTERS, hiddenTypes: [] });

  it('groups relations by type with counts, lists members and evidence with titles', () => {
    const d = nodeDetails(shown, full, 'syria')!;
    expect(d.kind).toBe('state');
    expect(d.aliases).toContain('Damascus');
    expect(d.members.map((m) => m.id)).toEqual(['bashar-al-assad']);
    const supports = d.relations.find((r) => r.type === 'supports')!;
    expect(supports.count).toBeGreaterThanOrEqual(3);
    expect(d.evidence.length).toBe(d.evidenceTotal);
    expect(d.evidence[0]!.title).toBeTruthy();
    // newest first
    expect(d.evidence[0]!.date! >= d.evidence.at(-1)!.date!).toBe(true);
  });

  it('describes an edge with its evidence', () => {
    const e = edgeDetails(shown, 'supports|turkey|syrian-rebels')!;
    expect(e.directed).toBe(true);
    expect(e.source.label).toBe('Turkey');
    expect(e.evidence[0]).toMatchObject({ sentence: 'Turkey backs the rebels fighting Assad.', title: 'Ceasefire brokered by Turkey and Russia', date: '2016-12-30' });
    expect(edgeDetails(shown, 'nope')).toBeNull();
  });
});
