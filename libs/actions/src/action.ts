/** The tags of the method's action format, one per action kind. */
export const ACTION_TAGS = Object.freeze({
  search: 'search_query',
  calculate: 'math_exp',
  answer: 'answer',
} as const);

export type ActionKind = keyof typeof ACTION_TAGS;

/**
 * Where an inference server should stop generating: right after the closing tag of any action,
 * so one model turn holds exactly one action. Servers usually drop the stop string from their
 * output; append it back before parsing, or the action is reported as `unclosed-tag`.
 */
export const STOP_SEQUENCES: readonly string[] = Object.freeze(
  Object.values(ACTION_TAGS).map((tag) => `</${tag}>`),
);

/** A call to the search tool: `<search_query>QUERY</search_query>`. */
export interface SearchAction {
  readonly kind: 'search';
  /** Free text before the tag, trimmed; may be empty. */
  readonly reasoning: string;
  /** The tag's content, trimmed; never empty. */
  readonly query: string;
}

/** A call to the calculator: `<math_exp>EXPR</math_exp>`. */
export interface CalculateAction {
  readonly kind: 'calculate';
  readonly reasoning: string;
  readonly expression: string;
}

/** The final answer: `<answer>ANSWER</answer>`. Ends the trajectory. */
export interface AnswerAction {
  readonly kind: 'answer';
  readonly reasoning: string;
  readonly answer: string;
}

export type ToolAction = SearchAction | CalculateAction;

/** An action that follows the format and can be formatted back to text. */
export type WellFormedAction = ToolAction | AnswerAction;

/** Why a model turn is not a valid action. */
export type MalformedProblem = 'no-action' | 'multiple-actions' | 'unclosed-tag' | 'empty-content' | 'text-after-action';

/** A model turn that breaks the format; `message` says what to fix, in words a model can learn from. */
export interface MalformedAction {
  readonly kind: 'malformed';
  readonly reasoning: string;
  readonly problem: MalformedProblem;
  readonly message: string;
}

export type ParsedAction = WellFormedAction | MalformedAction;

/** The tag's content of a well-formed action (query, expression or answer). */
export function actionContent(action: WellFormedAction): string {
  switch (action.kind) {
    case 'search':
      return action.query;
    case 'calculate':
      return action.expression;
    case 'answer':
      return action.answer;
  }
}
