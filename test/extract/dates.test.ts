import { describe, expect, it } from 'vitest';
import { eventDate } from '../../src/extract/dates.js';
import { extractText } from './helpers.js';

describe('event dates', () => {
  it('absolute dates', () => {
    expect(eventDate('The truce took effect on December 30, 2016.', null)).toBe('2016-12-30');
  });

  it('relative dates resolve against the publication date', () => {
    // 2017-01-12 was a Thursday; "on Monday" is the Monday before it.
    expect(eventDate('They met on Monday.', '2017-01-12')).toBe('2017-01-09');
    expect(eventDate('The talks began last month.', '2017-01-12')).toMatch(/^2016-12/);
    expect(eventDate('They met in July.', '2017-01-12')).toBe('2016-07-01');
  });

  it('a relative date without a publication date stays unknown', () => {
    expect(eventDate('They met on Monday.', null)).toBeNull();
    expect(eventDate('A ceasefire brokered last month held.', null)).toBeNull();
    expect(eventDate('No date here.', '2017-01-12')).toBeNull();
  });

  it('a mention takes the sentence date, else the article date, else none', () => {
    const dated = extractText('CAIRO, Jan 12, 2017 (Reuters) - Egypt held talks with Ethiopia on Monday.').relations[0];
    expect(dated?.date).toBe('2017-01-09');
    const undated = extractText('Egypt held talks with Ethiopia on Monday.').relations[0];
    expect(undated?.date).toBeNull();
  });
});
