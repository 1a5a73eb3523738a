import { STOP_SEQUENCES } from '@swirl/actions';
import { PROMPT_VERSION, renderConversation, systemPrompt } from './prompts';

describe('prompts', () => {
  it('explain the tools, the tags and the observation format per family', () => {
    expect(systemPrompt('multihop')).toContain('<search_query>');
    expect(systemPrompt('multihop')).not.toContain('<math_exp>');
    expect(systemPrompt('math')).toContain('<math_exp>');
    for (const family of ['multihop', 'math'] as const) {
      expect(systemPrompt(family)).toContain('QUERY -> RESULT');
      expect(systemPrompt(family)).toContain('<answer>');
    }
    expect(PROMPT_VERSION).toMatch(/\/\d+$/);
    expect(STOP_SEQUENCES).toContain('</answer>');
  });

  it('render a trajectory prefix as chat messages', () => {
    const question = { family: 'math' as const, question: 'What is 48 / 2?' };
    expect(renderConversation(question, [])).toEqual([
      { role: 'system', content: systemPrompt('math') },
      { role: 'user', content: 'Question: What is 48 / 2?' },
    ]);
    const messages = renderConversation(question, [{ action: '<math_exp>48 / 2</math_exp>', observation: '48 / 2 -> 24' }, { action: '<answer>24</answer>' }]);
    expect(messages.slice(2)).toEqual([
      { role: 'assistant', content: '<math_exp>48 / 2</math_exp>' },
      { role: 'user', content: '48 / 2 -> 24' },
      { role: 'assistant', content: '<answer>24</answer>' },
    ]);
  });
});
