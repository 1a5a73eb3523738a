import type { Family, WorldQuestion } from './world/world-question';

/**
 * Version of the prompt texts below. Bump it whenever a word changes: stored trajectories and
 * trained policies are only comparable under the same prompts.
 */
export const PROMPT_VERSION = 'swirl-world-prompts/1';

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** A step as `renderConversation` needs it: the assistant turn and the tool's response, if any. */
export interface ConversationStep {
  readonly action: string;
  readonly observation?: string;
}

const FORMAT_RULES = [
  'Each of your turns is one action: first a brief thought, then exactly one tag, and nothing after it.',
  'Never put two tags in one turn, and never a tool call and an answer together.',
  'After a tool call, stop. The result comes back in the next message as `QUERY -> RESULT`.',
  'When you know the answer, write it as <answer>ANSWER</answer>, with only the answer inside the tag.',
].join('\n');

// Adapted from the paper's prompts: tools, tag format, one action per turn.
const SYSTEM_PROMPTS: Readonly<Record<Family, string>> = Object.freeze({
  multihop: [
    'You answer questions about a world you know nothing about; everything you need is in an encyclopedia you can search.',
    'Tool: <search_query>QUERY</search_query> searches the encyclopedia and returns the top articles as `Title: text`, separated by ` | `.',
    'Search for one entity at a time, and do not repeat a query you already made. You have at most 5 turns.',
    FORMAT_RULES,
    'The answer is a name or a number, written exactly as the articles write it.',
  ].join('\n'),
  math: [
    'You solve arithmetic word problems step by step with a calculator.',
    'Tool: <math_exp>EXPRESSION</math_exp> evaluates one expression with + - * / and parentheses, e.g. <math_exp>48 / 2</math_exp> returns `48 / 2 -> 24`.',
    'Do one calculation per turn and use the numbers the calculator returns. You have at most 10 turns.',
    FORMAT_RULES,
    'The answer is a number only, without units.',
  ].join('\n'),
});

export function systemPrompt(family: Family): string {
  return SYSTEM_PROMPTS[family];
}

/** The first user message: the question alone (the rules are in the system prompt). */
export function userPrompt(question: Pick<WorldQuestion, 'question'>): string {
  return `Question: ${question.question}`;
}

/**
 * The chat prefix the rest of the system uses: system prompt, the question, then each
 * assistant action followed by its observation as a user message.
 */
export function renderConversation(question: Pick<WorldQuestion, 'family' | 'question'>, steps: readonly ConversationStep[]): ChatMessage[] {
  const messages: ChatMessage[] = [
    { role: 'system', content: systemPrompt(question.family) },
    { role: 'user', content: userPrompt(question) },
  ];
  for (const step of steps) {
    messages.push({ role: 'assistant', content: step.action });
    if (step.observation !== undefined) messages.push({ role: 'user', content: step.observation });
  }
  return messages;
}
