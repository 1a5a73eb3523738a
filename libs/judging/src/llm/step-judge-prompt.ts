import type { ChatTurn, StepToJudge } from '../conversation/chat-turn';
import { renderTranscript } from './render-transcript';

/**
 * The process judge's prompt, adapted from the paper's GOOD/BAD judging prompt (Goldie et al.,
 * 2025): judge only the last message; a query is GOOD if it is likely to help answer the
 * question; an answer is GOOD if it follows from the tool results so far, not whether it is
 * right. Two variants: `full` for capable judges, `compact` for models with a small context.
 * Bump a variant's version whenever a word of it changes: verdicts are cached by version.
 */
export const STEP_JUDGE_PROMPTS = Object.freeze({
  full: {
    version: 'step-judge-full/1',
    system: [
      'You are a careful judge of one step in a multi-step solution. An assistant answers a question step by step; in each turn it either calls a tool (<search_query>QUERY</search_query> searches an encyclopedia, <math_exp>EXPRESSION</math_exp> runs a calculator) or gives its final answer (<answer>ANSWER</answer>). Tool results come back as "QUERY -> RESULT".',
      'Judge ONLY the last message of the assistant, given everything before it. Earlier messages may contain mistakes; do not hold them against the last message.',
      'Rules:',
      '- A search query is GOOD if it is likely to help answer the original question (it is about the question or about something earlier results revealed) and does not repeat an earlier query.',
      '- A calculation is GOOD if it is a sensible next step: it parses, and it combines numbers from the question or from earlier results in a way that makes sense.',
      '- A final answer is GOOD if it follows from the tool results seen so far. Do not judge whether it is actually correct; judge whether the results support it.',
      '- A message with no action, with several actions, or with both a tool call and an answer is BAD.',
      'First explain your judgement in a few sentences. Then end with a last line that is exactly "Verdict: GOOD" or "Verdict: BAD".',
    ].join('\n'),
    user: (transcript: string, action: string) =>
      `The conversation so far:\n${transcript}\n\nThe last message, to judge:\n${action}\n\nIs the last message GOOD or BAD?`,
  },
  compact: {
    version: 'step-judge-compact/1',
    system: 'Judge only the last step. GOOD if it helps answer the question and follows from earlier results; otherwise BAD. End with "Verdict: GOOD" or "Verdict: BAD".',
    user: (transcript: string, action: string) => `${transcript}\nLast step: ${action}\nVerdict?`,
  },
});

export type StepJudgePromptVariant = keyof typeof STEP_JUDGE_PROMPTS;

/** Prompt size bounds: the judge model's context is finite. */
export interface PromptLimits {
  /** Longest conversation transcript in the prompt, in characters. */
  readonly maxTranscriptChars: number;
}

/** The chat messages sent to an LLM judge for one step. */
export function stepJudgeMessages(step: StepToJudge, variant: StepJudgePromptVariant, limits: PromptLimits): ChatTurn[] {
  const prompt = STEP_JUDGE_PROMPTS[variant];
  const transcript = renderTranscript(step.prefix, { maxChars: limits.maxTranscriptChars });
  return [
    { role: 'system', content: prompt.system },
    { role: 'user', content: prompt.user(transcript, step.action) },
  ];
}
