/**
 * Non-instanced versions of sigma's WebGL programs.
 *
 * Sigma 3 draws nodes and edges with instanced draws (one small mesh repeated per
 * item). Without a GPU, Chromium's WebGL runs on SwiftShader, which executes every
 * instance of an instanced draw as its own draw: 5,000 nodes cost ~100 ms a frame
 * and 50,000 edges several seconds. The same meshes written out vertex by vertex
 * (the per-vertex constants appended to each vertex) go through one plain draw
 * call. The shaders are unchanged, so the picture is identical; the cost is a
 * vertex buffer a few times larger, which GPUs do not mind either.
 */
import type { ProgramDefinition } from 'sigma/rendering';

type Attributes = ProgramDefinition['ATTRIBUTES'];

/** Floats attributes take in sigma's buffers: normalized ones are packed into one (sigma's getAttributesItemsCount). */
const itemsCount = (attrs: Attributes): number => attrs.reduce((n, a) => n + (a.normalized ? 1 : a.size), 0);

// sigma's program classes differ in their constructor and processVisibleItem signatures
// (nodes, edges): the wrapper only forwards them
type ProgramClass = abstract new (...args: any[]) => any;

interface Layout {
  vertices: number;
  /** Floats one instance's attributes take. */
  instanceItems: number;
  /** The constant attributes of each vertex, as floats. */
  constants: number[][];
}

interface InstancedDefinition extends ProgramDefinition {
  CONSTANT_ATTRIBUTES: Attributes;
  CONSTANT_DATA: number[][];
}

/** The same program drawn without instancing (programs that are not instanced come back as they are). */
export function nonInstanced<C extends ProgramClass>(Base: C): C {
  // not a class field: fields are (re)defined after super(), and sigma's constructor reads the definition
  const layouts = new WeakMap<object, Layout>();
  // @ts-expect-error a mixin over an abstract class with an any[] constructor
  class NonInstanced extends Base {
    getDefinition(): ProgramDefinition {
      const def = super.getDefinition() as ProgramDefinition | InstancedDefinition;
      if (!('CONSTANT_ATTRIBUTES' in def)) return def;
      layouts.set(this, {
        vertices: def.VERTICES,
        instanceItems: itemsCount(def.ATTRIBUTES),
        constants: def.CONSTANT_DATA,
      });
      const { CONSTANT_ATTRIBUTES, CONSTANT_DATA: _data, ...rest } = def;
      return { ...rest, ATTRIBUTES: [...def.ATTRIBUTES, ...CONSTANT_ATTRIBUTES] };
    }

    // nodes pass (index, start, data), edges (index, start, source, target, data)
    processVisibleItem(index: number, startIndex: number, a: unknown, b: unknown, c: unknown): void {
      super.processVisibleItem(index, startIndex, a, b, c);
      const layout = layouts.get(this);
      if (!layout) return;
      // the base program wrote one instance's attributes at startIndex: the first vertex; each
      // vertex gets them, then its own constants
      const array = this.array as Float32Array;
      const n = layout.instanceItems;
      let k = startIndex + n;
      for (let v = 0; v < layout.vertices; v++) {
        if (v > 0) for (let i = 0; i < n; i++) array[k++] = array[startIndex + i]!;
        const constants = layout.constants[v]!;
        for (let j = 0; j < constants.length; j++) array[k++] = constants[j]!;
      }
    }
  }
  return NonInstanced as unknown as C;
}
