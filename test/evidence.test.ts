import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toJsonl } from '../src/export/jsonl.js';
import { viewGraph } from '../src/graph/view.js';
import { RELATION_TYPES } from '../src/extract/types.js';
import { SEEDS, seedBuild } from './seeds-helpers.js';

describe('evidence', () => {
  it('offsets point at the sentence in the article text', async () => {
    const { graph } = await seedBuild();
    let checked = 0;
    graph.forEachEdge((_k, e) => {
      for (const ev of e.evidence) {
        const text = readFileSync(`${SEEDS}/${ev.doc}`, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
        expect(text.slice(ev.start, ev.end)).toBe(ev.sentence);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(20);
  });

  it('JSONL: one line per mention with the documented fields and canonical ids', async () => {
    const { graph } = await seedBuild();
    const actors = viewGraph(graph, { level: 'actor', modality: 'asserted' });
    const lines = toJsonl(actors).trim().split('\n').map((l) => JSON.parse(l));
    let mentions = 0;
    actors.forEachEdge((_k, e) => void (mentions += e.type === 'member-of' ? 0 : e.evidence.length));
    expect(lines.length).toBe(mentions);
    for (const l of lines) {
      for (const f of ['type', 'source', 'target', 'doc', 'sentence', 'start', 'end', 'rule', 'confidence', 'date', 'modality', 'trigger']) expect(l, f).toHaveProperty(f);
      expect(RELATION_TYPES).toContain(l.type);
      expect(actors.hasNode(l.source) && actors.hasNode(l.target)).toBe(true);
      expect(l.confidence).toBeGreaterThan(0);
      expect(l.confidence).toBeLessThanOrEqual(1);
      expect(l.modality).toBe('asserted');
      expect(typeof l.rule).toBe('string');
      expect(l.date === null || /^\d{4}-\d{2}-\d{2}/.test(l.date)).toBe(true);
    }
  });

  it('edges aggregate per (source, target, type): weight = distinct mentions, first <= last', async () => {
    const { graph } = await seedBuild();
    const actors = viewGraph(graph, { level: 'actor', modality: 'asserted' });
    const keys = new Set<string>();
    actors.forEachEdge((_k, e, s, t) => {
      const k = `${e.type}|${s}|${t}`;
      expect(keys.has(k)).toBe(false);
      keys.add(k);
      expect(e.weight).toBe(new Set(e.evidence.map((x) => `${x.doc}:${x.start}`)).size);
      if (e.first && e.last) expect(e.first <= e.last).toBe(true);
    });
  });

  it('person level keeps persons as nodes linked to their actor by member-of', async () => {
    const { graph } = await seedBuild();
    const persons = viewGraph(graph, { level: 'person', modality: 'asserted' });
    const memberOf = persons.filterEdges((_k, e) => e.type === 'member-of');
    expect(memberOf.length).toBeGreaterThan(0);
    for (const k of memberOf) expect(persons.getNodeAttribute(persons.source(k), 'kind')).toBe('person');
    const actors = viewGraph(graph, { level: 'actor', modality: 'asserted' });
    actors.forEachNode((_n, a) => expect(a.kind).not.toBe('person'));
  });
});
