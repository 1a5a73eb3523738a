import type { WellFormedAction } from '@swirl/actions';
import type { Split } from '../knowledge/entities';

export type Family = 'multihop' | 'math';
export const FAMILIES: readonly Family[] = Object.freeze(['multihop', 'math']);

/** One search of a multi-hop plan: the query, the article it must find, and the fact it reveals. */
export interface Hop {
  readonly reasoning: string;
  readonly query: string;
  /** Title of the supporting article the query must rank in the top 3. */
  readonly title: string;
  /** The fact the next step needs, as it is written in that article (a name or a number). */
  readonly reveals: string;
}

/** An operand of a math step: a number from the story, or the result of an earlier step. */
export type Operand = { readonly value: string } | { readonly step: number };

export type Operator = '+' | '-' | '*' | '/';

/** One calculator call of a math plan, kept symbolic so a wrong result can flow into later steps. */
export interface CalculationStep {
  readonly reasoning: string;
  readonly operator: Operator;
  readonly left: Operand;
  readonly right: Operand;
  /** The calculator's result text when every earlier step was right. */
  readonly result: string;
}

/** A generated question with everything needed to solve, grade and imitate it. */
export interface WorldQuestion {
  /** Unique in the world, e.g. `dev-math-0042`. */
  readonly id: string;
  readonly family: Family;
  readonly split: Split;
  /** The question or story template it was made from (held-out templates never appear in train). */
  readonly template: string;
  readonly question: string;
  /** Gold answer: an entity name, a year or a number string. */
  readonly answer: string;
  /** Supporting article titles, in the order the plan's searches find them (empty for math). */
  readonly supportingTitles: readonly string[];
  /** The ideal action sequence, ending with the answer. */
  readonly plan: readonly WellFormedAction[];
  /** The plan's searches with what each must find (multihop only). */
  readonly hops: readonly Hop[];
  /** The plan's calculations in symbolic form (math only). */
  readonly calculations: readonly CalculationStep[];
  /** Plausible wrong answers, used by the teacher for guesses. */
  readonly distractors: readonly string[];
}
