import { statedResults } from './stated-results';

describe('statedResults', () => {
  it('keeps results the text worked out correctly', () => {
    expect(statedResults('Left: 200 - 16 = 184 eggs.')).toEqual([184]);
    expect(statedResults('So 8 x 3 = 24, and 24 + 1 = 25.')).toEqual([24, 25]);
  });

  it('drops a wrong or merely asserted result', () => {
    expect(statedResults('2 + 2 = 5')).toEqual([]);
    expect(statedResults('it is 184')).toEqual([]);
  });

  it('reads degenerate digit-and-dot runs from a sampled policy without backtracking forever', () => {
    // With nested repetition in the pattern this input took minutes (exponential backtracking).
    const degenerate = 'The answer is 2033.3333333.3330.3033333333333333.3363333333.1.2.3.4.5.6.7.8.9.1.2.3.4.5.6. <answer>-733..3333333333773</answer>';
    expect(statedResults(degenerate)).toEqual([]);
  });
});
