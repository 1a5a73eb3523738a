import { parseAction, type ParsedAction } from '@swirl/actions';
import { readConversation, type Conversation } from '../conversation/conversation';
import type { StepToJudge, TaskFamily } from '../conversation/chat-turn';
import { isErrorResult } from '../conversation/observation';
import { readSearchHits } from '../conversation/search-hit';
import { calculationRecord, type CalculationRecord } from '../math/calculation-record';
import { knownQuantities, type KnownQuantities } from '../math/known-quantities';
import { findRelevance, type Relevance, type SearchRecord } from '../qa/relevance';

/** Everything the rules look at for one step; derived facts are computed once, on first use. */
export interface StepContext {
  readonly family: TaskFamily;
  readonly conversation: Conversation;
  readonly question: string;
  readonly actionText: string;
  readonly action: ParsedAction;
  /** Earlier search calls with their hits. */
  readonly searches: readonly SearchRecord[];
  /** Earlier calculator calls with their results. */
  readonly calculations: readonly CalculationRecord[];
  readonly relevance: Relevance;
  readonly knowns: KnownQuantities;
}

function familyOf(conversation: Conversation, action: ParsedAction): TaskFamily {
  const kinds = new Set([...conversation.steps.map((s) => s.action.kind), action.kind]);
  if (kinds.has('search')) return 'multihop';
  if (kinds.has('calculate')) return 'math';
  const [math, search] = [conversation.system.includes('<math_exp>'), conversation.system.includes('<search_query>')];
  if (math !== search) return math ? 'math' : 'multihop';
  return /\d/.test(conversation.question) && /\bhow (many|much)\b/i.test(conversation.question) ? 'math' : 'multihop';
}

export function createStepContext(step: StepToJudge): StepContext {
  const conversation = readConversation(step.prefix);
  const action = parseAction(step.action);
  const searches: SearchRecord[] = [];
  const calculations: CalculationRecord[] = [];
  for (const s of conversation.steps) {
    const result = s.observation?.result;
    if (s.action.kind === 'search') searches.push({ stepIndex: s.index, query: s.action.query, hits: result === undefined ? [] : readSearchHits(result) });
    if (s.action.kind === 'calculate') {
      const ok = result !== undefined && !isErrorResult(result) ? result : undefined;
      calculations.push(calculationRecord(s.index, s.action.reasoning, s.action.expression, ok));
    }
  }
  let relevance: Relevance | undefined;
  let knowns: KnownQuantities | undefined;
  return {
    family: step.family ?? familyOf(conversation, action),
    conversation,
    question: conversation.question,
    actionText: step.action,
    action,
    searches,
    calculations,
    get relevance() {
      return (relevance ??= findRelevance(conversation.question, searches));
    },
    get knowns() {
      // The model's own words: reasoning only, never the numbers inside its tool calls.
      const own = [...conversation.steps.map((s) => s.action.reasoning), action.reasoning].join('\n');
      return (knowns ??= knownQuantities(conversation.question, calculations, own));
    },
  };
}
