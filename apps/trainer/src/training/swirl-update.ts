import { LossKind, VerdictLabel, type TrainSequence, type TrainStepResponse } from '@swirl/proto';
import { deriveSeed } from './derive-seed';
import { groupAdvantages } from './group-advantages';
import { rewardGroups } from './reward-groups';
import { sampleGroups } from './sample-groups';
import { trainSequence } from './train-sequence';
import { seconds, type UpdateContext, type UpdateResult } from './update-context';
import type { StateRecord } from './update-log';
import { meanAndStd } from './update-metrics';

/**
 * One SWIRL update (method section 4): fresh actions for a batch of stored states from the
 * current policy, the process judge's score as reward, advantages within each state's group
 * (groups with equal rewards carry no signal and are left out), and one policy-gradient
 * TrainStep with the sampling log-probs as the PPO "old" policy and a KL penalty to the base.
 */
export async function swirlUpdate(ctx: UpdateContext, update: number): Promise<UpdateResult> {
  const hp = ctx.run.hyperParameters;
  const started = performance.now();
  const batch = await ctx.examples.batch(ctx.schedule.batch(update));
  const sampled = await sampleGroups(ctx.inference, batch, {
    model: ctx.policy,
    sampling: hp.sampling!,
    samplesPerState: hp.samplesPerState,
    concurrency: ctx.generateConcurrency,
    seedOf: (position) => deriveSeed(hp.seed!, 'sample', update, position),
    signal: ctx.signal,
  });
  if (sampled.groups.length === 0) {
    throw new Error(`update ${update}: no state of the batch could be sampled (first: ${sampled.skipped[0]?.example.id}: ${sampled.skipped[0]?.reason})`);
  }
  const sampledAt = performance.now();
  const verdicts = await rewardGroups(ctx.judge, sampled.groups, {
    judgeId: ctx.run.rewardJudge?.id ?? '',
    samples: ctx.run.settings.rewardSamples,
    batchSize: ctx.judgeBatchSize,
    signal: ctx.signal,
  });
  const judgedAt = performance.now();

  const sequences: TrainSequence[] = [];
  const states: StateRecord[] = [];
  let groupsSkipped = 0;
  sampled.groups.forEach((group, g) => {
    const rewards = verdicts[g]!.map((v) => v.score);
    const advantages = groupAdvantages(rewards, hp.advantageEstimator);
    if (advantages === undefined) groupsSkipped++;
    group.completions.forEach((completion, i) => {
      if (advantages !== undefined && completion.tokenIds.length > 0) {
        const id = `${group.example.id}#u${update}p${group.position}s${completion.index}`;
        sequences.push(trainSequence(id, group.promptTokenIds, { tokenIds: completion.tokenIds, logprobs: completion.logprobs }, advantages[i]!));
      }
    });
    states.push({
      example: group.example.id,
      seed: group.seed,
      promptTokens: group.promptTokenIds.length,
      model: `${group.model.name}@${group.model.version}`,
      samples: group.completions.map((c, i) => ({
        sample: c.index,
        text: c.text,
        tokens: c.tokenIds.length,
        reward: rewards[i]!,
        label: VerdictLabel[verdicts[g]![i]!.label] ?? String(verdicts[g]![i]!.label),
        advantage: advantages === undefined ? null : advantages[i]!,
      })),
    });
  });

  let response: TrainStepResponse | undefined;
  if (sequences.length > 0) {
    response = await ctx.session.trainStep({
      loss: LossKind.LOSS_KIND_POLICY_GRADIENT,
      sequences,
      policyGradient: { clipEpsilon: hp.clipEpsilon!, klCoef: hp.klCoef!, klEstimator: 0 },
      aggregation: hp.lossAggregation,
      microBatchSize: hp.microBatchSize,
    });
  }
  const done = performance.now();

  const allVerdicts = verdicts.flat();
  const reward = meanAndStd(allVerdicts.map((v) => v.score));
  const completions = sampled.groups.flatMap((g) => g.completions);
  const sampleSeconds = seconds(started, sampledAt);
  return {
    metrics: {
      update,
      meanReward: reward.mean,
      rewardStd: reward.std,
      acceptRate: allVerdicts.filter((v) => v.label === VerdictLabel.VERDICT_LABEL_GOOD).length / allVerdicts.length,
      zeroSignalFraction: groupsSkipped / sampled.groups.length,
      groupsSkipped,
      statesSkipped: sampled.skipped.length,
      samples: completions.length,
      loss: response?.loss ?? 0,
      policyLoss: response?.policyLoss ?? 0,
      kl: response?.kl ?? 0,
      gradNorm: response?.gradNorm ?? 0,
      clipFraction: response?.clipFraction ?? 0,
      entropy: response?.entropy ?? 0,
      meanRatio: response?.meanRatio ?? 0,
      learningRate: response?.learningRate ?? 0,
      lossTokens: response?.lossTokens ?? 0,
      sequences: response?.sequences ?? 0,
      meanActionTokens: completions.reduce((a, c) => a + c.tokenIds.length, 0) / completions.length,
      samplesPerSecond: completions.length / Math.max(sampleSeconds, 1e-6),
      sampleSeconds,
      judgeSeconds: seconds(sampledAt, judgedAt),
      learnerSeconds: seconds(judgedAt, done),
      updateSeconds: seconds(started, done),
      learnerStep: ctx.session.step,
      trained: response !== undefined,
    },
    record: {
      update,
      attempt: ctx.attempt,
      algorithm: 'swirl',
      states,
      skippedStates: sampled.skipped.map((s) => ({ example: s.example.id, reason: s.reason })),
      learner:
        response === undefined
          ? null
          : { step: response.step, sequences: response.sequences, lossTokens: response.lossTokens, loss: response.loss, kl: response.kl, replayed: response.replayed },
    },
  };
}
