import { describe, expect, it } from 'vitest';
import { makeFixtureGraph } from './fixture.js';
import { viewGraph } from '../../viewer/src/view.js';
import { countByType, filterGraph, histogram, inRange, nodeSize, normDate, typesIn, weightedDegree } from '../../viewer/src/filters.js';
import { DEFAULT_FILTERS, toggleType, type Filters } from '../../viewer/src/state.js';

const full = makeFixtureGraph();
const f = (patch: Partial<Filters> = {}): Filters => ({ ...DEFAULT_FILTERS, hiddenTypes: [], ...patch });
const actors = viewGraph(full, { level: 'actor', modality: 'asserted' });

describe('filterGraph', () => {
  it('keeps everything when nothing filters', () => {
    const out = filterGraph(actors, f());
    expect(out.order).toBe(actors.order);
    expect(out.size).toBe(actors.size);
  });

  it('unticking a relation type removes exactly those edges', () => {
    const before = countByType(filterGraph(actors, f()));
    expect(before['supports']).toBeGreaterThan(0);
    const out = filterGraph(actors, toggleType(f(), 'supports'));
    const after = countByType(out);
    expect(after['supports']).toBeUndefined();
    for (const t of Object.keys(before)) if (t !== 'supports') expect(after[t]).toBe(before[t]);
    // Turkmen brigades are only reached by a 'supports' edge: they disappear with it
    expect(out.hasNode('turkmen-brigades')).toBe(false);
    // ticking it again restores them
    const back = filterGraph(actors, toggleType(toggleType(f(), 'supports'), 'supports'));
    expect(countByType(back)).toEqual(before);
  });

  it('the time range keeps only edges with a mention inside it and trims their evidence', () => {
    const out = filterGraph(actors, f({ from: '2016-12-01', to: '2016-12-31' }));
    expect(out.size).toBeGreaterThan(0);
    expect(out.size).toBeLessThan(actors.size);
    out.forEachEdge((_k, a) => {
      for (const e of a.evidence) expect(e.date! >= '2016-12-01' && e.date! <= '2016-12-31').toBe(true);
      expect(a.weight).toBe(a.evidence.length);
    });
    // iran→syria support has mentions in 2014 and 2017 only
    expect(out.hasEdge('supports|iran|syria')).toBe(false);
    const open = filterGraph(actors, f({ from: '2017-01-01' }));
    expect(open.hasEdge('supports|iran|syria')).toBe(true);
    expect(open.getEdgeAttribute('supports|iran|syria', 'weight')).toBe(1);
  });

  it('does not modify the graph it filters', () => {
    const size = actors.size;
    const ev = actors.getEdgeAttribute('supports|iran|syria', 'evidence').length;
    filterGraph(actors, f({ from: '2017-01-01', hiddenTypes: ['fights'] }));
    expect(actors.size).toBe(size);
    expect(actors.getEdgeAttribute('supports|iran|syria', 'evidence').length).toBe(ev);
  });
});

describe('modality and level (through the pipeline view)', () => {
  it('asserted only by default hides planned and negated mentions', () => {
    const asserted = filterGraph(actors, f());
    expect(asserted.hasEdge('met-with|russia|united-states')).toBe(false);
    expect(asserted.hasEdge('fights|russia|turkey')).toBe(false);
    const all = filterGraph(viewGraph(full, { level: 'actor', modality: 'all' }), f({ modality: 'all' }));
    expect(all.hasEdge('met-with|russia|united-states')).toBe(true);
    expect(all.size).toBeGreaterThan(asserted.size);
  });

  it('person level shows persons and member-of edges; actor level rolls them up', () => {
    const persons = filterGraph(viewGraph(full, { level: 'person', modality: 'asserted' }), f({ level: 'person' }));
    expect(persons.hasNode('bashar-al-assad')).toBe(true);
    expect(countByType(persons)['member-of']).toBeGreaterThan(0);
    expect(actors.hasNode('bashar-al-assad')).toBe(false);
    expect(countByType(actors)['member-of']).toBeUndefined();
    expect(typesIn(persons)).toContain('member-of');
  });

  it('member-of can be toggled and parents stay visible for their persons', () => {
    const base = viewGraph(full, { level: 'person', modality: 'asserted' });
    const onlyMet = filterGraph(base, f({ level: 'person', hiddenTypes: ['allies-with', 'supports', 'negotiates-with', 'mediated-by', 'opposes', 'fights'] }));
    expect(onlyMet.hasNode('ali-larijani')).toBe(true);
    expect(onlyMet.hasNode('iran')).toBe(true); // parent of a visible person
    expect(onlyMet.hasEdge('member-of|ali-larijani|iran')).toBe(true);
    const noMember = filterGraph(base, toggleType(f({ level: 'person' }), 'member-of'));
    expect(countByType(noMember)['member-of']).toBeUndefined();
  });
});

describe('histogram and dates', () => {
  it('buckets mentions by month over the span, filling gaps', () => {
    const h = histogram(actors);
    expect(h.unit).toBe('month');
    expect(h.buckets[0]!.key).toBe('2014-11');
    expect(h.buckets.at(-1)!.key).toBe('2017-01');
    const total = h.buckets.reduce((n, b) => n + b.count, 0);
    let mentions = 0;
    actors.forEachEdge((_k, a) => (mentions += a.evidence.length));
    expect(total + h.undated).toBe(mentions);
    expect(h.buckets.find((b) => b.key === '2016-12')!.end).toBe('2016-12-31');
  });

  it('respects the type toggles', () => {
    const all = histogram(actors).buckets.reduce((n, b) => n + b.count, 0);
    const some = histogram(actors, ['supports']).buckets.reduce((n, b) => n + b.count, 0);
    expect(some).toBeLessThan(all);
  });

  it('normalises and compares dates', () => {
    expect(normDate('2016')).toBe('2016-01-01');
    expect(normDate('2016-12-30T10:00:00Z')).toBe('2016-12-30');
    expect(normDate(null)).toBeNull();
    expect(inRange(null, null, null)).toBe(true);
    expect(inRange(null, '2016-01-01', null)).toBe(false);
    expect(inRange('2016-05-01', '2016-01-01', '2016-05-01')).toBe(true);
  });
});

describe('sizes', () => {
  it('sizes by weighted degree, ignoring member-of', () => {
    const wSyria = weightedDegree(actors, 'syria');
    const wTurkmen = weightedDegree(actors, 'turkmen-brigades');
    expect(wSyria).toBeGreaterThan(wTurkmen);
    expect(nodeSize(wSyria, wSyria)).toBeGreaterThan(nodeSize(wTurkmen, wSyria));
    const persons = viewGraph(full, { level: 'person', modality: 'asserted' });
    expect(weightedDegree(persons, 'vladimir-putin')).toBe(1); // the member-of edge does not count
  });
});
