import { AdvantageEstimator } from '@swirl/proto';

/** Rewards of one state's group closer than this count as equal: the group carries no signal. */
const EQUAL_REWARDS = 1e-9;
const STD_EPSILON = 1e-6;

/** Advantages of one group of G samples of the same state, or `undefined` for a group without signal. */
export function groupAdvantages(rewards: readonly number[], estimator: AdvantageEstimator): number[] | undefined {
  if (rewards.length < 2) throw new RangeError(`a group needs at least 2 samples, got ${rewards.length}`);
  const min = Math.min(...rewards);
  const max = Math.max(...rewards);
  // Every estimator gives all-zero advantages here; such a group only costs learner time.
  if (max - min < EQUAL_REWARDS) return undefined;
  const n = rewards.length;
  const mean = rewards.reduce((a, b) => a + b, 0) / n;
  switch (estimator) {
    case AdvantageEstimator.ADVANTAGE_ESTIMATOR_GROUP_MEAN:
      return rewards.map((r) => r - mean);
    case AdvantageEstimator.ADVANTAGE_ESTIMATOR_LEAVE_ONE_OUT:
      // r_i - mean of the others = n/(n-1) * (r_i - mean).
      return rewards.map((r) => (n * (r - mean)) / (n - 1));
    case AdvantageEstimator.ADVANTAGE_ESTIMATOR_UNSPECIFIED:
    case AdvantageEstimator.ADVANTAGE_ESTIMATOR_GROUP_NORMALIZED: {
      // Population standard deviation of the group (GRPO).
      const std = Math.sqrt(rewards.reduce((a, r) => a + (r - mean) ** 2, 0) / n);
      return rewards.map((r) => (r - mean) / (std + STD_EPSILON));
    }
    default:
      throw new RangeError(`unknown advantage estimator ${String(estimator)}`);
  }
}
