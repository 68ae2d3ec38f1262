import { describe, expect, it } from 'vitest';
import { edgeProgram, parallelCurvatures } from '../../viewer/src/parallel.js';

describe('parallel edges', () => {
  it('leaves a lone edge straight', () => {
    expect(parallelCurvatures([{ key: 'a', source: 'x', target: 'y' }])).toEqual(new Map([['a', 0]]));
  });

  it('fans two edges between the same nodes out to both sides, whatever their direction', () => {
    const c = parallelCurvatures([
      { key: 'supports|x|y', source: 'x', target: 'y' },
      { key: 'opposes|y|x', source: 'y', target: 'x' },
    ]);
    const a = c.get('supports|x|y')!;
    const b = c.get('opposes|y|x')!;
    expect(a).not.toBe(0);
    expect(b).not.toBe(0);
    // a curvature bends relative to the edge's own direction, so opposite directions with the
    // same sign land on opposite sides of the x–y line
    expect(Math.sign(a)).toBe(Math.sign(b));
    // same direction: opposite signs
    const same = parallelCurvatures([
      { key: 'supports|x|y', source: 'x', target: 'y' },
      { key: 'opposes|x|y', source: 'x', target: 'y' },
    ]);
    expect(same.get('supports|x|y')).toBe(-same.get('opposes|x|y')!);
  });

  it('keeps the middle edge of an odd bundle straight and is symmetric', () => {
    const edges = ['a', 'b', 'c'].map((key) => ({ key, source: 'p', target: 'q' }));
    const c = parallelCurvatures(edges);
    expect(c.get('b')).toBe(0);
    expect(c.get('a')).toBe(-c.get('c')!);
    expect(Math.abs(c.get('a')!)).toBeGreaterThan(0);
  });

  it('is deterministic: input order does not matter', () => {
    const edges = ['k1', 'k2', 'k3', 'k4'].map((key, i) => ({ key, source: i % 2 ? 'p' : 'q', target: i % 2 ? 'q' : 'p' }));
    expect(parallelCurvatures(edges)).toEqual(parallelCurvatures([...edges].reverse()));
    // in the pair's canonical direction (p → q) every edge bends differently
    const c = parallelCurvatures(edges);
    expect(new Set(edges.map((e) => c.get(e.key)! * (e.source <= e.target ? 1 : -1))).size).toBe(4);
  });

  it('picks the sigma program: arrows for directed types, curves for parallel edges', () => {
    expect(edgeProgram(true, 0)).toBe('arrow');
    expect(edgeProgram(false, 0)).toBe('line');
    expect(edgeProgram(true, 0.3)).toBe('curvedArrow');
    expect(edgeProgram(false, -0.3)).toBe('curved');
  });
});
