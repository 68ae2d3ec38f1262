import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/extract/tokenize.js';

const lower = (text: string) => tokenize(text).map((t) => t.l);

describe('tokenize', () => {
  it('splits the clitics the lexicon reads on their own', () => {
    expect(lower("Russia's envoy didn't come")).toEqual(['russia', "'s", 'envoy', 'did', "n't", 'come']);
  });

  it("reads a plural name's bare apostrophe as the possessive clitic, keeping the surface and offsets", () => {
    const toks = tokenize("the United States' support");
    expect(toks.map((t) => t.l)).toEqual(['the', 'united', 'states', "'s", 'support']);
    const apostrophe = toks[3]!;
    expect([apostrophe.t, apostrophe.start, apostrophe.end, apostrophe.sp]).toEqual(["'", 17, 18, false]);
    expect(lower('the Philippines’ ally')).toContain("'s");
  });

  it('leaves a closing quote a quote', () => {
    // the quote opened before the word ending in s is what this apostrophe closes
    expect(lower("Moscow called the talks 'a farce of Americans' and left")).not.toContain("'s");
    // and a lower-case plural is no name ("the rebels' positions" stays as it was)
    expect(lower("the rebels' positions")).not.toContain("'s");
  });
});
