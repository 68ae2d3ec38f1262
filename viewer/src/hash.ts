/** The URL hash keeps the selected node and the filters, so a view can be shared. */
import { DEFAULT_FILTERS, type Filters } from './state.js';

export interface HashState {
  filters: Filters;
  selectedNode: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function encodeHash(state: HashState): string {
  const p = new URLSearchParams();
  const f = state.filters;
  if (state.selectedNode) p.set('node', state.selectedNode);
  if (f.level !== DEFAULT_FILTERS.level) p.set('level', f.level);
  if (f.modality !== DEFAULT_FILTERS.modality) p.set('modality', f.modality);
  if (f.hiddenTypes.length) p.set('off', [...f.hiddenTypes].sort().join(','));
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  const s = p.toString();
  return s ? `#${s}` : '';
}

/** Parses a hash; anything unknown or malformed falls back to the default. */
export function decodeHash(hash: string, knownTypes?: readonly string[]): HashState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const level = p.get('level');
  const modality = p.get('modality');
  const date = (v: string | null) => (v && ISO_DATE.test(v) ? v : null);
  let hidden = (p.get('off') ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  if (knownTypes) hidden = hidden.filter((t) => knownTypes.includes(t));
  let from = date(p.get('from'));
  let to = date(p.get('to'));
  if (from && to && from > to) [from, to] = [to, from];
  return {
    filters: {
      level: level === 'person' || level === 'actor' ? level : DEFAULT_FILTERS.level,
      modality: modality === 'all' || modality === 'asserted' ? modality : DEFAULT_FILTERS.modality,
      hiddenTypes: [...new Set(hidden)].sort(),
      from,
      to,
    },
    selectedNode: p.get('node') || null,
  };
}
