import { trainSequence } from './train-sequence';

describe('trainSequence', () => {
  it('puts the loss and the sampling log-probs on the action tokens only', () => {
    const s = trainSequence('ex/0', [256, 260, 10], { tokenIds: [60, 97], logprobs: [-0.5, -1.5] }, 0.7);
    expect(s).toEqual({
      id: 'ex/0',
      tokenIds: [256, 260, 10, 60, 97],
      lossMask: [false, false, false, true, true],
      advantage: 0.7,
      tokenAdvantages: [],
      oldLogprobs: [0, 0, 0, -0.5, -1.5],
      refLogprobs: [],
      weight: 0,
    });
  });

  it('sends no old log-probs for SFT examples', () => {
    const s = trainSequence('ex/1', [1, 2], { tokenIds: [3] });
    expect(s.oldLogprobs).toEqual([]);
    expect(s.lossMask).toEqual([false, false, true]);
  });

  it('refuses empty prompts, empty actions and misaligned log-probs', () => {
    expect(() => trainSequence('a', [], { tokenIds: [1] })).toThrow('prompt has no tokens');
    expect(() => trainSequence('a', [1], { tokenIds: [] })).toThrow('action has no tokens');
    expect(() => trainSequence('a', [1], { tokenIds: [2, 3], logprobs: [-1] })).toThrow('1 log-probs for 2 action tokens');
  });
});
