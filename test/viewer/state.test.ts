import { describe, expect, it, vi } from 'vitest';
import { decodeHash, encodeHash } from '../../viewer/src/hash.js';
import { DEFAULT_FILTERS, Store, initialState, sameFilters, toggleType } from '../../viewer/src/state.js';
import { initialPositions, nearPosition } from '../../viewer/src/layout.js';

describe('URL hash', () => {
  it('round-trips the selected node and every filter', () => {
    const state = {
      selectedNode: 'turkey',
      filters: { level: 'person' as const, modality: 'all' as const, hiddenTypes: ['met-with', 'fights'].sort(), from: '2015-01-01', to: '2016-12-31' },
    };
    const hash = encodeHash(state);
    expect(hash.startsWith('#')).toBe(true);
    expect(decodeHash(hash)).toEqual(state);
  });

  it('is empty for the default view and decodes to defaults', () => {
    expect(encodeHash({ selectedNode: null, filters: { ...DEFAULT_FILTERS, hiddenTypes: [] } })).toBe('');
    expect(decodeHash('')).toEqual({ selectedNode: null, filters: { ...DEFAULT_FILTERS, hiddenTypes: [] } });
  });

  it('encodes awkward ids safely', () => {
    const id = 'a&b=c #d/é';
    expect(decodeHash(encodeHash({ selectedNode: id, filters: { ...DEFAULT_FILTERS, hiddenTypes: [] } })).selectedNode).toBe(id);
  });

  it('falls back to defaults on malformed values', () => {
    const s = decodeHash('#level=galaxy&modality=maybe&from=yesterday&to=2016-13&off=,supports,,bogus', ['supports']);
    expect(s.filters).toEqual({ level: 'actor', modality: 'asserted', hiddenTypes: ['supports'], from: null, to: null });
  });

  it('swaps a reversed range', () => {
    const s = decodeHash('#from=2017-01-01&to=2015-01-01');
    expect([s.filters.from, s.filters.to]).toEqual(['2015-01-01', '2017-01-01']);
  });
});

describe('store', () => {
  it('notifies with the new and previous state and never mutates', () => {
    const store = new Store(initialState());
    const first = store.get();
    const seen = vi.fn();
    const off = store.subscribe(seen);
    store.setFilters({ level: 'person' });
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen.mock.calls[0]![1]).toBe(first);
    expect(first.filters.level).toBe('actor');
    expect(store.get().filters.level).toBe('person');
    off();
    store.set({ selectedNode: 'iran' });
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('toggles types and compares filters', () => {
    const a = { ...DEFAULT_FILTERS, hiddenTypes: [] };
    const b = toggleType(a, 'supports');
    expect(b.hiddenTypes).toEqual(['supports']);
    expect(toggleType(b, 'supports').hiddenTypes).toEqual([]);
    expect(toggleType(b, 'supports', false).hiddenTypes).toEqual(['supports']);
    expect(sameFilters(a, b)).toBe(false);
    expect(sameFilters(a, toggleType(b, 'supports'))).toBe(true);
  });
});

describe('initial positions', () => {
  it('are deterministic and independent of input order', () => {
    const a = initialPositions(['c', 'a', 'b']);
    const b = initialPositions(['b', 'c', 'a']);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    expect(nearPosition({ x: 0, y: 0 }, 'x')).toEqual(nearPosition({ x: 0, y: 0 }, 'x'));
    const ps = [...a.values()];
    expect(new Set(ps.map((p) => `${p.x},${p.y}`)).size).toBe(3);
  });
});
