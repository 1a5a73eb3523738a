import type { StepToJudge } from '../conversation/chat-turn';
import type { Rule, RuleFinding } from '../rules/rule';
import { createStepContext } from '../rules/step-context';

/** Runs one rule on a step; `applies: false` when the rule does not look at this kind of action. */
export function checkRule(rule: Rule, step: StepToJudge): RuleFinding & { applies: boolean } {
  const ctx = createStepContext(step);
  if (!rule.appliesTo(ctx)) return { ok: true, applies: false };
  return { ...rule.check(ctx), applies: true };
}
