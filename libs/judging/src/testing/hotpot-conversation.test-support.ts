import type { StepToJudge } from '../conversation/chat-turn';
import { containsPhrase } from '../text/contains-phrase';
import { HOTPOT_DISTRACTOR, readDataJson } from './data-files.test-support';

/** A HotPotQA dev example in the distractor format. */
export interface HotpotExample {
  readonly _id: string;
  readonly question: string;
  readonly answer: string;
  readonly type: 'bridge' | 'comparison';
  readonly supporting_facts: readonly [string, number][];
  readonly context: readonly [string, readonly string[]][];
}

export const HOTPOT_SYSTEM = 'Answer the question step by step. Search with <search_query>QUERY</search_query>; results come back as "QUERY -> Title: text | Title: text". Give the final answer as <answer>ANSWER</answer>.';

let examples: HotpotExample[] | undefined;
export function hotpotExamples(): HotpotExample[] {
  return (examples ??= readDataJson<HotpotExample[]>(HOTPOT_DISTRACTOR));
}

/** The observation a search for `title` returns over the example's paragraphs: that article first, then two others. */
export function hotpotObservation(example: HotpotExample, title: string, query = title): string {
  const paragraph = (t: string) => `${t}: ${example.context.find(([c]) => c === t)![1].join('').trim()}`;
  const others = example.context.map(([t]) => t).filter((t) => t !== title && !example.supporting_facts.some(([s]) => s === t)).slice(0, 2);
  return `${query} -> ${[title, ...others].map(paragraph).join(' | ')}`;
}

/**
 * A conversation in the paper's format for a real HotPotQA question: the question, then one
 * search per supporting article (the query is the article's title) with the example's own
 * paragraphs as results, up to `searches` of them. The action is left empty for the test to fill.
 */
export function hotpotConversation(question: string, searches: number): { example: HotpotExample; supportingTitles: string[]; step: StepToJudge } {
  const example = hotpotExamples().find((e) => e.question === question);
  if (example === undefined) throw new Error(`HotPotQA question not in ${HOTPOT_DISTRACTOR}: ${question}`);
  const supportingTitles = [...new Set(example.supporting_facts.map(([t]) => t))];
  const prefix: StepToJudge['prefix'][number][] = [
    { role: 'system', content: HOTPOT_SYSTEM },
    { role: 'user', content: `Question: ${example.question}` },
  ];
  for (const title of supportingTitles.slice(0, searches)) {
    // A model can only search for a name once the question or a result has given it; before
    // that it searches with the question's own words, as a real policy does.
    const name = title.replace(/\s*\(.*\)$/, '');
    const seen = [example.question, ...prefix.slice(2).map((t) => t.content)].some((text) => containsPhrase(text, name));
    const query = seen ? name : example.question.replace(/^(what|which|who|whom|where|when|how|in what|in which)\b\s*/i, '').replace(/[?.!]+\s*$/, '');
    prefix.push({ role: 'assistant', content: `I need to look this up. <search_query>${query}</search_query>` });
    prefix.push({ role: 'user', content: hotpotObservation(example, title, query) });
  }
  return { example, supportingTitles, step: { prefix, action: '', family: 'multihop' } };
}
