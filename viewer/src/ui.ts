/** DOM controllers: legends, time filter, search box, side panel, toolbar. Text only via textContent. */
import { KIND_COLORS, kindColor, relationColor } from '../../src/graph/style.js';
import type { App } from './app.js';
import { edgeDetails, nodeDetails, type EvidenceItem } from './details.js';
import { byId, clear, h, swatch } from './dom.js';
import { histogram, typesIn, type Bucket } from './filters.js';
import { buildIndex, search, type SearchEntry } from './search.js';
import { toggleType } from './state.js';

const TYPE_LABELS: Record<string, string> = {
  'allies-with': 'allies with',
  supports: 'supports',
  'met-with': 'met with',
  'negotiates-with': 'negotiates with',
  'mediated-by': 'mediated by',
  opposes: 'opposes',
  fights: 'fights',
  'member-of': 'member of',
};
export const typeLabel = (t: string) => TYPE_LABELS[t] ?? t;

// ------------------------------------------------------------------ legends

export function bindLegends(app: App): () => void {
  const relations = byId('relation-legend');
  const kinds = byId('kind-legend');
  return () => {
    const { filters } = app.store.get();
    const base = app.view(filters.level, filters.modality);
    const visible = app.visibleByType();
    const all: Record<string, number> = {};
    base.forEachEdge((_k, a) => (all[a.type] = (all[a.type] ?? 0) + 1));
    clear(relations);
    for (const type of typesIn(base)) {
      const on = !filters.hiddenTypes.includes(type);
      const button = h('button', { class: 'toggle', attrs: { type: 'button', 'aria-pressed': String(on), 'data-type': type }, title: on ? 'Hide these edges' : 'Show these edges' },
        swatch(relationColor(type), 'line'),
        h('span', { class: 'name', text: typeLabel(type) }),
        h('span', { class: 'count', text: on ? `${visible[type] ?? 0}` : `0/${all[type] ?? 0}` }));
      button.addEventListener('click', () => app.store.set({ filters: toggleType(app.store.get().filters, type) }));
      relations.append(h('li', {}, button));
    }
    const present = new Map<string, number>();
    app.shown.forEachNode((_n, a) => present.set(a.kind, (present.get(a.kind) ?? 0) + 1));
    clear(kinds);
    const order = Object.keys(KIND_COLORS);
    for (const kind of [...present.keys()].sort((a, b) => (order.indexOf(a) + 100 * +(order.indexOf(a) < 0)) - (order.indexOf(b) + 100 * +(order.indexOf(b) < 0)))) {
      kinds.append(h('li', {}, swatch(kindColor(kind)), h('span', { class: 'name', text: kind.replace(/-/g, ' ') }), h('span', { class: 'count', text: String(present.get(kind)) })));
    }
    byId('stats').textContent = `${app.shown.order} nodes · ${app.shown.size} edges shown`;
  };
}

// -------------------------------------------------------------- time filter

export function bindTime(app: App): () => void {
  const hist = byId('histogram');
  const from = byId<HTMLInputElement>('time-from');
  const to = byId<HTMLInputElement>('time-to');
  const label = byId('time-label');
  const reset = byId<HTMLButtonElement>('time-reset');
  let buckets: Bucket[] = [];

  const commit = () => {
    let i = Number(from.value);
    let j = Number(to.value);
    if (i > j) [i, j] = [j, i];
    const full = i === 0 && j === buckets.length - 1;
    app.store.setFilters({ from: full ? null : buckets[i]!.start, to: full ? null : buckets[j]!.end });
  };
  from.addEventListener('change', commit);
  to.addEventListener('change', commit);
  const preview = () => {
    const i = Math.min(Number(from.value), Number(to.value));
    const j = Math.max(Number(from.value), Number(to.value));
    if (buckets.length) label.textContent = `${buckets[i]!.start} – ${buckets[j]!.end}`;
  };
  from.addEventListener('input', preview);
  to.addEventListener('input', preview);
  reset.addEventListener('click', () => app.store.setFilters({ from: null, to: null }));

  return () => {
    const { filters } = app.store.get();
    const base = app.view(filters.level, filters.modality);
    const domain = histogram(base);
    const counts = histogram(base, filters.hiddenTypes);
    buckets = domain.buckets;
    const byKey = new Map(counts.buckets.map((b) => [b.key, b.count]));
    clear(hist);
    if (buckets.length === 0) {
      label.textContent = 'No dated mentions.';
      from.disabled = to.disabled = true;
      reset.hidden = true;
      return;
    }
    from.disabled = to.disabled = false;
    from.max = to.max = String(buckets.length - 1);
    let i = filters.from ? buckets.findIndex((b) => b.end >= filters.from!) : 0;
    let j = filters.to ? buckets.length - 1 - [...buckets].reverse().findIndex((b) => b.start <= filters.to!) : buckets.length - 1;
    if (i < 0) i = buckets.length - 1;
    if (j >= buckets.length) j = 0;
    from.value = String(i);
    to.value = String(j);
    const max = Math.max(1, ...buckets.map((b) => byKey.get(b.key) ?? 0));
    buckets.forEach((b, k) => {
      const n = byKey.get(b.key) ?? 0;
      const bar = h('div', { class: `bar${k >= i && k <= j ? ' in' : ''}`, title: `${b.key}: ${n} mention${n === 1 ? '' : 's'}` });
      bar.style.height = `${n === 0 ? 0 : Math.max(6, (100 * n) / max)}%`;
      hist.append(bar);
    });
    const active = !!(filters.from || filters.to);
    reset.hidden = !active;
    const undated = domain.undated ? ` · ${domain.undated} undated mention${domain.undated === 1 ? '' : 's'}${active ? ' hidden' : ''}` : '';
    label.textContent = `${filters.from ?? buckets[0]!.start} – ${filters.to ?? buckets.at(-1)!.end} (by ${domain.unit})${undated}`;
  };
}

