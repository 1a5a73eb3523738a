import type { ChatMessage, TaskFamily } from '@swirl/store';

/**
 * Prompts for real benchmarks (GSM8K, HotPotQA, MuSiQue, JSONL tasks), in the method's format:
 * one action per turn, tool results come back as `QUERY -> RESULT` user turns. The synthetic
 * world's own prompts describe a generated encyclopedia and would mislead on Wikipedia
 * questions. Bump the version whenever a word changes: trajectories are only comparable under
 * the same prompts.
 */
export const BENCHMARK_PROMPT_VERSION = 'swirl-benchmark-prompts/1';

const FORMAT_RULES = [
  'Each of your turns is one action: first a brief thought, then exactly one tag, and nothing after it.',
  'Never put two tags in one turn, and never a tool call and an answer together.',
  'After a tool call, stop. The result comes back in the next message as `QUERY -> RESULT`.',
  'When you know the answer, write it as <answer>ANSWER</answer>, with only the answer inside the tag.',
].join('\n');

const SYSTEM: Readonly<Record<TaskFamily, string>> = Object.freeze({
  multihop: [
    'You answer questions that need facts from several Wikipedia articles, found with a search engine.',
    'Tool: <search_query>QUERY</search_query> searches the articles and returns the best matches as `Title: text`, separated by ` | `.',
    'Search for one thing at a time, use what each result tells you for the next search, and never repeat a query.',
    FORMAT_RULES,
    'The answer is a short span as the articles write it: a name, a date, a number, or yes / no.',
  ].join('\n'),
  math: [
    'You solve grade-school math word problems step by step with a calculator.',
    'Tool: <math_exp>EXPRESSION</math_exp> evaluates one expression with + - * / ^ and parentheses, e.g. <math_exp>48 / 2</math_exp> returns `48 / 2 -> 24`.',
    'Do one calculation per turn and use the numbers the calculator returns.',
    FORMAT_RULES,
    'The answer is a number only, without units.',
  ].join('\n'),
});

/** The initial messages s1 of a benchmark task: system prompt, then the question. */
export function benchmarkPrompt(task: { family: TaskFamily; question: string }): ChatMessage[] {
  return [
    { role: 'system', content: SYSTEM[task.family] },
    { role: 'user', content: `Question: ${task.question}` },
  ];
}
