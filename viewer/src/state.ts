/**
 * Application state: the filters (which derive the filtered graph from the
 * stored one) and the interaction state (selection, hover) that only the
 * renderer's reducers read. No DOM here, so it is unit-tested in Node.
 */
export type Level = 'actor' | 'person';
export type ModalityFilter = 'asserted' | 'all';

export interface Filters {
  level: Level;
  modality: ModalityFilter;
  /** Relation types switched off in the legend, sorted. */
  hiddenTypes: string[];
  /** Inclusive ISO dates (YYYY-MM-DD) of the time range; null = open end. */
  from: string | null;
  to: string | null;
}

export interface AppState {
  filters: Filters;
  selectedNode: string | null;
  selectedEdge: string | null;
  hoveredNode: string | null;
  layoutRunning: boolean;
}

export const DEFAULT_FILTERS: Readonly<Filters> = Object.freeze({
  level: 'actor',
  modality: 'asserted',
  hiddenTypes: [],
  from: null,
  to: null,
});

export function initialState(partial: Partial<AppState> = {}): AppState {
  return {
    filters: { ...DEFAULT_FILTERS, hiddenTypes: [] },
    selectedNode: null,
    selectedEdge: null,
    hoveredNode: null,
    layoutRunning: false,
    ...partial,
  };
}

export function toggleType(filters: Filters, type: string, visible?: boolean): Filters {
  const hidden = new Set(filters.hiddenTypes);
  const show = visible ?? hidden.has(type);
  if (show) hidden.delete(type);
  else hidden.add(type);
  return { ...filters, hiddenTypes: [...hidden].sort() };
}

export function sameFilters(a: Filters, b: Filters): boolean {
  return a.level === b.level && a.modality === b.modality && a.from === b.from && a.to === b.to &&
    a.hiddenTypes.length === b.hiddenTypes.length && a.hiddenTypes.every((t, i) => t === b.hiddenTypes[i]);
}

export type Listener = (state: AppState, previous: AppState) => void;

/** A minimal observable store. State objects are replaced, never mutated. */
export class Store {
  private state: AppState;
  private listeners = new Set<Listener>();

  constructor(initial: AppState = initialState()) {
    this.state = initial;
  }

  get(): AppState {
    return this.state;
  }

  set(patch: Partial<AppState>): void {
    const previous = this.state;
    const next = { ...previous, ...patch };
    if (patch.filters) next.filters = { ...patch.filters, hiddenTypes: [...patch.filters.hiddenTypes].sort() };
    this.state = next;
    for (const l of [...this.listeners]) l(next, previous);
  }

  setFilters(patch: Partial<Filters>): void {
    this.set({ filters: { ...this.state.filters, ...patch } });
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
