import type { ChatMessage } from '../domain/chat-message';
import type { Step } from '../domain/step';

/**
 * The state s_i of step `index` (the proto's rule): the prompt, then for every earlier step an
 * assistant message with its action text and, when its observation is not empty, a user message
 * with the observation.
 */
export function buildStepState(
  prompt: readonly ChatMessage[],
  steps: readonly Pick<Step, 'index' | 'action' | 'observation'>[],
  index: number,
): ChatMessage[] {
  if (!Number.isInteger(index) || index < 0 || index > steps.length) {
    throw new RangeError(`step index ${index} is outside 0..${steps.length} (the trajectory has ${steps.length} steps)`);
  }
  const state: ChatMessage[] = prompt.map((message) => ({ role: message.role, content: message.content }));
  for (let j = 0; j < index; j++) {
    const step = steps[j];
    if (step.index !== j) throw new RangeError(`steps must be in order without gaps: position ${j} holds step ${step.index}`);
    state.push({ role: 'assistant', content: step.action.text });
    if (step.observation !== '') state.push({ role: 'user', content: step.observation });
  }
  return state;
}
