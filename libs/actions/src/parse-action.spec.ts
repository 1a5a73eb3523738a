import { parseAction } from './parse-action';
import { MALFORMED_MESSAGES } from './malformed-problem';

describe('parseAction', () => {
  it('reads a search call with its reasoning', () => {
    expect(parseAction('I need the founder. <search_query> Velora Systems founder </search_query>')).toEqual({
      kind: 'search',
      reasoning: 'I need the founder.',
      query: 'Velora Systems founder',
    });
  });

  it('reads a calculator call and an answer', () => {
    expect(parseAction('<math_exp>48 / 2</math_exp>')).toEqual({ kind: 'calculate', reasoning: '', expression: '48 / 2' });
    expect(parseAction('So it is 24.\n<answer>24</answer>\n')).toEqual({ kind: 'answer', reasoning: 'So it is 24.', answer: '24' });
  });

  it('keeps a multi-line content and "<" characters inside a tag', () => {
    expect(parseAction('<math_exp>3 < 4</math_exp>')).toMatchObject({ kind: 'calculate', expression: '3 < 4' });
  });

  it.each([
    ['plain text, no tag', 'I think the answer is 4.', 'no-action'],
    ['an empty turn', '   ', 'no-action'],
    ['only a closing tag', 'foo</answer>', 'no-action'],
    ['two calls', '<search_query>a</search_query> <search_query>b</search_query>', 'multiple-actions'],
    ['a call and an answer', '<math_exp>1+1</math_exp><answer>2</answer>', 'multiple-actions'],
    ['a second unclosed tag', '<answer>2</answer> <math_exp>1', 'multiple-actions'],
    ['a missing closing tag', 'Let me search. <search_query>Velora', 'unclosed-tag'],
    ['a mismatched closing tag', '<search_query>Velora</answer>', 'unclosed-tag'],
    ['an empty tag', 'Hmm. <answer>  </answer>', 'empty-content'],
    ['text after the tag', '<answer>24</answer> because 48/2 = 24', 'text-after-action'],
  ])('reports %s', (_name, text, problem) => {
    const parsed = parseAction(text);
    expect(parsed).toMatchObject({ kind: 'malformed', problem });
    if (parsed.kind === 'malformed') expect(parsed.message).toBe(MALFORMED_MESSAGES[parsed.problem]);
  });

  it('keeps the reasoning of a malformed turn', () => {
    expect(parseAction('First I add. <math_exp>1 +').reasoning).toBe('First I add.');
    expect(parseAction(' no tag here ').reasoning).toBe('no tag here');
  });

  it('explains every problem in an instruction a model can follow', () => {
    for (const message of Object.values(MALFORMED_MESSAGES)) expect(message).toMatch(/\.$/);
  });
});
