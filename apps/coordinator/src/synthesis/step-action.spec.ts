import { deriveSeed } from './derive-seed';
import { prefixHash } from './prefix-hash';
import { toStepAction } from './step-action';

const context = { corpus: 'world', searchTopK: 3, callId: 't/0' };

describe('turning a generated turn into a stored action', () => {
  it('records tool calls with the arguments sent to the tools service', () => {
    expect(toStepAction('I need the city. <search_query>Paris mayor</search_query>', context)).toEqual({
      kind: 'tool_call',
      text: 'I need the city. <search_query>Paris mayor</search_query>',
      reasoning: 'I need the city.',
      toolCall: { toolName: 'search', arguments: { query: 'Paris mayor', top_k: 3, corpus: 'world' }, callId: 't/0' },
    });
    expect(toStepAction('<search_query>x</search_query>', { ...context, corpus: '' }).toolCall!.arguments).toEqual({ query: 'x', top_k: 3 });
    expect(toStepAction('<math_exp>48 / 2</math_exp>', context).toolCall).toEqual({ toolName: 'calculator', arguments: { expression: '48 / 2' }, callId: 't/0' });
  });

  it('records answers and malformed turns with the reason', () => {
    expect(toStepAction('So <answer> 24 </answer>', context)).toEqual({ kind: 'final_answer', text: 'So <answer> 24 </answer>', reasoning: 'So', answer: '24' });
    expect(toStepAction('<math_exp>1</math_exp><answer>1</answer>', context)).toMatchObject({ kind: 'malformed', parseError: expect.stringMatching(/^multiple-actions: /) });
    expect(toStepAction('no tag at all', context)).toMatchObject({ kind: 'malformed', parseError: expect.stringMatching(/^no-action: /) });
  });
});

describe('seeds and prefix hashes', () => {
  it('derives stable seeds below 2^48 that differ by label', () => {
    const a = deriveSeed(7, 'task-1', 0);
    expect(deriveSeed(7, 'task-1', 0)).toBe(a);
    expect(new Set([a, deriveSeed(7, 'task-1', 1), deriveSeed(8, 'task-1', 0), deriveSeed(7, 'task-10')]).size).toBe(4);
    expect(a).toBeLessThan(2 ** 48);
    expect(Number.isSafeInteger(a)).toBe(true);
  });

  it('hashes prompt version and messages without ambiguity', () => {
    const m = (content: string) => [{ role: 'user' as const, content }];
    expect(prefixHash('v1', m('ab'))).toBe(prefixHash('v1', m('ab')));
    expect(prefixHash('v1', m('ab'))).not.toBe(prefixHash('v2', m('ab')));
    expect(prefixHash('v1', [...m('a'), ...m('b')])).not.toBe(prefixHash('v1', m('ab')));
    expect(prefixHash('v1', m('ab'))).toMatch(/^[0-9a-f]{64}$/);
  });
});
