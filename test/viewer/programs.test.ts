import { describe, expect, it } from 'vitest';
import { nonInstanced } from '../../viewer/src/programs.js';

// WebGL constants (Node has no WebGLRenderingContext)
const GL = { FLOAT: 5126, UNSIGNED_BYTE: 5121, TRIANGLES: 4 };

/** The shape of a sigma instanced program: per-instance attributes plus per-vertex constants. */
class FakeInstanced {
  array = new Float32Array(0);
  getDefinition() {
    return {
      VERTICES: 3,
      VERTEX_SHADER_SOURCE: 'v',
      FRAGMENT_SHADER_SOURCE: 'f',
      METHOD: GL.TRIANGLES,
      UNIFORMS: ['u_matrix'],
      ATTRIBUTES: [
        { name: 'a_position', size: 2, type: GL.FLOAT },
        { name: 'a_color', size: 4, type: GL.UNSIGNED_BYTE, normalized: true },
      ],
      CONSTANT_ATTRIBUTES: [{ name: 'a_angle', size: 1, type: GL.FLOAT }],
      CONSTANT_DATA: [[10], [20], [30]],
    };
  }
  processVisibleItem(index: number, start: number, data: { x: number; y: number }) {
    this.array[start++] = data.x;
    this.array[start++] = data.y;
    this.array[start] = index;
  }
}

describe('non-instanced programs', () => {
  it('moves the constant attributes into the per-vertex ones', () => {
    const P = nonInstanced(FakeInstanced);
    const def = new P().getDefinition();
    expect('CONSTANT_ATTRIBUTES' in def).toBe(false);
    expect('CONSTANT_DATA' in def).toBe(false);
    expect(def.ATTRIBUTES.map((a: { name: string }) => a.name)).toEqual(['a_position', 'a_color', 'a_angle']);
    expect(def.VERTICES).toBe(3);
  });

  it('writes each item once per vertex, followed by that vertex constants', () => {
    const P = nonInstanced(FakeInstanced);
    const p = new P();
    p.getDefinition();
    // two items of 3 vertices × (2 position + 1 packed colour + 1 constant) floats
    p.array = new Float32Array(24);
    p.processVisibleItem(7, 0, { x: 1, y: 2 });
    p.processVisibleItem(8, 12, { x: 3, y: 4 });
    expect([...p.array]).toEqual([1, 2, 7, 10, 1, 2, 7, 20, 1, 2, 7, 30, 3, 4, 8, 10, 3, 4, 8, 20, 3, 4, 8, 30]);
  });

  it('leaves programs that are not instanced as they are', () => {
    class Plain {
      array = new Float32Array(3);
      getDefinition() {
        return { VERTICES: 1, ATTRIBUTES: [{ name: 'a_position', size: 2, type: GL.FLOAT }] };
      }
      processVisibleItem(index: number, start: number) {
        this.array[start] = index;
      }
    }
    const p = new (nonInstanced(Plain))();
    expect(p.getDefinition()).toEqual(new Plain().getDefinition());
    p.processVisibleItem(5, 2);
    expect([...p.array]).toEqual([0, 0, 5]);
  });
});
