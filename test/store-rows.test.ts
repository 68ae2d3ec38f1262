import { describe, expect, it } from 'vitest';
import type { RelationMention } from '../src/extract/types.js';
import { CLAIM_FIELDS, CLAIM_OFFSET, claimId, claimRow, mentionKey } from '../src/store/rows.js';

const mention = {
  type: 'supports',
  source: 'russia',
  target: 'syria-government',
  sourcePerson: 'vladimir-putin',
  doc: 'a.txt',
  start: 10,
  end: 90,
  sentence: 'x',
  rule: 'r',
  trigger: 't',
  confidence: 0.9,
  modality: 'asserted',
  date: '2016-01-01',
} as RelationMention;

describe('claim identity', () => {
  // A store loaded by an earlier version is reloaded onto the same Claim nodes only if these never change:
  // the values were computed by the version that first stored claims.
  it('keeps the ids earlier versions stored', () => {
    expect(claimId(mention)).toBe('dd799bcab3f8c6f900e6e232401020b5');
    expect(claimId({ ...mention, sourcePerson: undefined })).toBe('f17ea1f33f438d9c50f4a44c6a3466d5');
    expect(mentionKey(mention)).toBe('b3c3bbeea766c4d2');
  });

  it('tells apart the persons a mention was read as, but not for its weight', () => {
    const other = { ...mention, sourcePerson: 'sergei-lavrov' };
    expect(claimId(other)).not.toBe(claimId(mention));
    expect(mentionKey(other)).toBe(mentionKey(mention));
  });
});

describe('claim rows', () => {
  it('carry each property at the place CLAIM_FIELDS gives it', () => {
    const m = { ...mention, targetPerson: 'bashar-al-assad', place: 'geneva', attributedTo: 'un' } as RelationMention;
    const pair = { key: 'supports|russia|syria-government', source: 'russia', target: 'syria-government' };
    const row = claimRow(m, { subject: 'russia', object: 'syria-government', pair });
    const expected: Record<string, unknown> = { ...m, pair: pair.key, mention: mentionKey(m) };
    expect(row.slice(0, CLAIM_OFFSET)).toEqual([claimId(m), 'russia', 'syria-government', 'a.txt']);
    expect(row.slice(CLAIM_OFFSET)).toEqual(CLAIM_FIELDS.map((f) => expected[f] ?? null));
    expect(row).toHaveLength(CLAIM_OFFSET + CLAIM_FIELDS.length);
  });
});