// ------------------------------------------------------------------- search

export function bindSearch(app: App, select: (node: string) => void): () => void {
  const input = byId<HTMLInputElement>('search');
  const list = byId<HTMLUListElement>('search-results');
  let index: SearchEntry[] = [];
  let indexKey = '';
  let active = 0;
  let results: ReturnType<typeof search> = [];

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };
  const choose = (k: number) => {
    const r = results[k];
    if (!r) return;
    input.value = r.label;
    close();
    select(r.id);
  };
  const render = () => {
    clear(list);
    results.forEach((r, k) => {
      const li = h('li', { attrs: { role: 'option', id: `sr-${k}`, 'aria-selected': String(k === active) } },
        swatch(kindColor(r.kind)),
        h('span', { class: 'name', text: r.label }),
        r.via ? h('span', { class: 'via', text: r.via }) : null,
        h('span', { class: 'kind', text: r.kind }));
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        choose(k);
      });
      list.append(li);
    });
    list.hidden = results.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
    if (results.length) input.setAttribute('aria-activedescendant', `sr-${active}`);
  };
  const update = () => {
    const { level, modality } = app.store.get().filters;
    if (indexKey !== `${level}|${modality}`) {
      index = buildIndex(app.view(level, modality));
      indexKey = `${level}|${modality}`;
    }
    results = search(index, input.value, 8);
    active = 0;
    render();
  };
  input.addEventListener('input', update);
  input.addEventListener('focus', () => input.value && update());
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!results.length) return;
      active = (active + (e.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length;
      render();
      e.preventDefault();
    } else if (e.key === 'Enter') {
      if (list.hidden) update();
      choose(active);
      e.preventDefault();
    } else if (e.key === 'Escape') {
      close();
    }
  });
  return () => {
    indexKey = '';
  };
}

// -------------------------------------------------------------------- panel

function evidenceList(items: EvidenceItem[], total: number, showRelation: boolean): HTMLElement {
  const ol = h('ol', { class: 'evidence' });
  for (const e of items) {
    ol.append(h('li', {},
      h('blockquote', { text: e.sentence }),
      h('div', { class: 'source' },
        showRelation ? h('span', { class: 'rel' }, swatch(relationColor(e.type), 'line'), h('span', { text: e.relation })) : null,
        h('span', { class: 'title', text: e.title }),
        h('span', { class: 'date', text: e.date ?? 'undated' }),
        e.modality !== 'asserted' ? h('span', { class: 'modality', text: e.modality }) : null)));
  }
  const wrap = h('div', {}, ol);
  if (total > items.length) wrap.append(h('p', { class: 'muted', text: `… and ${total - items.length} more.` }));
  if (total === 0) wrap.append(h('p', { class: 'muted', text: 'No evidence under the current filters.' }));
  return wrap;
}

