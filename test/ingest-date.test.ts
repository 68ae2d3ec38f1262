import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseDate } from '../src/ingest/index.js';
import type { Article } from '../src/ingest/types.js';
import { bodyText, readAll, writeTree } from './ingest-helpers.js';

async function txt(text: string): Promise<Article> {
  const dir = writeTree({ 'a.txt': text });
  const { articles } = await readAll([join(dir, 'a.txt')]);
  return articles[0]!;
}

describe('normaliseDate', () => {
  it.each([
    ['2016-12-07', '2016-12-07'],
    ['2016-12-07T23:30:00-05:00', '2016-12-07'],
    ['2016-12-07T04:30:00Z', '2016-12-07'],
    ['Wed, 07 Dec 2016 10:00:00 +0000', '2016-12-07'],
    ['December 7, 2016', '2016-12-07'],
    ['Dec. 7, 2016', '2016-12-07'],
    ['7 December 2016', '2016-12-07'],
    ['Thursday 8 December 2016', '2016-12-08'],
    ['Feb 27th 2020', '2020-02-27'],
    ['2016/12/07', '2016-12-07'],
    ['20161207', '2016-12-07'],
  ])('%s -> %s', (input, want) => {
    expect(normaliseDate(input)).toBe(want);
  });

  it('epoch seconds and milliseconds', () => {
    expect(normaliseDate(1481104800)).toBe('2016-12-07');
    expect(normaliseDate(1481104800000)).toBe('2016-12-07');
  });

  it.each(['Dec 7', 'December 2016', 'Thursday', '2016-02-30', 'February 30, 2016', '07/12/2016', 'soon', '', null, undefined, {}])(
    'no full date in %j -> null',
    (input) => {
      expect(normaliseDate(input)).toBeNull();
    },
  );
});

describe('publication date of an article', () => {
  it('metadata wins and is marked as such', async () => {
    const dir = writeTree({
      'a.json': JSON.stringify({ text: 'Headline\n\nPublished on 1 January 2001\n\nStory.', date: 'December 7, 2016' }),
    });
    const a = (await readAll([dir])).articles[0]!;
    expect(a.date).toBe('2016-12-07');
    expect(a.dateSource).toBe('metadata');
  });

  it('unreadable metadata falls back to the dateline, never to a guess', async () => {
    const dir = writeTree({
      'a.json': JSON.stringify({ text: 'Headline\n\n12 December 2016\n\nStory.', date: 'last Tuesday' }),
      'b.json': JSON.stringify({ text: 'Headline\n\nStory without any date.', date: 'last Tuesday' }),
    });
    const [a, b] = (await readAll([dir])).articles;
    expect([a!.date, a!.dateSource]).toEqual(['2016-12-12', 'dateline']);
    expect([b!.date, b!.dateSource]).toEqual([null, null]);
  });

  it('a wire dateline with a year', async () => {
    const a = await txt('Syria truce holds\n\nDAMASCUS, Dec 7, 2016 (Reuters) - The Syrian army said on Wednesday it had taken the old city.\n');
    expect([a.date, a.dateSource]).toEqual(['2016-12-07', 'dateline']);
    // The dateline sentence is story text: it stays body.
    expect(bodyText(a)).toContain('DAMASCUS, Dec 7, 2016 (Reuters) - The Syrian army said');
  });

  it('a wire dateline without a year gives no date rather than an invented one', async () => {
    const a = await txt('Syria truce holds\n\nDAMASCUS, Dec 7 (Reuters) - The Syrian army said on Wednesday it had taken the old city.\n');
    expect(a.date).toBeNull();
    expect(a.dateSource).toBeNull();
  });

  it('"Published on ..." anywhere, preferred to "Updated"', async () => {
    const a = await txt(
      'Headline\n\nUpdated: Thursday 8 December 2016\n\nA paragraph.\n\nAnother paragraph.\n\nMore.\n\nMore still.\n\nEven more.\n\nPublished on 12 March 2016\n',
    );
    expect([a.date, a.dateSource]).toEqual(['2016-03-12', 'dateline']);
    expect(bodyText(a)).not.toContain('Published on');
  });

  it('"Published ..." after a byline and a separator, and never after a dash inside a sentence', async () => {
    const a = await txt('Headline\n\nBy Staff Reporter | Published November 2, 2022\n\nThe story begins here and goes on.\n');
    expect([a.date, a.dateSource]).toEqual(['2022-11-02', 'dateline']);
    const b = await txt('Headline\n\nThe story begins here.\n\nHis memoir \u2014 published on 3 May 1999 \u2014 sold well, the paper said.\n');
    expect(b.date).toBeNull();
  });

  it('"Updated: Thursday 8 December 2016" alone', async () => {
    const a = await txt('Headline\n\nUpdated: Thursday 8 December 2016\n\nA paragraph of the story.\n');
    expect([a.date, a.dateSource]).toEqual(['2016-12-08', 'dateline']);
  });

  it('a date-only line under the headline, which is then not body', async () => {
    const a = await txt('America and the Taliban prepare to sign a peace deal\n\nFeb 27th 2020 KABUL\n\nAFGHANISTAN AND optimism do not go hand in hand.\n');
    expect([a.date, a.dateSource]).toEqual(['2020-02-27', 'dateline']);
    expect(bodyText(a)).toBe('AFGHANISTAN AND optimism do not go hand in hand.');
  });

  it('a date inside a sentence deep in the story is not a publication date', async () => {
    const paras = Array.from({ length: 8 }, (_, i) => `Paragraph ${i + 1} of the story says nothing of dates.`);
    paras.push('The ceasefire took effect on December 7, 2016, officials said.');
    const a = await txt(`Headline\n\n${paras.join('\n\n')}\n`);
    expect(a.date).toBeNull();
    expect(a.dateSource).toBeNull();
  });

  it('a date inside a caption sentence near the top is not a dateline either', async () => {
    const a = await txt(
      'Headline\n\nResidents flee the eastern districts through the old quarter after it was seized by government forces, on December 7, 2016\n\nStory text.\n',
    );
    expect(a.date).toBeNull();
  });

  it('the Economist dev article dates itself from its dateline line', async () => {
    const { articles } = await readAll(['/work/shared/dev/articles/dev_lby_02_economist_haftar_not_interested_in_compromise.txt']);
    expect([articles[0]!.date, articles[0]!.dateSource]).toEqual(['2020-01-23', 'dateline']);
  });
});
