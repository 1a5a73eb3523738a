import type { ChatTurn } from '../conversation/chat-turn';

/**
 * The LLM outcome grader's prompt, adapted from the paper's evaluation grader: given the
 * question, the answer key and a response, say YES if the response is correct. Equivalent
 * formats count as correct, as the paper's math graders accept 10, 10.00 and $10. Like the step
 * judge's, a `full` variant and a `compact` one for small-context models; bump a version
 * whenever a word changes.
 */
export const OUTCOME_GRADER_PROMPTS = Object.freeze({
  full: {
    version: 'outcome-grader-full/1',
    system: [
      'You grade a response to a question against the answer key.',
      'Say YES if the response gives the same answer as the key: different wording, equivalent number formats (10, 10.00, $10, 10 dollars) and extra explanation are fine. Say NO if it gives a different answer, several conflicting answers, an answer in other units with a different value, or no answer.',
      'Explain briefly, then end with a last line that is exactly "Verdict: YES" or "Verdict: NO".',
    ].join('\n'),
  },
  compact: {
    version: 'outcome-grader-compact/1',
    system: 'Same answer as the key (formats like 10, 10.00, $10 are equal)? End with "Verdict: YES" or "Verdict: NO".',
  },
});

export type OutcomeGraderPromptVariant = keyof typeof OUTCOME_GRADER_PROMPTS;

export interface OutcomeToGrade {
  readonly question: string;
  readonly golds: readonly string[];
  readonly predicted: string;
}

export function outcomeGraderMessages(item: OutcomeToGrade, variant: OutcomeGraderPromptVariant = 'full'): ChatTurn[] {
  const key = item.golds.map((g) => g.trim()).join(' | ');
  const question = item.question.trim() === '' ? '(not given)' : item.question.trim();
  return [
    { role: 'system', content: OUTCOME_GRADER_PROMPTS[variant].system },
    { role: 'user', content: `Question: ${question}\nAnswer key: ${key}\nResponse: ${item.predicted.trim() || '(empty)'}\nIs the response correct?` },
  ];
}
