/** The kinds of labelled mistakes the scripted teacher can make. */
export type MistakeKind = 'unhelpful-query' | 'repeated-query' | 'wrong-operation' | 'premature-answer' | 'unsupported-answer';
export const MISTAKE_KINDS: readonly MistakeKind[] = Object.freeze(['unhelpful-query', 'repeated-query', 'wrong-operation', 'premature-answer', 'unsupported-answer']);

/**
 * How often the teacher errs. Random mistakes are a minority and vanish when a policy trained
 * on them decodes greedily; systematic ones (see `systematic-mistakes.ts`) are the teacher's
 * usual action in a fixed context, so an imitating policy keeps them until RL removes them.
 */
export interface MistakeOptions {
  /** Per planned search: chance of first sending a query unrelated to the question. @default 0.05 */
  unhelpfulQuery?: number;
  /** Per planned search after the first: chance of first repeating the previous query. @default 0.05 */
  repeatedQuery?: number;
  /** Per planned calculation: chance of a wrong operator or operand. @default 0.05 */
  wrongOperation?: number;
  /** After a random wrong operation: chance the teacher notices and redoes it correctly. @default 0.5 */
  correctionRate?: number;
  /** Per trajectory: chance of answering with a guess before the needed information is in. @default 0.05 */
  prematureAnswer?: number;
  /** Per trajectory that reaches its answer: chance of an answer that does not follow from the results. @default 0.05 */
  unsupportedAnswer?: number;
  /** Per trajectory whose question is in a systematic-mistake context: chance of making that mistake. @default 0.8 */
  systematicRate?: number;
}

export type MistakeConfig = Readonly<Required<MistakeOptions>>;

export const DEFAULT_MISTAKES: MistakeConfig = Object.freeze({
  unhelpfulQuery: 0.05,
  repeatedQuery: 0.05,
  wrongOperation: 0.05,
  correctionRate: 0.5,
  prematureAnswer: 0.05,
  unsupportedAnswer: 0.05,
  systematicRate: 0.8,
});

/** A perfect teacher: follows the ideal plan every time. */
export const NO_MISTAKES: MistakeConfig = Object.freeze({
  unhelpfulQuery: 0,
  repeatedQuery: 0,
  wrongOperation: 0,
  correctionRate: 0,
  prematureAnswer: 0,
  unsupportedAnswer: 0,
  systematicRate: 0,
});

/** Fills in defaults and checks every rate is a probability. */
export function resolveMistakeConfig(options: MistakeOptions = {}): MistakeConfig {
  const config = { ...DEFAULT_MISTAKES, ...options };
  for (const [name, rate] of Object.entries(config)) {
    if (!(rate >= 0 && rate <= 1)) throw new RangeError(`mistake rate ${name} must be in [0, 1], got ${rate}`);
  }
  return Object.freeze(config);
}
