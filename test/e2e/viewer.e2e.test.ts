/**
 * End-to-end: `actorgraph serve` in-process on the seed graph plus one hostile
 * article, driven through Debian's Chromium with playwright-core.
 * With CI=true a missing Chromium fails the suite; otherwise it is skipped loudly.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ActorGraph } from '../../src/graph/types.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { CHROMIUM_ARGS, findChromium, HOSTILE_SENTENCE, IS_CI, seedGraphWithHostileArticle } from './helpers.js';

const CHROMIUM = findChromium();
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const VIEWER_CONFIG = fileURLToPath(new URL('../../viewer/vite.config.ts', import.meta.url));

if (!CHROMIUM) {
  const msg = 'Chromium not found (/usr/lib/chromium/chromium, /usr/bin/chromium or $CHROMIUM_PATH): install it with `apt-get install -y --no-install-recommends chromium`';
  if (IS_CI) {
    describe('viewer e2e', () => {
      it('needs Chromium in CI', () => {
        throw new Error(msg);
      });
    });
  } else {
    console.warn(`\n  ⚠ SKIPPING viewer e2e tests: ${msg}\n`);
  }
}

type Hook = {
  ready: boolean;
  error: string | null;
  selectedNode: string | null;
  selectedEdge: string | null;
  visibleEdgeCount: number;
  visibleNodeCount: number;
  visibleEdgesByType: Record<string, number>;
  filters: { level: string; modality: string; hiddenTypes: string[]; from: string | null; to: string | null };
};

const hook = (page: Page): Promise<Hook> => page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __actorgraph: unknown }).__actorgraph)) as Hook);

describe.skipIf(!CHROMIUM)('viewer e2e (Chromium)', () => {
  let browser: Browser;
  let srv: RunningServer;
  let graph: ActorGraph;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const { build } = await import('vite');
    await build({ configFile: VIEWER_CONFIG, logLevel: 'warn' });
    const built = await seedGraphWithHostileArticle();
    graph = built.graph;
    console.log(`viewer e2e graph: ${built.source}, ${graph.order} nodes, ${graph.size} edges`);
    srv = await startServer({ graph, port: 0 });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(srv.url);
    await page.waitForFunction(() => (window as unknown as { __actorgraph?: { ready: boolean } }).__actorgraph?.ready === true, null, { timeout: 20_000 });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  it('draws the graph: the canvas has non-background pixels', async () => {
    const state = await hook(page);
    expect(state.error).toBeNull();
    expect(state.visibleNodeCount).toBeGreaterThan(0);
    expect(state.visibleEdgeCount).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    const png = await page.locator('#graph').screenshot();
    // decode the screenshot in the page (no PNG decoder needed in Node) and count non-white pixels
    const stats = await page.evaluate(async (b64) => {
      // an <img> with a data: URL (allowed by the CSP's img-src; fetch of data: is not)
      const bmp = new Image();
      bmp.src = `data:image/png;base64,${b64}`;
      await bmp.decode();
      const c = new OffscreenCanvas(bmp.naturalWidth, bmp.naturalHeight);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      const d = ctx.getImageData(0, 0, bmp.naturalWidth, bmp.naturalHeight).data;
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
    expect(stats.colours).toBeGreaterThan(3); // several kinds and relation colours, not one blot
    expect(pageErrors).toEqual([]);
  });

  it('searching "Turkey" selects it and the panel shows its evidence', async () => {
    await page.fill('#search', 'Turk');
    await expect.poll(() => page.locator('#search-results li').count()).toBeGreaterThan(0);
    expect(await page.locator('#search-results li').first().textContent()).toContain('Turkey');
    await page.fill('#search', 'Turkey');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await hook(page)).selectedNode).toBe('turkey');
    const panel = page.locator('#panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('h2').first().textContent()).toContain('Turkey');
    expect(await panel.locator('.relgroup').count()).toBeGreaterThan(0);
    expect(await panel.locator('.evidence blockquote').count()).toBeGreaterThan(0);
    expect(await panel.locator('.evidence .source .title').first().textContent()).toBeTruthy();
    expect(page.url()).toContain('node=turkey');
  });

  it('the hostile article renders as text: no element injected, no dialog', async () => {
    const sentences = await page.locator('#panel .evidence blockquote').allTextContents();
    const hostile = sentences.find((s) => s.includes('<img src=x onerror=alert(1)>'));
    expect(hostile, 'the hostile sentence is shown literally').toBeDefined();
    expect(hostile).toContain('<script>alert(1)</script>');
    expect(HOSTILE_SENTENCE.includes(hostile!.trim()) || hostile!.includes('Turkey backs the rebels')).toBe(true);
    expect(await page.locator('body img, #panel script, #panel b').count()).toBe(0);
    const titles = await page.locator('#panel .evidence .title').allTextContents();
    if (titles.some((t) => t.includes('<script>'))) expect(titles.join(' ')).toContain('<b>steps up</b>');
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}viewer.png` });
  });

  it('clicking a relation in the legend hides exactly those edges, and clicking again restores them', async () => {
    await page.click('#panel-close');
    const before = await hook(page);
    const type = before.visibleEdgesByType['supports'] ? 'supports' : Object.keys(before.visibleEdgesByType)[0]!;
    const n = before.visibleEdgesByType[type]!;
    expect(n).toBeGreaterThan(0);
    await page.click(`#relation-legend [data-type="${type}"]`);
    await expect.poll(async () => (await hook(page)).visibleEdgesByType[type] ?? 0).toBe(0);
    const after = await hook(page);
    expect(after.filters.hiddenTypes).toEqual([type]);
    expect(after.visibleEdgeCount).toBe(before.visibleEdgeCount - n);
    for (const [t, c] of Object.entries(before.visibleEdgesByType)) if (t !== type) expect(after.visibleEdgesByType[t]).toBe(c);
    expect(await page.getAttribute(`#relation-legend [data-type="${type}"]`, 'aria-pressed')).toBe('false');
    expect(page.url()).toContain(`off=${type}`);
    await page.click(`#relation-legend [data-type="${type}"]`);
    await expect.poll(async () => (await hook(page)).visibleEdgeCount).toBe(before.visibleEdgeCount);
  });

  it('the time filter changes which edges are visible', async () => {
    const before = await hook(page);
    const bars = await page.locator('#histogram .bar').evaluateAll((els) => els.map((e) => (e as HTMLElement).style.height !== '0%'));
    expect(bars.length).toBeGreaterThan(0);
    const last = bars.lastIndexOf(true);
    // narrow the range to the last bucket with mentions
    await page.evaluate((i) => {
      for (const id of ['time-from', 'time-to']) {
        const input = document.getElementById(id) as HTMLInputElement;
        input.value = String(i);
        input.dispatchEvent(new Event('change'));
      }
    }, last);
    await expect.poll(async () => (await hook(page)).filters.from).not.toBeNull();
    const after = await hook(page);
    expect(after.visibleEdgeCount).toBeGreaterThan(0);
    expect(after.visibleEdgeCount).toBeLessThan(before.visibleEdgeCount);
    expect(page.url()).toContain('from=');
    await page.click('#time-reset');
    await expect.poll(async () => (await hook(page)).visibleEdgeCount).toBe(before.visibleEdgeCount);
  });

  it('switches level and modality', async () => {
    const actor = await hook(page);
    await page.click('[data-level="person"]');
    await expect.poll(async () => (await hook(page)).filters.level).toBe('person');
    const person = await hook(page);
    expect(person.visibleNodeCount).toBeGreaterThanOrEqual(actor.visibleNodeCount);
    await page.click('[data-level="actor"]');
    await page.selectOption('#modality', 'all');
    await expect.poll(async () => (await hook(page)).filters.modality).toBe('all');
    expect((await hook(page)).visibleEdgeCount).toBeGreaterThanOrEqual(actor.visibleEdgeCount);
    await page.selectOption('#modality', 'asserted');
    await expect.poll(async () => (await hook(page)).visibleEdgeCount).toBe(actor.visibleEdgeCount);
  });

  it('restores the selected node and the filters from the URL', async () => {
    const p2 = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await p2.goto(`${srv.url}#node=turkey&off=supports`);
    await p2.waitForFunction(() => (window as unknown as { __actorgraph?: { ready: boolean } }).__actorgraph?.ready === true, null, { timeout: 20_000 });
    const s = await hook(p2);
    expect(s.selectedNode).toBe('turkey');
    expect(s.filters.hiddenTypes).toEqual(['supports']);
    expect(s.visibleEdgesByType['supports']).toBeUndefined();
    expect(await p2.locator('#panel').isVisible()).toBe(true);
    await p2.close();
  });

  it('runs ForceAtlas2 in a worker and stops it', async () => {
    await page.click('#layout');
    await expect.poll(async () => (await hook(page)).layoutRunning).toBe(true);
    await page.waitForTimeout(600);
    await page.click('#layout');
    await expect.poll(async () => (await hook(page)).layoutRunning).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it('downloads PNG and GEXF', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#download-png')]);
    const pngPath = `${ARTIFACTS}download.png`;
    await png.saveAs(pngPath);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(pngPath).subarray(1, 4).toString()).toBe('PNG');
    const gexf = await page.evaluate(async () => (await fetch('api/graph.gexf')).text());
    expect(gexf).toContain('<gexf');
    expect(await page.getAttribute('#download-gexf', 'href')).toBe('api/graph.gexf');
  });

  it('fits a phone screen', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await phone.goto(`${srv.url}#node=turkey`);
    await phone.waitForFunction(() => (window as unknown as { __actorgraph?: { ready: boolean } }).__actorgraph?.ready === true, null, { timeout: 20_000 });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    expect(await phone.locator('#toggle-sidebar').isVisible()).toBe(true);
    const graphBox = await phone.locator('#graph').boundingBox();
    expect(graphBox!.width).toBeGreaterThan(350);
    await phone.screenshot({ path: `${ARTIFACTS}viewer-phone.png` });
    await phone.close();
  });
});
