import type { ChatTurn } from '../conversation/chat-turn';

/** A stored step as decomposition needs it: the action's text and the turn that followed it. */
export interface StoredStep {
  readonly actionText: string;
  /** The user turn appended after the action (tool result, format reminder); empty if none. */
  readonly observation: string;
}

/**
 * Step-wise decomposition: the state s_i of every step, i.e. the prompt followed, for each
 * earlier step, by its action (assistant) and, when not empty, its observation (user).
 */
export function stepStates(prompt: readonly ChatTurn[], steps: readonly StoredStep[]): ChatTurn[][] {
  const states: ChatTurn[][] = [];
  const current: ChatTurn[] = [...prompt];
  for (const step of steps) {
    states.push([...current]);
    current.push({ role: 'assistant', content: step.actionText });
    if (step.observation !== '') current.push({ role: 'user', content: step.observation });
  }
  return states;
}
