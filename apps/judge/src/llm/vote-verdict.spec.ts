import { countVotes } from './vote-verdict';

describe('countVotes', () => {
  it('takes the majority of readable votes, with the first agreeing vote’s explanation', () => {
    const counted = countVotes(['It repeats step 1.\nVerdict: BAD', 'Fine.\nVerdict: GOOD', 'Repeats the query.\nVerdict: BAD'], ['GOOD', 'BAD']);
    expect(counted).toEqual({ label: 'BAD', votes: 3, counts: { GOOD: 1, BAD: 2 }, rationale: 'It repeats step 1.' });
  });

  it('abstains on a tie, and on unreadable votes quoting the first one', () => {
    expect(countVotes(['Verdict: GOOD', 'Verdict: BAD', '???'], ['GOOD', 'BAD'])).toMatchObject({ abstainReason: 'tie', rationale: 'ABSTAIN: the votes tie (1 GOOD, 1 BAD, 1 unreadable)' });
    expect(countVotes(['#$%^', 'zzz'], ['YES', 'NO'])).toMatchObject({ abstainReason: 'unreadable', rationale: 'ABSTAIN: none of the 2 votes states YES or NO; the first said "#$%^"' });
  });

  it('cuts very long explanations', () => {
    const counted = countVotes([`${'x'.repeat(5000)}\nVerdict: GOOD`], ['GOOD', 'BAD']);
    expect(counted.rationale.length).toBe(2000);
    expect(counted.rationale.endsWith('…')).toBe(true);
  });
});
