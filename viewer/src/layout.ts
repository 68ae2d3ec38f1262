/** Deterministic initial positions. Pure, no DOM. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** FNV-1a 32-bit hash of a string, for per-id deterministic jitter. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Sunflower (phyllotaxis) layout of the ids sorted; the same ids always give the
 * same positions whatever order they come in.
 */
export function initialPositions(ids: readonly string[], scale = 10): Map<string, { x: number; y: number }> {
  const sorted = [...ids].sort();
  const out = new Map<string, { x: number; y: number }>();
  sorted.forEach((id, i) => {
    const r = scale * Math.sqrt(i + 0.5);
    const theta = i * GOLDEN_ANGLE;
    out.set(id, { x: r * Math.cos(theta), y: r * Math.sin(theta) });
  });
  return out;
}

/** A position near a parent's, offset deterministically by the id's hash. */
export function nearPosition(parent: { x: number; y: number }, id: string, radius = 4): { x: number; y: number } {
  const h = hash32(id);
  const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
  const r = radius * (0.5 + ((h >>> 16) / 0x10000) * 0.5);
  return { x: parent.x + r * Math.cos(angle), y: parent.y + r * Math.sin(angle) };
}
