import { status } from '@grpc/grpc-js';
import { AdvantageEstimator, LossAggregation, RunHyperParameters, TrainingAlgorithm } from '@swirl/proto';
import { resolveHyperParameters, type ResolveContext } from './resolve-hyper-parameters';

const SWIRL: ResolveContext = { algorithm: TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL, exampleCount: 100, drawSeed: () => 1234 };
const SFT: ResolveContext = { ...SWIRL, algorithm: TrainingAlgorithm.TRAINING_ALGORITHM_SFT };
const hp = (fields: Partial<RunHyperParameters>) => RunHyperParameters.fromPartial(fields);

describe('resolveHyperParameters', () => {
  it('fills in the documented SWIRL defaults, drawing and recording a seed', () => {
    expect(resolveHyperParameters(undefined, SWIRL)).toEqual({
      samplesPerState: 4,
      statesPerBatch: 32,
      learningRate: 5e-5,
      klCoef: 0.02,
      clipEpsilon: 0.2,
      updates: 50,
      exportEvery: 0,
      seed: 1234,
      gradClipNorm: 1.0,
      weightDecay: 0,
      sampling: { temperature: 1.0, maxNewTokens: 128, stopSequences: ['</search_query>', '</math_exp>', '</answer>'], ignoreEos: false },
      advantageEstimator: AdvantageEstimator.ADVANTAGE_ESTIMATOR_GROUP_NORMALIZED,
      checkpointEvery: 0,
      epochs: 1,
      microBatchSize: 0,
      lossAggregation: LossAggregation.LOSS_AGGREGATION_SEQUENCE_SUM,
      warmupUpdates: 0,
    });
  });

  it('keeps zero where zero is meaningful (optional fields) and takes given values', () => {
    const r = resolveHyperParameters(hp({ klCoef: 0, clipEpsilon: 0, gradClipNorm: 0, seed: 0, samplesPerState: 2, exportEvery: 3 }), SWIRL);
    expect(r).toMatchObject({ klCoef: 0, clipEpsilon: 0, gradClipNorm: 0, seed: 0, samplesPerState: 2, exportEvery: 3, checkpointEvery: 3 });
  });

  it('SFT: token-mean loss and enough updates for the requested passes over the data', () => {
    expect(resolveHyperParameters(hp({ statesPerBatch: 30, epochs: 2 }), SFT)).toMatchObject({
      updates: 7,
      epochs: 2,
      lossAggregation: LossAggregation.LOSS_AGGREGATION_TOKEN_MEAN,
    });
    expect(resolveHyperParameters(hp({ updates: 3 }), SFT).updates).toBe(3);
  });

  it.each<[string, Partial<RunHyperParameters>, ResolveContext, string]>([
    ['G > 64', { samplesPerState: 65 }, SWIRL, 'hyper_parameters.samples_per_state is 65; the maximum is 64'],
    ['G = 1 for SWIRL', { samplesPerState: 1 }, SWIRL, 'at least 2 samples per state'],
    ['too many sequences', { samplesPerState: 64, statesPerBatch: 65 }, SWIRL, 'is 4160 sequences; one learner update takes at most 4096'],
    ['negative learning rate', { learningRate: -1e-4 }, SWIRL, 'hyper_parameters.learning_rate is -0.0001; it must be a number in [0, 1]'],
    ['NaN KL', { klCoef: Number.NaN }, SWIRL, 'hyper_parameters.kl_coef is NaN'],
    ['clip epsilon 1', { clipEpsilon: 1 }, SWIRL, 'hyper_parameters.clip_epsilon is 1'],
    ['warm-up longer than the run', { updates: 5, warmupUpdates: 6 }, SWIRL, 'warmup_updates is 6, more than the 5 updates'],
    ['unknown estimator', { advantageEstimator: 9 as AdvantageEstimator }, SWIRL, 'advantage_estimator 9 is not a known AdvantageEstimator'],
    ['unknown aggregation', { lossAggregation: 7 as LossAggregation }, SFT, 'loss_aggregation 7 is not a known LossAggregation'],
    ['seed too large', { seed: 2 ** 53 }, SWIRL, 'hyper_parameters.seed is 9007199254740992'],
    ['greedy SWIRL', { sampling: { temperature: 0, maxNewTokens: 0, stopSequences: [], ignoreEos: false } }, SWIRL, 'temperature is 0 (greedy)'],
    ['temperature above 5', { sampling: { temperature: 6, maxNewTokens: 0, stopSequences: [], ignoreEos: false } }, SWIRL, 'sampling.temperature is 6'],
    ['sampling seed', { sampling: { seed: 3, maxNewTokens: 0, stopSequences: [], ignoreEos: false } }, SWIRL, 'set hyper_parameters.seed instead'],
    ['too many stop sequences', { sampling: { maxNewTokens: 0, stopSequences: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], ignoreEos: false } }, SWIRL, 'has 9 entries; at most 8'],
    ['too many new tokens', { sampling: { maxNewTokens: 5000, stopSequences: [], ignoreEos: false } }, SWIRL, 'max_new_tokens is 5000; the maximum is 4096'],
    ['too many epochs', { epochs: 1001 }, SFT, 'epochs is 1001; the maximum is 1000'],
  ])('refuses %s with INVALID_ARGUMENT naming the field', (_name, fields, context, message) => {
    let error: unknown;
    try {
      resolveHyperParameters(hp(fields), context);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining(message) });
  });

  it('takes G = 1 for SFT, where samples per state are not used', () => {
    expect(resolveHyperParameters(hp({ samplesPerState: 1 }), SFT).samplesPerState).toBe(1);
  });
});
