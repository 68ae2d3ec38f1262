import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActorGraph } from '../../src/graph/types.js';
import { makeFixtureGraph } from '../viewer/fixture.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's chromium: the binary itself, else the wrapper, else $CHROMIUM_PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p)) ?? null;
}

export const IS_CI = ['true', '1'].includes(String(process.env.CI ?? '').toLowerCase());

export const HOSTILE_TITLE = 'Turkey <b>steps up</b> support <script>alert("title")</script>';
export const HOSTILE_SENTENCE = 'Turkey backs the rebels <img src=x onerror=alert(1)> <script>alert(1)</script>.';
const HOSTILE_TEXT = `${HOSTILE_TITLE}\n\nANKARA, Dec. 20, 2016 -- ${HOSTILE_SENTENCE} Officials gave no details.\n`;

function hasHostileEvidence(g: ActorGraph): boolean {
  let found = false;
  g.forEachEdge((_k, a) => {
    if (a.evidence.some((e) => e.sentence.includes('<img src=x onerror=alert(1)>'))) found = true;
  });
  return found;
}

/**
 * The seed graph plus one hostile article, through the real pipeline when it
 * extracts the hostile relation; otherwise the hand-made fixture with the same
 * hostile evidence, so the viewer is still exercised.
 */
export async function seedGraphWithHostileArticle(): Promise<{ graph: ActorGraph; source: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'actorgraph-hostile-'));
  writeFileSync(join(dir, 'hostile.txt'), HOSTILE_TEXT);
  try {
    const { buildFromPaths } = await import('../../src/pipeline.js');
    const r = await buildFromPaths(['seeds', dir]);
    if (r.graph.hasNode('turkey') && r.graph.size > 0 && hasHostileEvidence(r.graph)) return { graph: r.graph, source: 'pipeline (seeds + hostile article)' };
  } catch {
    // pipeline not usable: fall through to the fixture
  }
  const graph = makeFixtureGraph(
    [
      ['supports', 'turkey', 'syrian-rebels', 'hostile.txt', HOSTILE_SENTENCE],
    ],
    { 'hostile.txt': { title: HOSTILE_TITLE, date: '2016-12-20' } },
  );
  return { graph, source: 'hand-made fixture + hostile article' };
}
