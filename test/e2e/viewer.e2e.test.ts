/**
 * End-to-end: the real CLI (`actorgraph build` on the seeds plus one hostile
 * article, then `actorgraph serve --graph … --port 0`) driven through Debian's
 * Chromium with playwright-core. Every expectation is derived from the graph
 * the server serves, never hard-coded, because the dictionaries (and so the
 * seed graph) change.
 *
 * With CI=true a missing Chromium fails the suite; otherwise it is skipped loudly.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { toGexf } from '../../src/export/gexf.js';
import { graphFromJSON } from '../../src/graph/io.js';
import type { ActorGraph } from '../../src/graph/types.js';
import { relationColor } from '../../src/graph/style.js';
import { viewGraph } from '../../src/graph/view.js';
import { countByType, filterGraph, histogram } from '../../viewer/src/filters.js';
import { DEFAULT_FILTERS, type Filters } from '../../viewer/src/state.js';
import {
  ARTIFACTS, assertBuilt, buildSeedGraph, CHROMIUM_ARGS, findChromium, HOSTILE_MARKUP, HOSTILE_TITLE, IS_CI, startCliServer,
  type CliServer, type GraphJSON, type Hook, type PageGlobals, type SeedGraph,
} from './helpers.js';
import { tempDir } from '../temp-dir.js';

const CHROMIUM = findChromium();

if (!CHROMIUM) {
  const msg = 'Chromium not found ($CHROMIUM_PATH, /usr/lib/chromium/chromium or /usr/bin/chromium): install it with `apt-get install -y --no-install-recommends chromium`';
  if (IS_CI) {
    describe('viewer e2e', () => {
      it('needs Chromium in CI', () => {
        throw new Error(msg);
      });
    });
  } else {
    console.warn(`\n  ⚠⚠⚠ SKIPPING the viewer e2e tests: ${msg} ⚠⚠⚠\n`);
  }
}

const hook = (page: Page): Promise<Hook> =>
  page.evaluate(() => JSON.parse(JSON.stringify((globalThis as unknown as PageGlobals).__actorgraph ?? null)) as Hook);
/** Waits until the viewer has drawn its first frame; a boot error (or an uncaught one) fails at once. */
async function ready(page: Page): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.waitForFunction(() => {
    const h = (globalThis as unknown as PageGlobals).__actorgraph;
    return h?.ready === true || !!h?.error;
  }, null, { timeout: 60_000 });
  expect((await hook(page)).error).toBeNull();
  expect(errors).toEqual([]);
}
const nodeViewport = (page: Page, node: string) =>
  page.evaluate((n) => (globalThis as unknown as PageGlobals).__actorgraph!.nodeViewport(n), node);
const edgeDisplay = (page: Page, edge: string) =>
  page.evaluate((e) => (globalThis as unknown as PageGlobals).__actorgraph!.edgeDisplay(e), edge);

/** Page coordinates of a node, from sigma's viewport coordinates and the container's box. */
async function nodeOnPage(page: Page, node: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator('#graph').boundingBox())!;
  const p = (await nodeViewport(page, node))!;
  return { x: box.x + p.x, y: box.y + p.y };
}

const filters = (patch: Partial<Filters> = {}): Filters => ({ ...DEFAULT_FILTERS, hiddenTypes: [], ...patch });

