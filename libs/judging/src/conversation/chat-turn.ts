/** Who wrote a message of the conversation a step is judged in. */
export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

/** One message of the prefix (the state s_i), verbatim. */
export interface ChatTurn {
  readonly role: ChatRole;
  readonly content: string;
}

/** The task families of the method: multi-hop QA with search, math with the calculator. */
export type TaskFamily = 'multihop' | 'math';

/** What a process judge sees: the prefix and the last action, nothing else (no gold answer). */
export interface StepToJudge {
  readonly prefix: readonly ChatTurn[];
  /** The action under judgement, verbatim as the policy wrote it. */
  readonly action: string;
  /** The task family when the caller knows it; otherwise it is inferred from the conversation. */
  readonly family?: TaskFamily;
}
