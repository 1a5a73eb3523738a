import fc from 'fast-check';
import type { WellFormedAction } from './action';
import { formatAction } from './format-action';
import { parseAction } from './parse-action';

// Reasoning and content as the canonical form has them: trimmed, and free of action tags.
const TAG_FREE = /<\/?(search_query|math_exp|answer)>/;
const reasoningText = fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.trim()).filter((s) => !TAG_FREE.test(s));
const contentText = reasoningText.filter((s) => s.length > 0);

const anyAction: fc.Arbitrary<WellFormedAction> = fc.oneof(
  fc.record({ kind: fc.constant('search' as const), reasoning: reasoningText, query: contentText }),
  fc.record({ kind: fc.constant('calculate' as const), reasoning: reasoningText, expression: contentText }),
  fc.record({ kind: fc.constant('answer' as const), reasoning: reasoningText, answer: contentText }),
);

describe('formatAction', () => {
  it('writes reasoning, one space and the tagged content', () => {
    expect(formatAction({ kind: 'search', reasoning: 'Find the founder.', query: 'Velora Systems' })).toBe(
      'Find the founder. <search_query>Velora Systems</search_query>',
    );
    expect(formatAction({ kind: 'calculate', reasoning: '', expression: '2 * 3' })).toBe('<math_exp>2 * 3</math_exp>');
    expect(formatAction({ kind: 'answer', reasoning: 'Done.', answer: '6' })).toBe('Done. <answer>6</answer>');
  });

  it('is inverted by parseAction', () => {
    fc.assert(
      fc.property(anyAction, (action) => {
        expect(parseAction(formatAction(action))).toEqual(action);
      }),
      { seed: 20250405, numRuns: 500 },
    );
  });
});
