import { durationFromMs, type RunMetrics } from '@swirl/proto';

/** What one update measured; stored as run metrics (snake_case names) and sent as RunMetrics. */
export interface UpdateMetrics {
  readonly update: number;
  /** Mean reward of the fresh samples (SWIRL); 0 for SFT. */
  readonly meanReward: number;
  readonly rewardStd: number;
  /** Share of samples the judge labelled GOOD (SWIRL). */
  readonly acceptRate: number;
  /** Share of sampled states whose group had equal rewards (no signal, left out of the batch). */
  readonly zeroSignalFraction: number;
  readonly groupsSkipped: number;
  /** States that could not be sampled (prompt longer than the context window). */
  readonly statesSkipped: number;
  readonly samples: number;
  readonly loss: number;
  readonly policyLoss: number;
  readonly kl: number;
  readonly gradNorm: number;
  readonly clipFraction: number;
  readonly entropy: number;
  readonly meanRatio: number;
  readonly learningRate: number;
  readonly lossTokens: number;
  readonly sequences: number;
  readonly meanActionTokens: number;
  readonly samplesPerSecond: number;
  readonly sampleSeconds: number;
  readonly judgeSeconds: number;
  readonly learnerSeconds: number;
  readonly updateSeconds: number;
  /** Learner step after the update (unchanged when no group had a signal). */
  readonly learnerStep: number;
  /** Whether a TrainStep was applied (false when every group was skipped). */
  readonly trained: boolean;
  /** Whether the policy was exported and loaded into inference after this update. */
  readonly exported: boolean;
  /** Whether a checkpoint was written after this update. */
  readonly checkpointed: boolean;
}

const KEYS: readonly [keyof UpdateMetrics, string][] = [
  ['meanReward', 'mean_reward'],
  ['rewardStd', 'reward_std'],
  ['acceptRate', 'accept_rate'],
  ['zeroSignalFraction', 'zero_signal_fraction'],
  ['groupsSkipped', 'groups_skipped'],
  ['statesSkipped', 'states_skipped'],
  ['samples', 'samples'],
  ['loss', 'loss'],
  ['policyLoss', 'policy_loss'],
  ['kl', 'kl'],
  ['gradNorm', 'grad_norm'],
  ['clipFraction', 'clip_fraction'],
  ['entropy', 'entropy'],
  ['meanRatio', 'mean_ratio'],
  ['learningRate', 'learning_rate'],
  ['lossTokens', 'loss_tokens'],
  ['sequences', 'sequences'],
  ['meanActionTokens', 'mean_action_tokens'],
  ['samplesPerSecond', 'samples_per_second'],
  ['sampleSeconds', 'sample_seconds'],
  ['judgeSeconds', 'judge_seconds'],
  ['learnerSeconds', 'learner_seconds'],
  ['updateSeconds', 'update_seconds'],
  ['learnerStep', 'learner_step'],
  ['trained', 'trained'],
  ['exported', 'exported'],
  ['checkpointed', 'checkpointed'],
];

export function toStoredValues(m: UpdateMetrics): Record<string, number> {
  const values: Record<string, number> = {};
  for (const [key, name] of KEYS) {
    const v = m[key];
    values[name] = typeof v === 'boolean' ? Number(v) : v;
  }
  return values;
}

export function fromStoredValues(update: number, values: Readonly<Record<string, number>>): UpdateMetrics {
  const m: Record<string, number | boolean> = { update };
  for (const [key, name] of KEYS) {
    const v = values[name] ?? 0;
    m[key] = key === 'trained' || key === 'exported' || key === 'checkpointed' ? v !== 0 : v;
  }
  return m as unknown as UpdateMetrics;
}

export function toRunMetrics(m: UpdateMetrics): RunMetrics {
  return {
    update: m.update,
    meanReward: m.meanReward,
    rewardStd: m.rewardStd,
    zeroSignalFraction: m.zeroSignalFraction,
    loss: m.loss,
    kl: m.kl,
    gradNorm: m.gradNorm,
    clipFraction: m.clipFraction,
    entropy: m.entropy,
    learningRate: m.learningRate,
    lossTokens: m.lossTokens,
    meanActionTokens: m.meanActionTokens,
    sampleTime: durationFromMs(m.sampleSeconds * 1000),
    judgeTime: durationFromMs(m.judgeSeconds * 1000),
    learnerTime: durationFromMs(m.learnerSeconds * 1000),
    updateTime: durationFromMs(m.updateSeconds * 1000),
  };
}

/** Mean and population standard deviation. */
export function meanAndStd(values: readonly number[]): { mean: number; std: number } {
  if (values.length === 0) return { mean: 0, std: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, std: Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length) };
}
