import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/ingest/types.js';
import { bodyParts, bodyText, readAll, spansAreSound, writeTree } from './ingest-helpers.js';

const SEEDS = join(import.meta.dirname, '..', 'seeds');
const DEV = '/work/shared/dev/articles';

async function seed(prefix: string): Promise<Article> {
  const { articles } = await readAll([SEEDS]);
  const a = articles.find((x) => x.id.startsWith(prefix));
  if (!a) throw new Error(`no seed ${prefix}`);
  return a;
}

async function one(text: string, name = 'x.txt'): Promise<Article> {
  const { articles, issues } = await readAll([join(writeTree({ [name]: text }), name)]);
  expect(issues).toEqual([]);
  return articles[0]!;
}

describe('boilerplate on the seeds', () => {
  it('seed 003: related headlines, ads and promo blurbs are outside body; the story is inside', async () => {
    const a = await seed('003');
    const body = bodyText(a);
    expect(a.text).toContain('NNPP founder accuses Kwankwaso of betrayal, threatens legal action');
    expect(body).not.toContain('NNPP founder accuses Kwankwaso');
    expect(body).not.toContain('Plateau Gov urges calm');
    expect(body).not.toContain('Lionel Messi');
    expect(body).not.toContain('Pulse Sports');
    expect(body).not.toContain('Recommended articles');
    expect(body).not.toMatch(/ADVERTISEMENT/i);
    expect(body).not.toContain('JOIN OUR PULSE COMMUNITY');
    expect(body).not.toContain('Unblock notifications');
    expect(body).not.toContain('eyewitness@pulse.ng');
    expect(body).not.toContain('focus group');
    expect(body).not.toContain("President says Aleppo win 'huge step'");
    expect(body).toContain('In a blistering three-week offensive, Syrian government forces have seized about 80 percent of east Aleppo');
    expect(body).toContain('"Terrorists are present elsewhere -- even if we finish with Aleppo, we will continue our war against them," he said.');
    expect(body).toContain('"We really do want ties with every country in the world, including the West, despite our previous knowledge of their hypocrisy."');
    // The standfirst repeats a later paragraph: it is body once, not twice.
    expect(body.split('The United States, Britain and France have also called for a truce').length - 1).toBe(1);
    expect(spansAreSound(a)).toBe(true);
  });

  it('seed 003: image-file junk is cut from the start of its paragraph', async () => {
    const a = await seed('003');
    const parts = bodyParts(a);
    expect(parts).toContain(
      "Syria's conflict erupted in March 2011 with widespread demonstrations but has since turned into a brutal multi-front war drawing in world powers.",
    );
    expect(bodyText(a)).not.toContain('jpegMpeg4');
  });

  it('seed 000: skip link, credited caption, newsletter and publisher footer are outside body', async () => {
    const a = await seed('000');
    const body = bodyText(a);
    expect(body).not.toContain('Skip to main content');
    expect(body).not.toContain('Stay informed');
    expect(body).not.toContain('Sign up to get the latest alerts');
    expect(body).not.toContain('To learn more about republishing');
    expect(body).not.toContain("fight 'terror' (AFP)");
    expect(body).toContain('Russia and Iran are Assad\'s main allies');
    expect(body).toContain("Syria's President Bashar al-Assad told a top official from key supporter Iran on Sunday");
  });

  it('seed 001: the comments section is outside body', async () => {
    const a = await seed('001');
    expect(bodyText(a)).not.toMatch(/Comments/);
    expect(bodyParts(a)[0]).toMatch(/^The Syrian regime and key ally Russia have agreed/);
    expect(bodyParts(a)).toHaveLength(5);
  });

  it('seed 002: share buttons and the repeated credited caption are outside body', async () => {
    const a = await seed('002');
    const body = bodyText(a);
    expect(body).not.toContain('Send in e-mail');
    expect(body).not.toContain('speaks with French journalists');
    expect(body).not.toContain('Credit: Uncredited/AP');
    expect(bodyParts(a)[0]).toMatch(/^Syrian President Bashar Assad said he believed peace talks in Kazakhstan/);
  });

  it('seed 004: "Read more" headings go, the prose after them stays', async () => {
    const a = await seed('004');
    const body = bodyText(a);
    expect(body).not.toMatch(/^Read more$/m);
    expect(body).toContain('During the talks, the Syrian leader hailed Iran');
    expect(body).toContain('On Wednesday, Amir-Abdollahian sat down with Syria');
    expect(bodyParts(a)[0]).toMatch(/^Damascus and Tehran have reaffirmed/);
  });

  it('every body span is an exact range of the text', async () => {
    const { articles } = await readAll([SEEDS, DEV]);
    expect(articles.length).toBe(13);
    for (const a of articles) {
      expect(spansAreSound(a)).toBe(true);
      const lines = new Set(a.text.split('\n').map((l) => l.trim()));
      for (const part of bodyParts(a)) {
        // A kept paragraph is a whole line, or the tail of one whose media junk was cut.
        expect([...lines].some((l) => l === part || l.endsWith(part))).toBe(true);
      }
    }
  });
});

