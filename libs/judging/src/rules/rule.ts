import type { StepContext } from './step-context';

/** What a rule found: nothing wrong, or why the action is not sound. */
export type RuleFinding = { readonly ok: true } | { readonly ok: false; readonly why: string };

export const PASS: RuleFinding = Object.freeze({ ok: true });
export const fail = (why: string): RuleFinding => ({ ok: false, why });

/**
 * One of the judging rules of the method, written as a check on the last action given its
 * prefix. `id` names the rule in every rationale it contributes to.
 */
export interface Rule {
  readonly id: string;
  /** One sentence: what a GOOD action satisfies. */
  readonly description: string;
  appliesTo(ctx: StepContext): boolean;
  check(ctx: StepContext): RuleFinding;
}
