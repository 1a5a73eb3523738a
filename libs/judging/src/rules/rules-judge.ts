import type { StepToJudge } from '../conversation/chat-turn';
import { wellFormedAction } from './well-formed-action';
import { answerFollowsFromCalculations } from './answer-follows-from-calculations';
import { answerGroundedInResults } from './answer-grounded-in-results';
import { calculationNotRepeated } from './calculation-not-repeated';
import { comparisonFollowsResults } from './comparison-follows-results';
import { expressionEvaluates } from './expression-evaluates';
import { expressionUsesKnownQuantities } from './expression-uses-known-quantities';
import { operationMatchesReasoning } from './operation-matches-reasoning';
import { optionsLookedUp } from './options-looked-up';
import { quantitiesCompatible } from './quantities-compatible';
import { queryNotRepeated } from './query-not-repeated';
import { queryRelatesToQuestion } from './query-relates-to-question';
import type { Rule } from './rule';
import { createStepContext } from './step-context';

/**
 * Revision of the rules. Bump it whenever a rule changes what it accepts: cached and stored
 * verdicts are only comparable within one version.
 */
export const RULES_VERSION = 'rules/1';

/** The rules in the order they are checked; the first that fails decides, the others are listed too. */
export const RULES: readonly Rule[] = Object.freeze([
  wellFormedAction,
  queryNotRepeated,
  queryRelatesToQuestion,
  expressionEvaluates,
  calculationNotRepeated,
  expressionUsesKnownQuantities,
  operationMatchesReasoning,
  quantitiesCompatible,
  answerGroundedInResults,
  optionsLookedUp,
  comparisonFollowsResults,
  answerFollowsFromCalculations,
]);

/** The rules judge's verdict on one step. */
export interface RulesVerdict {
  readonly label: 'good' | 'bad';
  /** `BAD [rule-id] why; [rule-id] why` or `GOOD: passed rule-a, rule-b`. */
  readonly rationale: string;
  /** Ids of the rules that failed, in check order (empty for GOOD). */
  readonly failed: readonly string[];
}

/**
 * Judges the last action given only its prefix: every rule that applies to the action is
 * checked; the action is GOOD when none fails.
 */
export function judgeStepByRules(step: StepToJudge): RulesVerdict {
  const ctx = createStepContext(step);
  const applied: string[] = [];
  const failures: { id: string; why: string }[] = [];
  for (const rule of RULES) {
    if (!rule.appliesTo(ctx)) continue;
    applied.push(rule.id);
    const finding = rule.check(ctx);
    if (!finding.ok) failures.push({ id: rule.id, why: finding.why });
    // A malformed action cannot be judged further.
    if (!finding.ok && rule.id === 'well-formed-action') break;
  }
  if (failures.length === 0) return { label: 'good', rationale: `GOOD: passed ${applied.join(', ')}`, failed: [] };
  return { label: 'bad', rationale: `BAD ${failures.map((f) => `[${f.id}] ${f.why}`).join('; ')}`, failed: failures.map((f) => f.id) };
}