describe('boilerplate on the dev articles', () => {
  it('Daily Mail captions that restate paragraphs are dropped, the paragraphs kept', async () => {
    const { articles } = await readAll([join(DEV, 'dev_afg_02_dailymail_pompeo_arrives_qatar_taliban_afghan_talks.txt')]);
    const parts = bodyParts(articles[0]!);
    const caption = 'Pompeo arrived late on Friday in Doha, ahead of an opening ceremony on Saturday for the peace talks aimed at ending two decades of war';
    expect(parts).not.toContain(caption);
    // The page copy has a no-break space inside the paragraph; compare with spaces folded.
    const folded = parts.map((p) => p.replace(/\u00a0\s*/g, ' '));
    expect(folded).toContain(`${caption} that has killed tens of thousands of combatants and civilians.`);
    expect(folded.filter((p) => p.startsWith('Pompeo arrived late on Friday'))).toHaveLength(1);
  });

  it('wire credits and "Source:" lines are outside body', async () => {
    const { articles } = await readAll([DEV]);
    for (const a of articles) {
      expect(bodyText(a)).not.toMatch(/^\(Additional reporting by/m);
      expect(bodyText(a)).not.toMatch(/^Source: /m);
    }
  });
});

describe('boilerplate rules, general', () => {
  const story = (lines: string[]) => lines.join('\n\n') + '\n';

  it('drops ads, share, sign-up and comment lines but keeps prose that mentions such words', async () => {
    const a = await one(
      story([
        'Headline of the day',
        'Advertisement',
        'Story continues below advertisement',
        'Share',
        'Tweet',
        'Share on Facebook',
        'Subscribe to our daily newsletter',
        'Get the latest headlines delivered to your inbox',
        'Join our WhatsApp community',
        'Email: tips@example.org',
        'The minister refused to subscribe to the plan, saying the newsletter published by the rebels last week was full of lies and that the government would respond.',
        'Officials met in Geneva on Monday.',
        'Leave a comment',
        'All rights reserved',
      ]),
    );
    expect(bodyParts(a)).toEqual([
      'The minister refused to subscribe to the plan, saying the newsletter published by the rebels last week was full of lies and that the government would respond.',
      'Officials met in Geneva on Monday.',
    ]);
  });

  it('cuts a related list of short headlines after its heading, up to the next prose paragraph', async () => {
    const a = await one(
      story([
        'Main headline',
        'Rebels and the army agreed to a truce on Friday.',
        'Related',
        'Army retakes northern town',
        'Talks stall in Geneva',
        'Why the ceasefire matters',
        'The truce is expected to hold through the weekend, officials said.',
        'More from World',
        'Floods hit the capital',
        'Floods hit the capital',
      ]),
    );
    expect(bodyParts(a)).toEqual([
      'Rebels and the army agreed to a truce on Friday.',
      'The truce is expected to hold through the weekend, officials said.',
    ]);
  });

  it('everything under a trailing comments heading is outside body', async () => {
    const a = await one(
      story([
        'Headline',
        'First paragraph of the story.',
        'Second paragraph of the story.',
        'Third paragraph of the story.',
        'Comments',
        'I think this is a disgrace and the minister should resign.',
        'Totally agree with you.',
      ]),
    );
    expect(bodyParts(a)).toEqual(['First paragraph of the story.', 'Second paragraph of the story.', 'Third paragraph of the story.']);
  });

  it('a caption repeated word for word is body once; a credited caption not at all', async () => {
    const caption = 'Troops patrol a street in the eastern district of the city';
    const a = await one(
      story([
        'Headline',
        caption,
        'The army deployed troops to the eastern district on Sunday.',
        caption,
        'Protesters gather outside parliament in the capital (Reuters)',
        'Parliament will vote next week.',
      ]),
    );
    expect(bodyParts(a)).toEqual(['The army deployed troops to the eastern district on Sunday.', 'Parliament will vote next week.']);
  });

  it('user rules from a boilerplate file extend the built-in lists', async () => {
    const { readArticles } = await import('../src/ingest/index.js');
    const dir = writeTree({
      'a.txt': 'Headline\n\nZapp Media brings you the news\n\nThe story itself is here.\n',
      'rules.json': JSON.stringify({ prefix: ['zapp media'] }),
    });
    const out: Article[] = [];
    for await (const a of readArticles([join(dir, 'a.txt')], { boilerplateFile: join(dir, 'rules.json') })) out.push(a);
    expect(bodyParts(out[0]!)).toEqual(['The story itself is here.']);
    const plain = await one('Headline\n\nZapp Media brings you the news\n\nThe story itself is here.\n');
    expect(bodyParts(plain)).toContain('Zapp Media brings you the news');
  });
});
