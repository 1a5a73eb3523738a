import { parseAction, type ParsedAction } from '@swirl/actions';
import type { ChatTurn } from './chat-turn';
import { readObservation, type Observation } from './observation';

/** An earlier step of the conversation: the assistant's turn and the tool's response to it. */
export interface EarlierStep {
  readonly index: number;
  readonly text: string;
  readonly action: ParsedAction;
  /** The user (or tool) turn that followed, if any. */
  readonly observation?: Observation;
}

/** The prefix read into its parts. */
export interface Conversation {
  /** System messages, joined. */
  readonly system: string;
  /** The question: the first user turn, without a leading `Question:` label. */
  readonly question: string;
  readonly steps: readonly EarlierStep[];
}

function questionOf(text: string): string {
  const labelled = /(?:^|\n)\s*question\s*:\s*/gi;
  let start = -1;
  for (let m = labelled.exec(text); m !== null; m = labelled.exec(text)) start = m.index + m[0].length;
  return (start >= 0 ? text.slice(start) : text).trim();
}

const callOf = (action: ParsedAction) => (action.kind === 'search' ? action.query : action.kind === 'calculate' ? action.expression : undefined);

/**
 * Reads a SWiRL prefix: system prompt, the question as the first user turn, then assistant
 * actions each followed by the tool's `CALL -> RESULT` turn.
 */
export function readConversation(prefix: readonly ChatTurn[]): Conversation {
  const system: string[] = [];
  let question: string | undefined;
  const steps: { index: number; text: string; action: ParsedAction; observation?: Observation }[] = [];
  for (const turn of prefix) {
    if (turn.role === 'system') system.push(turn.content);
    else if (turn.role === 'assistant') steps.push({ index: steps.length, text: turn.content, action: parseAction(turn.content) });
    else if (question === undefined && steps.length === 0) question = questionOf(turn.content);
    else {
      const last = steps[steps.length - 1];
      if (last !== undefined && last.observation === undefined) last.observation = readObservation(turn.content, callOf(last.action));
    }
  }
  return { system: system.join('\n'), question: question ?? '', steps };
}
