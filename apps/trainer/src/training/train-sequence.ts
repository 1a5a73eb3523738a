import type { TrainSequence } from '@swirl/proto';

export interface ActionTokens {
  /** The action's token ids as generated (or stored). At least one. */
  readonly tokenIds: readonly number[];
  /** Sampling-time log-probability per action token; omit for SFT. */
  readonly logprobs?: readonly number[];
}

/**
 * One learner sequence: the state's prompt tokens then the action's tokens, with the loss on
 * the action tokens only (learner.proto alignment: entry t is the prediction of token t, so the
 * mask and the old log-probs start exactly at the first action token).
 */
export function trainSequence(id: string, promptTokenIds: readonly number[], action: ActionTokens, advantage = 0): TrainSequence {
  if (promptTokenIds.length === 0) throw new RangeError(`${id}: the prompt has no tokens`);
  if (action.tokenIds.length === 0) throw new RangeError(`${id}: the action has no tokens`);
  if (action.logprobs !== undefined && action.logprobs.length !== action.tokenIds.length) {
    throw new RangeError(`${id}: ${action.logprobs.length} log-probs for ${action.tokenIds.length} action tokens`);
  }
  const p = promptTokenIds.length;
  return {
    id,
    tokenIds: [...promptTokenIds, ...action.tokenIds],
    lossMask: [...new Array<boolean>(p).fill(false), ...new Array<boolean>(action.tokenIds.length).fill(true)],
    advantage,
    tokenAdvantages: [],
    oldLogprobs: action.logprobs === undefined ? [] : [...new Array<number>(p).fill(0), ...action.logprobs],
    refLogprobs: [],
    weight: 0,
  };
}
