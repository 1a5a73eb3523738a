import { LossKind, type TrainSequence } from '@swirl/proto';
import type { InferencePort } from '../clients/service-clients';
import { mapConcurrent } from './map-concurrent';
import { trainSequence } from './train-sequence';
import type { TrainingExample } from './training-example';
import { seconds, type UpdateContext, type UpdateResult } from './update-context';

interface ExampleTokens {
  readonly prompt: readonly number[];
  readonly action: readonly number[];
}

export type Update = (ctx: UpdateContext, update: number) => Promise<UpdateResult>;

/**
 * The SFT baseline (method section 3, "SFT"): the stored actions themselves are the targets;
 * one TrainStep per update on a batch of (state, action) examples, loss on the action tokens.
 * Stored token ids are used as they are; examples stored without them are tokenized once by
 * the policy's tokenizer (inference Tokenize) and cached for later passes.
 */
export function createSftUpdate(): Update {
  const cache = new Map<string, ExampleTokens>();
  return async (ctx, update) => {
    const hp = ctx.run.hyperParameters;
    const started = performance.now();
    const batch = await ctx.examples.batch(ctx.schedule.batch(update));
    const tokens = await mapConcurrent(batch, ctx.generateConcurrency, async (example) => {
      let t = cache.get(example.id);
      if (t === undefined) {
        t = await tokenize(ctx.inference, ctx, example);
        cache.set(example.id, t);
      }
      return t;
    });
    const sequences: TrainSequence[] = [];
    const skipped: { example: string; reason: string }[] = [];
    batch.forEach((example, i) => {
      const t = tokens[i]!;
      const length = t.prompt.length + t.action.length;
      if (t.action.length === 0) skipped.push({ example: example.id, reason: 'the stored action has no tokens' });
      else if (length > ctx.contextLength) skipped.push({ example: example.id, reason: `${length} tokens exceed the policy's context window of ${ctx.contextLength}` });
      else sequences.push(trainSequence(`${example.id}#u${update}p${i}`, t.prompt, { tokenIds: t.action }));
    });
    if (sequences.length === 0) throw new Error(`update ${update}: no example of the batch can be trained on (first: ${skipped[0]?.example}: ${skipped[0]?.reason})`);
    const prepared = performance.now();
    const response = await ctx.session.trainStep({
      loss: LossKind.LOSS_KIND_SFT,
      sequences,
      policyGradient: undefined,
      aggregation: hp.lossAggregation,
      microBatchSize: hp.microBatchSize,
    });
    const done = performance.now();
    const actionTokens = tokens.reduce((a, t) => a + t.action.length, 0);
    return {
      metrics: {
        update,
        meanReward: 0,
        rewardStd: 0,
        acceptRate: 0,
        zeroSignalFraction: 0,
        groupsSkipped: 0,
        statesSkipped: skipped.length,
        samples: 0,
        loss: response.loss,
        policyLoss: response.policyLoss,
        kl: response.kl,
        gradNorm: response.gradNorm,
        clipFraction: response.clipFraction,
        entropy: response.entropy,
        meanRatio: response.meanRatio,
        learningRate: response.learningRate,
        lossTokens: response.lossTokens,
        sequences: response.sequences,
        meanActionTokens: actionTokens / batch.length,
        samplesPerSecond: 0,
        sampleSeconds: seconds(started, prepared),
        judgeSeconds: 0,
        learnerSeconds: seconds(prepared, done),
        updateSeconds: seconds(started, done),
        learnerStep: ctx.session.step,
        trained: true,
      },
      record: {
        update,
        attempt: ctx.attempt,
        algorithm: 'sft',
        states: batch.map((example, i) => ({ example: example.id, seed: 0, promptTokens: tokens[i]!.prompt.length, model: '', samples: [] })),
        skippedStates: skipped,
        learner: { step: response.step, sequences: response.sequences, lossTokens: response.lossTokens, loss: response.loss, kl: response.kl, replayed: response.replayed },
      },
    };
  };
}

async function tokenize(inference: InferencePort, ctx: UpdateContext, example: TrainingExample): Promise<ExampleTokens> {
  const prompt =
    example.stateTokenIds ??
    (
      await inference.tokenize(
        { model: ctx.policy, input: { $case: 'chat', value: { messages: [...example.state] } }, addSpecialTokens: false, addGenerationPrompt: true },
        ctx.signal,
      )
    ).tokenIds;
  const action =
    example.actionTokenIds.length > 0
      ? example.actionTokenIds
      : (await inference.tokenize({ model: ctx.policy, input: { $case: 'text', value: example.actionText }, addSpecialTokens: false, addGenerationPrompt: false }, ctx.signal)).tokenIds;
  return { prompt, action };
}
