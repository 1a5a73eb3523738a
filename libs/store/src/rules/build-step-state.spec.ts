import type { ChatMessage } from '../domain/chat-message';
import type { Step } from '../domain/step';
import { buildStepState } from './build-step-state';

type StateStep = Pick<Step, 'index' | 'action' | 'observation'>;

const prompt: ChatMessage[] = [
  { role: 'system', content: 'Use the tools.' },
  { role: 'user', content: 'What is 48 / 2 + 1?' },
];

function step(index: number, text: string, observation: string): StateStep {
  return { index, action: { kind: 'tool_call', text, reasoning: '' }, observation };
}

describe('buildStepState', () => {
  const steps = [step(0, '<math_exp>48 / 2</math_exp>', '48 / 2 -> 24'), step(1, '<bad', ''), step(2, '<answer>25</answer>', '')];

  it('is the prompt alone for the first step', () => {
    expect(buildStepState(prompt, steps, 0)).toEqual(prompt);
  });

  it('adds each earlier action and its non-empty observation in order', () => {
    expect(buildStepState(prompt, steps, 2)).toEqual([
      ...prompt,
      { role: 'assistant', content: '<math_exp>48 / 2</math_exp>' },
      { role: 'user', content: '48 / 2 -> 24' },
      { role: 'assistant', content: '<bad' },
    ]);
  });

  it('refuses indices outside the trajectory and steps out of order', () => {
    expect(() => buildStepState(prompt, steps, 4)).toThrow('step index 4 is outside 0..3');
    expect(() => buildStepState(prompt, [steps[1], steps[0]], 2)).toThrow('position 0 holds step 1');
  });

  it('does not share message objects with the prompt', () => {
    const state = buildStepState(prompt, steps, 0);
    expect(state[0]).not.toBe(prompt[0]);
  });
});