export function bindPanel(app: App, select: (node: string) => void): () => void {
  const panel = byId('panel');
  const content = byId('panel-content');
  byId('panel-close').addEventListener('click', () => app.store.set({ selectedNode: null, selectedEdge: null }));
  const nodeLink = (id: string, text: string) => {
    const b = h('button', { class: 'link', text, attrs: { type: 'button' } });
    b.addEventListener('click', () => select(id));
    return b;
  };
  return () => {
    const { selectedNode, selectedEdge } = app.store.get();
    clear(content);
    if (selectedNode) {
      const d = nodeDetails(app.shown, app.stored, selectedNode);
      if (!d) {
        panel.hidden = true;
        return;
      }
      content.append(h('div', {},
        h('header', {},
          h('h2', {}, swatch(kindColor(d.kind)), h('span', { text: d.label })),
          h('p', { class: 'kind', text: d.kind.replace(/-/g, ' ') }),
          d.memberOf ? h('p', { class: 'muted' }, 'Member of ', nodeLink(d.memberOf.id, d.memberOf.label)) : null),
        !app.shown.hasNode(selectedNode) ? h('p', { class: 'notice', text: 'Hidden by the current filters.' }) : null,
        d.aliases.length ? h('section', {}, h('h3', { text: 'Aliases' }), h('ul', { class: 'chips' }, ...d.aliases.map((a) => h('li', { text: a })))) : null,
        d.members.length ? h('section', {}, h('h3', { text: `Members (${d.members.length})` }), h('ul', { class: 'chips' }, ...d.members.map((m) => h('li', {}, nodeLink(m.id, m.label))))) : null,
        h('section', {}, h('h3', { text: 'Relations' }),
          d.relations.length === 0 ? h('p', { class: 'muted', text: 'None under the current filters.' }) : null,
          ...d.relations.map((r) => h('details', { class: 'relgroup', attrs: { open: '' } },
            h('summary', {}, swatch(relationColor(r.type), 'line'), h('span', { class: 'name', text: typeLabel(r.type) }), h('span', { class: 'count', text: String(r.count) })),
            h('ul', {}, ...r.items.map((it) => {
              const li = h('li', {}, h('span', { class: 'dir', text: it.direction === 'out' ? '→' : it.direction === 'in' ? '←' : '↔' }), nodeLink(it.other, it.otherLabel));
              if (it.weight > 1) li.append(h('span', { class: 'count', text: `×${it.weight}` }));
              return li;
            }))))),
        h('section', {}, h('h3', { text: `Evidence (${d.evidenceTotal})` }), evidenceList(d.evidence, d.evidenceTotal, true)),
      ));
      panel.hidden = false;
    } else if (selectedEdge) {
      const d = edgeDetails(app.shown, selectedEdge);
      if (!d) {
        panel.hidden = true;
        return;
      }
      content.append(
        h('header', {},
          h('h2', {}, swatch(relationColor(d.type), 'line'), h('span', { text: typeLabel(d.type) })),
          h('p', { class: 'edge-ends' }, nodeLink(d.source.id, d.source.label), h('span', { text: d.directed ? ' → ' : ' ↔ ' }), nodeLink(d.target.id, d.target.label)),
          h('p', { class: 'muted', text: `${d.weight} mention${d.weight === 1 ? '' : 's'}${d.first ? ` · ${d.first === d.last ? d.first : `${d.first} – ${d.last}`}` : ''}` })),
        h('section', {}, h('h3', { text: `Evidence (${d.evidenceTotal})` }), evidenceList(d.evidence, d.evidenceTotal, false)),
      );
      panel.hidden = false;
    } else {
      panel.hidden = true;
    }
    content.scrollTop = 0;
  };
}

// ------------------------------------------------------------------ toolbar

export function bindToolbar(app: App): () => void {
  const levelButtons = [...document.querySelectorAll<HTMLButtonElement>('[data-level]')];
  const modality = byId<HTMLSelectElement>('modality');
  const layout = byId<HTMLButtonElement>('layout');
  const png = byId<HTMLButtonElement>('download-png');
  const sidebarToggle = byId<HTMLButtonElement>('toggle-sidebar');
  const sidebar = byId('sidebar');
  for (const b of levelButtons) b.addEventListener('click', () => app.store.setFilters({ level: b.dataset.level === 'person' ? 'person' : 'actor' }));
  modality.addEventListener('change', () => app.store.setFilters({ modality: modality.value === 'all' ? 'all' : 'asserted' }));
  layout.addEventListener('click', () => app.store.set({ layoutRunning: !app.store.get().layoutRunning }));
  png.addEventListener('click', async () => {
    const blob = await app.renderer.toPNG();
    const a = h('a', { attrs: { href: URL.createObjectURL(blob), download: 'actorgraph.png' } });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });
  sidebarToggle.addEventListener('click', () => {
    const open = !sidebar.classList.contains('open');
    sidebar.classList.toggle('open', open);
    sidebarToggle.setAttribute('aria-expanded', String(open));
  });
  return () => {
    const { filters, layoutRunning } = app.store.get();
    for (const b of levelButtons) b.setAttribute('aria-pressed', String(b.dataset.level === filters.level));
    modality.value = filters.modality;
    layout.textContent = layoutRunning ? '■ Stop layout' : '▶ Layout';
    layout.setAttribute('aria-pressed', String(layoutRunning));
  };
}
