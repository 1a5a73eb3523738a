import type { StepAction } from '@swirl/store';
import { decomposeTrajectory } from './decompose-trajectory';

const step = (index: number, text: string, observation: string) => ({ index, action: { kind: 'tool_call', text, reasoning: '' } as StepAction, observation });

describe('decomposeTrajectory', () => {
  it('turns K steps into K (state, action) examples whose states are prefixes with tool results', () => {
    const prompt = [
      { role: 'system' as const, content: 'rules' },
      { role: 'user' as const, content: 'Question: 48 / 2 + 1?' },
    ];
    const steps = [step(0, '<math_exp>48 / 2</math_exp>', '48 / 2 -> 24'), step(1, '<math_exp>24 + 1</math_exp>', '24 + 1 -> 25'), step(2, '<answer>25</answer>', '')];
    const examples = decomposeTrajectory({ id: 't1', prompt, steps });
    expect(examples.map((e) => [e.exampleId, e.stepIndex, e.state.length, e.step.action.text])).toEqual([
      ['t1/0', 0, 2, '<math_exp>48 / 2</math_exp>'],
      ['t1/1', 1, 4, '<math_exp>24 + 1</math_exp>'],
      ['t1/2', 2, 6, '<answer>25</answer>'],
    ]);
    expect(examples[2]!.state.slice(2)).toEqual([
      { role: 'assistant', content: '<math_exp>48 / 2</math_exp>' },
      { role: 'user', content: '48 / 2 -> 24' },
      { role: 'assistant', content: '<math_exp>24 + 1</math_exp>' },
      { role: 'user', content: '24 + 1 -> 25' },
    ]);
    expect(examples[1]!.state.slice(0, 4)).toEqual(examples[2]!.state.slice(0, 4));
  });
});