describe.skipIf(!CHROMIUM)('viewer e2e (Chromium, actorgraph serve on the seed graph)', { timeout: 90_000 }, () => {
  let browser: Browser;
  let srv: CliServer;
  let seed: SeedGraph;
  /** The graph exactly as GET /api/graph serves it. */
  let served: ActorGraph;
  /** The default view: actor level, asserted mentions, no type or time filter. */
  let actors: ActorGraph;
  let shown: ActorGraph;
  let turkey: string;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    assertBuilt();
    seed = buildSeedGraph(tempDir('actorgraph-e2e-'));
    srv = await startCliServer(['--graph', seed.file]);
    const res = await fetch(`${srv.url}api/graph`);
    expect(res.status).toBe(200);
    served = graphFromJSON((await res.json()) as GraphJSON);
    actors = viewGraph(served, { level: 'actor', modality: 'asserted' });
    shown = filterGraph(actors, filters());
    const t = actors.findNode((n, a) => n === 'turkey' || a.label === 'Turkey');
    if (!t) throw new Error(`the seed graph (${seed.source}) has no Turkey at actor level: are the data/actors dictionaries in place?`);
    turkey = t;
    console.log(`viewer e2e: ${seed.source}; served ${served.order} nodes, ${served.size} edges; default view ${shown.order} nodes, ${shown.size} edges; ${srv.url}`);

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(srv.url) && !u.startsWith('data:') && !u.startsWith('blob:')) foreignRequests.push(u);
    });
    await page.goto(srv.url);
    await ready(page);
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await srv?.stop();
  });

  it('loads everything from the local server (offline, no CDN) without errors', async () => {
    const s = await hook(page);
    expect(s.error).toBeNull();
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(s.storedNodeCount).toBe(served.order);
    expect(s.storedEdgeCount).toBe(served.size);
    // the first frame was the server's view (api/view), and it drew what the app derived itself
    expect(s.earlyFrame).toBe('kept');
  });

  it('shows the default view of the served graph (actor level, asserted only)', async () => {
    const s = await hook(page);
    expect(s.filters).toEqual(filters());
    expect(s.visibleNodeCount).toBe(shown.order);
    expect(s.visibleEdgeCount).toBe(shown.size);
    expect(s.visibleEdgesByType).toEqual(countByType(shown));
    // the legends: one toggle per relation type present, one entry per kind shown
    const types = await page.locator('#relation-legend [data-type]').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    expect(new Set(types)).toEqual(new Set(Object.keys(countByType(actors))));
    const kinds = new Set<string>();
    shown.forEachNode((_n, a) => kinds.add(a.kind));
    expect(await page.locator('#kind-legend li').count()).toBe(kinds.size);
  });

  it('draws the graph: the canvas has non-background pixels', async () => {
    await page.waitForTimeout(300);
    const png = await page.locator('#graph').screenshot();
    // decode the screenshot in the page (no PNG decoder in Node) and count non-white pixels
    const stats = await page.evaluate(async (b64) => {
      const w = globalThis as unknown as PageGlobals;
      const img = new w.Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = new w.OffscreenCanvas(img.naturalWidth, img.naturalHeight);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, img.naturalWidth, img.naturalHeight).data;
      let ink = 0;
      const colours = new Set<string>();
      for (let i = 0; i < d.length; i += 4) {
        if (d[i]! < 240 || d[i + 1]! < 240 || d[i + 2]! < 240) {
          ink++;
          colours.add(`${d[i]! >> 4},${d[i + 1]! >> 4},${d[i + 2]! >> 4}`);
        }
      }
      return { ink, total: d.length / 4, colours: colours.size };
    }, png.toString('base64'));
    expect(stats.ink).toBeGreaterThan(500);
    expect(stats.colours).toBeGreaterThan(3); // several kind and relation colours, not one blot
  });

  it('draws arrows on directed relations and curves parallel edges', async () => {
    const pairs = new Map<string, number>();
    shown.forEachEdge((_e, _a, s, t) => {
      const k = [s, t].sort().join('|');
      pairs.set(k, (pairs.get(k) ?? 0) + 1);
    });
    let curved = 0;
    for (const e of shown.edges()) {
      const d = (await edgeDisplay(page, e))!;
      expect(d, e).not.toBeNull();
      const directed = shown.isDirected(e);
      expect(directed ? ['arrow', 'curvedArrow'] : ['line', 'curved'], e).toContain(d.type);
      const parallel = pairs.get([shown.source(e), shown.target(e)].sort().join('|'))! > 1;
      if (!parallel) expect(d.curvature, e).toBe(0);
      if (d.curvature !== 0) curved++;
    }
    if ([...pairs.values()].some((n) => n > 1)) expect(curved).toBeGreaterThan(0);
  });

  it('searching "Turkey" selects it and the panel shows its kind, relations and evidence', async () => {
    await page.fill('#search', 'Turk');
    await expect.poll(() => page.locator('#search-results li').count()).toBeGreaterThan(0);
    expect(await page.locator('#search-results li').first().textContent()).toContain('Turkey');
    await page.fill('#search', 'Turkey');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await hook(page)).selectedNode).toBe(turkey);
    const panel = page.locator('#panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('h2').first().textContent()).toContain('Turkey');
    expect(await panel.locator('.kind').first().textContent()).toBe(actors.getNodeAttribute(turkey, 'kind').replace(/-/g, ' '));

    // relations grouped by type, each with its mention count, as the served graph has them
    const expected = new Map<string, number>();
    let evidence = 0;
    shown.forEachEdge(turkey, (_e, a) => {
      if (a.type === 'member-of') return;
      expected.set(a.type, (expected.get(a.type) ?? 0) + a.weight);
      evidence += a.evidence.length;
    });
    const groups = await panel.locator('.relgroup summary').evaluateAll((els) =>
      els.map((e) => [e.querySelector('.name')?.textContent ?? '', Number(e.querySelector('.count')?.textContent)] as const));
    expect(groups.length).toBe(expected.size);
    expect(groups.reduce((n, [, c]) => n + c, 0)).toBe([...expected.values()].reduce((a, b) => a + b, 0));

    // every evidence sentence with its article title and date
    expect(evidence).toBeGreaterThan(0);
    expect(await panel.locator('h3', { hasText: 'Evidence' }).textContent()).toBe(`Evidence (${evidence})`);
    expect(await panel.locator('.evidence blockquote').count()).toBe(Math.min(evidence, 200));
    const titles = await panel.locator('.evidence .source .title').allTextContents();
    const articles = served.getAttribute('articles');
    for (const t of titles) expect(t.length).toBeGreaterThan(0);
    expect(titles.some((t) => Object.values(articles).some((m) => m.title === t))).toBe(true);
    expect(await panel.locator('.evidence .source .date').count()).toBe(titles.length);
    expect(page.url()).toContain(`node=${encodeURIComponent(turkey)}`);
  });

  it('the hostile article renders as text: no element injected, no script run', async () => {
    const sentences = await page.locator('#panel .evidence blockquote').allTextContents();
    const hostile = sentences.find((s) => s.includes(HOSTILE_MARKUP));
    expect(hostile, 'the hostile sentence is shown literally').toBeDefined();
    const titles = await page.locator('#panel .evidence .title').allTextContents();
    expect(titles).toContain(HOSTILE_TITLE);
    // nothing from the article became markup
    expect(await page.locator('body img, #panel script, #panel b').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'viewer.png') });
  });

  it('hovering a node highlights its neighbourhood (reducers only: the data is unchanged)', async () => {
    await page.click('#panel-close');
    await expect.poll(async () => (await hook(page)).selectedNode).toBeNull();
    const p = await nodeOnPage(page, turkey);
    const before = await hook(page);
    await page.mouse.move(p.x, p.y);
    await expect.poll(async () => (await hook(page)).hoveredNode).toBe(turkey);
    // edges away from Turkey are dimmed, Turkey's own keep their relation colour
    const away = shown.findEdge((_e, _a, s, t) => s !== turkey && t !== turkey);
    if (away) expect((await edgeDisplay(page, away))!.color).toBe('#eef0f2');
    const own = shown.findEdge((_e, _a, s, t) => s === turkey || t === turkey)!;
    expect((await edgeDisplay(page, own))!.color).toBe(relationColor(shown.getEdgeAttribute(own, 'type')));
    const during = await hook(page);
    expect(during.visibleEdgeCount).toBe(before.visibleEdgeCount);
    expect(during.visibleEdgesByType).toEqual(before.visibleEdgesByType);
    await page.mouse.move(5, 5);
    await expect.poll(async () => (await hook(page)).hoveredNode).toBeNull();
  });

  it('clicking an edge shows its evidence', async () => {
    // a point on a straight edge, clear of every node, with the whole graph in view
    await page.evaluate(() => (globalThis as unknown as PageGlobals).__actorgraph!.resetCamera());
    await page.waitForTimeout(200);
    const box = (await page.locator('#graph').boundingBox())!;
    const pos = new Map<string, { x: number; y: number }>();
    for (const n of shown.nodes()) pos.set(n, (await nodeViewport(page, n))!);
    let clicked: string | null = null;
    const attempts: string[] = [];
    search: for (const e of shown.edges()) {
      const d = (await edgeDisplay(page, e))!;
      if (d.curvature !== 0) continue;
      const a = pos.get(shown.source(e))!;
      const b = pos.get(shown.target(e))!;
      if (Math.hypot(a.x - b.x, a.y - b.y) < 60) continue;
      for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
        const m = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
        if (m.x < 5 || m.y < 5 || m.x > box.width - 5 || m.y > box.height - 5) continue;
        if ([...pos.values()].some((p) => Math.hypot(p.x - m.x, p.y - m.y) < 30)) continue;
        await page.mouse.click(box.x + m.x, box.y + m.y);
        const s = await hook(page);
        attempts.push(`${e}@${t}: ${s.selectedEdge ?? s.selectedNode ?? 'nothing'}`);
        if (s.selectedEdge === e) {
          clicked = e;
          break search;
        }
        if (s.selectedEdge || s.selectedNode) await page.click('#panel-close');
      }
    }
    expect(clicked, `some edge could be clicked (${attempts.join('; ')})`).not.toBeNull();
    const n = shown.getEdgeAttribute(clicked!, 'evidence').length;
    await expect.poll(() => page.locator('#panel').isVisible()).toBe(true);
    expect(await page.locator('#panel h3', { hasText: 'Evidence' }).textContent()).toBe(`Evidence (${n})`);
    expect(await page.locator('#panel .evidence blockquote').count()).toBe(Math.min(n, 200));
    await page.click('#panel-close');
  });

  it('unticking a relation type removes exactly those edges; ticking it restores them', async () => {
    const byType = countByType(shown);
    const type = Object.entries(byType).sort((a, b) => b[1] - a[1])[0]![0];
    const without = filterGraph(actors, filters({ hiddenTypes: [type] }));
    await page.click(`#relation-legend [data-type="${type}"]`);
    await expect.poll(async () => (await hook(page)).filters.hiddenTypes).toEqual([type]);
    const after = await hook(page);
    expect(after.visibleEdgesByType[type] ?? 0).toBe(0);
    expect(after.visibleEdgeCount).toBe(without.size);
    expect(after.visibleEdgeCount).toBe(shown.size - byType[type]!);
    expect(after.visibleEdgesByType).toEqual(countByType(without));
    expect(await page.getAttribute(`#relation-legend [data-type="${type}"]`, 'aria-pressed')).toBe('false');
    expect(page.url()).toContain(`off=${type}`);
    await page.click(`#relation-legend [data-type="${type}"]`);
    await expect.poll(async () => (await hook(page)).visibleEdgeCount).toBe(shown.size);
  });

  it('the time filter changes which edges are visible, and shows a histogram', async () => {
    const h = histogram(actors);
    expect(h.buckets.length, 'the seed graph plus the hostile article have mentions on at least two dates').toBeGreaterThan(1);
    expect(await page.locator('#histogram .bar').count()).toBe(h.buckets.length);
    const last = h.buckets.map((b) => b.count > 0).lastIndexOf(true);
    await page.evaluate((i) => {
      const w = globalThis as unknown as PageGlobals;
      for (const id of ['time-from', 'time-to']) {
        const input = w.document.getElementById(id)!;
        input.value = String(i);
        input.dispatchEvent(new w.Event('change', { bubbles: true }));
      }
    }, last);
    await expect.poll(async () => (await hook(page)).filters.from).toBe(h.buckets[last]!.start);
    const after = await hook(page);
    expect(after.filters.to).toBe(h.buckets[last]!.end);
    const predicted = filterGraph(actors, filters({ from: after.filters.from, to: after.filters.to }));
    expect(after.visibleEdgeCount).toBe(predicted.size);
    expect(after.visibleEdgeCount).toBeGreaterThan(0);
    expect(after.visibleEdgeCount).not.toBe(shown.size);
    expect(page.url()).toContain('from=');
    await page.click('#time-reset');
    await expect.poll(async () => (await hook(page)).visibleEdgeCount).toBe(shown.size);
  });

  it('switches between actor and person level, and between asserted and all modalities', async () => {
    const person = filterGraph(viewGraph(served, { level: 'person', modality: 'asserted' }), filters({ level: 'person' }));
    await page.click('[data-level="person"]');
    await expect.poll(async () => (await hook(page)).filters.level).toBe('person');
    expect((await hook(page)).visibleNodeCount).toBe(person.order);
    expect((await hook(page)).visibleEdgeCount).toBe(person.size);
    await page.click('[data-level="actor"]');
    await expect.poll(async () => (await hook(page)).visibleEdgeCount).toBe(shown.size);
    const all = filterGraph(viewGraph(served, { level: 'actor', modality: 'all' }), filters({ modality: 'all' }));
    await page.selectOption('#modality', 'all');
    await expect.poll(async () => (await hook(page)).filters.modality).toBe('all');
    expect((await hook(page)).visibleEdgeCount).toBe(all.size);
    await page.selectOption('#modality', 'asserted');
    await expect.poll(async () => (await hook(page)).visibleEdgeCount).toBe(shown.size);
  });

  it('restores the selected node and the filters from the URL', async () => {
    const type = Object.keys(countByType(shown))[0]!;
    const p2 = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await p2.goto(`${srv.url}#node=${encodeURIComponent(turkey)}&off=${type}`);
    await ready(p2);
    const s = await hook(p2);
    expect(s.selectedNode).toBe(turkey);
    expect(s.filters.hiddenTypes).toEqual([type]);
    expect(s.visibleEdgesByType[type]).toBeUndefined();
    expect(s.visibleEdgeCount).toBe(filterGraph(actors, filters({ hiddenTypes: [type] })).size);
    expect(s.earlyFrame).toBe('kept');
    expect(await p2.locator('#panel').isVisible()).toBe(true);
    await p2.close();
  });

  it('without a boot view (a static site of another viewer, an older server) it draws the same from api/graph', async () => {
    const p2 = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await p2.route('**/api/view*', (r) => r.fulfill({ status: 404, body: 'Not found' }));
    await p2.goto(srv.url);
    await ready(p2);
    const s = await hook(p2);
    expect(s.earlyFrame).toBeNull();
    expect(s.visibleNodeCount).toBe(shown.order);
    expect(s.visibleEdgeCount).toBe(shown.size);
    // a static copy of the default view answers every query: for other filters it is not drawn
    const p3 = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const defaultView = await (await fetch(`${srv.url}api/view`)).text();
    await p3.route('**/api/view*', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: defaultView }));
    await p3.goto(`${srv.url}#level=person`);
    await ready(p3);
    const t = await hook(p3);
    expect(t.earlyFrame).toBeNull();
    expect(t.filters.level).toBe('person');
    // and every node sits where a load that drew the boot view first puts it
    const p4 = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await p4.goto(srv.url);
    await ready(p4);
    expect((await hook(p4)).earlyFrame).toBe('kept');
    for (const n of shown.nodes()) {
      const a = (await nodeViewport(p2, n))!;
      const b = (await nodeViewport(p4, n))!;
      expect(Math.abs(a.x - b.x) + Math.abs(a.y - b.y), n).toBeLessThan(0.01);
    }
    await p2.close();
    await p3.close();
    await p4.close();
  });

  it('starts from deterministic positions: two loads draw every node at the same place', async () => {
    const p2 = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await p2.goto(srv.url);
    await ready(p2);
    const p3 = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await p3.goto(srv.url);
    await ready(p3);
    for (const n of shown.nodes()) {
      const a = (await nodeViewport(p2, n))!;
      const b = (await nodeViewport(p3, n))!;
      expect(Math.abs(a.x - b.x) + Math.abs(a.y - b.y), n).toBeLessThan(0.01);
    }
    await p2.close();
    await p3.close();
  });

  it('runs ForceAtlas2 in a worker, moving nodes, and stops it', async () => {
    const moved = shown.nodes().slice(0, 5);
    const before = await Promise.all(moved.map((n) => nodeViewport(page, n)));
    await page.click('#layout');
    await expect.poll(async () => (await hook(page)).layoutRunning).toBe(true);
    expect(await page.locator('#layout').textContent()).toMatch(/stop/i);
    await page.waitForTimeout(800);
    await page.click('#layout');
    await expect.poll(async () => (await hook(page)).layoutRunning).toBe(false);
    const after = await Promise.all(moved.map((n) => nodeViewport(page, n)));
    expect(after.some((p, i) => Math.abs(p!.x - before[i]!.x) + Math.abs(p!.y - before[i]!.y) > 0.5)).toBe(true);
    // stopped: nothing moves any more
    const still = await Promise.all(moved.map((n) => nodeViewport(page, n)));
    await page.waitForTimeout(300);
    const later = await Promise.all(moved.map((n) => nodeViewport(page, n)));
    expect(later).toEqual(still);
    expect(pageErrors).toEqual([]);
  });

  it('downloads a PNG and the same GEXF file as the CLI writes', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#download-png')]);
    const pngPath = join(ARTIFACTS, 'download.png');
    await png.saveAs(pngPath);
    expect(readFileSync(pngPath).subarray(1, 4).toString()).toBe('PNG');
    const [gexf] = await Promise.all([page.waitForEvent('download'), page.click('#download-gexf')]);
    const gexfPath = join(ARTIFACTS, 'download.gexf');
    await gexf.saveAs(gexfPath);
    expect(gexf.suggestedFilename()).toBe('actors.gexf');
    // the exporter's file for the served graph; when that graph is exactly what `actorgraph build`
    // wrote (nothing injected), byte for byte the build's actors.gexf
    const downloaded = readFileSync(gexfPath, 'utf8');
    expect(downloaded).toBe(toGexf(viewGraph(served, { level: 'actor', modality: 'asserted' })));
    if (seed.file === join(seed.outDir, 'full.json')) expect(downloaded).toBe(readFileSync(join(seed.outDir, 'actors.gexf'), 'utf8'));
  });

  it('fits a phone screen', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await phone.goto(`${srv.url}#node=${encodeURIComponent(turkey)}`);
    await ready(phone);
    const overflow = await phone.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      return w.document.documentElement.scrollWidth > w.innerWidth;
    });
    expect(overflow).toBe(false);
    expect(await phone.locator('#toggle-sidebar').isVisible()).toBe(true);
    expect(await phone.locator('#panel').isVisible()).toBe(true);
    const graphBox = await phone.locator('#graph').boundingBox();
    expect(graphBox!.width).toBeGreaterThan(350);
    await phone.click('#toggle-sidebar');
    await expect.poll(() => phone.locator('#relation-legend').isVisible()).toBe(true);
    await phone.waitForTimeout(400); // the sidebar slides in
    const sidebar = (await phone.locator('#sidebar').boundingBox())!;
    expect(sidebar.x).toBeGreaterThanOrEqual(0);
    await phone.screenshot({ path: join(ARTIFACTS, 'viewer-phone.png') });
    await phone.close();
  });
});
