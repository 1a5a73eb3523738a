import { judgeStepByRules } from '@swirl/judging';
import { hotpotConversation, hotpotExamples } from '../../../libs/judging/src/testing/hotpot-conversation.test-support';
import { Confusion } from './precision-recall';

/**
 * The rules judge on HotPotQA questions in the paper's format: sound trajectories (a search per
 * supporting article, named once the question or a result has named it, then the gold answer)
 * whose steps should be GOOD, and four injected mistakes per question that should be BAD: the
 * last query repeated, another question's article searched, another question's answer given,
 * and an answer before any search.
 */
export function hotpotRulesQuality(): { confusion: Confusion; byKind: Map<string, Confusion> } {
  const confusion = new Confusion();
  const byKind = new Map<string, Confusion>();
  const all = hotpotExamples();
  const add = (kind: string, truthBad: boolean, saidBad: boolean) => {
    confusion.add(truthBad, saidBad);
    if (!byKind.has(kind)) byKind.set(kind, new Confusion());
    byKind.get(kind)!.add(truthBad, saidBad);
  };
  all.forEach((example, k) => {
    const { supportingTitles, step } = hotpotConversation(example.question, Number.MAX_SAFE_INTEGER);
    const other = all[(k + 1) % all.length]!;
    const n = supportingTitles.length;
    const judge = (searches: number, action: string) => judgeStepByRules({ prefix: step.prefix.slice(0, 2 + 2 * searches), action, family: 'multihop' }).label === 'bad';
    for (let i = 0; i < n; i++) add('sound search', false, judge(i, step.prefix[2 + 2 * i]!.content));
    add('sound answer', false, judge(n, `From the results, the answer is ${example.answer}. <answer>${example.answer}</answer>`));
    add('repeated query', true, judge(n, step.prefix[2 * n]!.content));
    add('unrelated query', true, judge(n, `<search_query>${other.supporting_facts[0]![0]}</search_query>`));
    add('unsupported answer', true, judge(n, `The answer is ${other.answer}. <answer>${other.answer}</answer>`));
    add('answer before searching', true, judge(0, `<answer>${example.answer}</answer>`));
  });
  return { confusion, byKind };
}
