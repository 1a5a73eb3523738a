import type { Operator, WorldQuestion } from '../world/world-question';

/** A context in which the teacher's usual action is wrong. */
export type SystematicMistake =
  | { readonly kind: 'wrong-operation'; readonly template: string; readonly step: number; readonly operator: Operator; readonly why: string }
  | { readonly kind: 'premature-answer'; readonly template: string; readonly afterSearches: number; readonly why: string };

/**
 * The teacher's blind spots, fixed by template so they are the same in every world and split
 * (both templates are train templates, so an imitating policy learns them and shows them on
 * dev and test too). Only these two, so most of the behaviour stays right.
 */
export const SYSTEMATIC_MISTAKES: readonly SystematicMistake[] = Object.freeze([
  { kind: 'wrong-operation', template: 'work-savings', step: 0, operator: '+', why: 'adds the hourly wage and the hours instead of multiplying them' },
  { kind: 'premature-answer', template: 'larger-city', afterSearches: 1, why: 'answers with the first city after looking up only that one' },
]);

/** The systematic mistake of a question's context, if it has one. */
export function systematicMistakeFor(question: WorldQuestion): SystematicMistake | undefined {
  return SYSTEMATIC_MISTAKES.find((m) => m.template === question.template);
}
