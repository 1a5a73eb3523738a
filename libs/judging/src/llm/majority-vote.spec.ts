import { majorityVote } from './majority-vote';
import { voteSeed } from './vote-seed';

describe('majorityVote', () => {
  const GB = ['GOOD', 'BAD'] as const;
  it('takes the label with strictly more votes; unreadable votes count for neither', () => {
    expect(majorityVote(GB, ['GOOD', 'BAD', 'GOOD'])).toEqual({ label: 'GOOD', votes: 3, counts: { GOOD: 2, BAD: 1 }, firstAgreeing: 0 });
    expect(majorityVote(GB, [undefined, 'BAD', undefined, undefined, undefined])).toMatchObject({ label: 'BAD', votes: 5, firstAgreeing: 1 });
  });

  it('abstains on a tie and when nothing could be read', () => {
    expect(majorityVote(GB, ['GOOD', 'BAD']).label).toBeUndefined();
    expect(majorityVote(GB, [undefined, undefined])).toEqual({ votes: 2, counts: { GOOD: 0, BAD: 0 } });
    expect(majorityVote(GB, []).label).toBeUndefined();
  });
});

describe('voteSeed', () => {
  it('is a deterministic integer below 2^53 that depends on the key', () => {
    expect(voteSeed('a')).toBe(voteSeed('a'));
    expect(voteSeed('a')).not.toBe(voteSeed('b'));
    expect(Number.isSafeInteger(voteSeed('a'))).toBe(true);
  });
});
