import { STOP_SEQUENCES } from '@swirl/actions';
import { invalidArgument } from '@swirl/grpc-kit';
import { AdvantageEstimator, LossAggregation, TrainingAlgorithm, type RunHyperParameters, type SamplingParams } from '@swirl/proto';
import { MAX_SEED } from '../training/derive-seed';

/** Most sequences one learner TrainStep takes (learner.proto). */
export const MAX_SEQUENCES_PER_STEP = 4096;
/** Most samples per state inference draws in one call (inference.proto). */
export const MAX_SAMPLES_PER_STATE = 64;
const MAX_UPDATES = 1_000_000;
const MAX_NEW_TOKENS = 4096;
const MAX_EPOCHS = 1000;

const ESTIMATORS = new Set<number>([
  AdvantageEstimator.ADVANTAGE_ESTIMATOR_UNSPECIFIED,
  AdvantageEstimator.ADVANTAGE_ESTIMATOR_GROUP_MEAN,
  AdvantageEstimator.ADVANTAGE_ESTIMATOR_GROUP_NORMALIZED,
  AdvantageEstimator.ADVANTAGE_ESTIMATOR_LEAVE_ONE_OUT,
]);
const AGGREGATIONS = new Set<number>([
  LossAggregation.LOSS_AGGREGATION_UNSPECIFIED,
  LossAggregation.LOSS_AGGREGATION_TOKEN_MEAN,
  LossAggregation.LOSS_AGGREGATION_SEQUENCE_SUM,
  LossAggregation.LOSS_AGGREGATION_SEQUENCE_MEAN,
]);

export interface ResolveContext {
  readonly algorithm: TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL | TrainingAlgorithm.TRAINING_ALGORITHM_SFT;
  /** Examples in the dataset version (SFT's default number of updates depends on it). */
  readonly exampleCount: number;
  /** Seed for a run that gives none. */
  readonly drawSeed: () => number;
}

/**
 * The run's hyper-parameters with every default of trainer.proto filled in, or INVALID_ARGUMENT
 * naming the first field out of range and its allowed range. The result is what the run records
 * and what a resumed run uses, so a restart never re-draws the seed.
 */
export function resolveHyperParameters(given: RunHyperParameters | undefined, context: ResolveContext): RunHyperParameters {
  const h = given ?? ({} as Partial<RunHyperParameters>);
  const swirl = context.algorithm === TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL;
  const field = (name: string) => `hyper_parameters.${name}`;

  const samplesPerState = count(h.samplesPerState, field('samples_per_state')) || 4;
  if (samplesPerState > MAX_SAMPLES_PER_STATE) throw invalidArgument(`${field('samples_per_state')} is ${samplesPerState}; the maximum is ${MAX_SAMPLES_PER_STATE}`);
  if (swirl && samplesPerState < 2) {
    throw invalidArgument(`${field('samples_per_state')} is 1; SWIRL needs at least 2 samples per state to compare rewards within a group`);
  }
  const statesPerBatch = count(h.statesPerBatch, field('states_per_batch')) || 32;
  const sequencesPerUpdate = swirl ? statesPerBatch * samplesPerState : statesPerBatch;
  if (sequencesPerUpdate > MAX_SEQUENCES_PER_STEP) {
    throw invalidArgument(
      swirl
        ? `${field('states_per_batch')} x samples_per_state is ${sequencesPerUpdate} sequences; one learner update takes at most ${MAX_SEQUENCES_PER_STEP}`
        : `${field('states_per_batch')} is ${statesPerBatch}; one learner update takes at most ${MAX_SEQUENCES_PER_STEP} examples`,
    );
  }
  const learningRate = real(h.learningRate, field('learning_rate'), 0, 1) || 5e-5;
  const klCoef = h.klCoef === undefined ? 0.02 : real(h.klCoef, field('kl_coef'), 0, 100);
  const clipEpsilon = h.clipEpsilon === undefined ? 0.2 : real(h.clipEpsilon, field('clip_epsilon'), 0, 0.999);
  const gradClipNorm = h.gradClipNorm === undefined ? 1.0 : real(h.gradClipNorm, field('grad_clip_norm'), 0, 1e6);
  const weightDecay = real(h.weightDecay, field('weight_decay'), 0, 1);
  const epochs = count(h.epochs, field('epochs')) || 1;
  if (epochs > MAX_EPOCHS) throw invalidArgument(`${field('epochs')} is ${epochs}; the maximum is ${MAX_EPOCHS}`);
  const updates = count(h.updates, field('updates')) || (swirl ? 50 : Math.max(1, Math.ceil((epochs * context.exampleCount) / statesPerBatch)));
  if (updates > MAX_UPDATES) throw invalidArgument(`${field('updates')} is ${updates}; the maximum is ${MAX_UPDATES}`);
  const exportEvery = count(h.exportEvery, field('export_every'));
  const checkpointEvery = count(h.checkpointEvery, field('checkpoint_every')) || exportEvery;
  const warmupUpdates = count(h.warmupUpdates, field('warmup_updates'));
  if (warmupUpdates > updates) throw invalidArgument(`${field('warmup_updates')} is ${warmupUpdates}, more than the ${updates} updates of the run`);
  const microBatchSize = count(h.microBatchSize, field('micro_batch_size'));
  if (!ESTIMATORS.has(h.advantageEstimator ?? 0)) throw invalidArgument(`${field('advantage_estimator')} ${h.advantageEstimator} is not a known AdvantageEstimator`);
  if (!AGGREGATIONS.has(h.lossAggregation ?? 0)) throw invalidArgument(`${field('loss_aggregation')} ${h.lossAggregation} is not a known LossAggregation`);
  let seed = h.seed;
  if (seed === undefined) seed = context.drawSeed();
  else if (!Number.isSafeInteger(seed) || seed < 0 || seed >= MAX_SEED) throw invalidArgument(`${field('seed')} is ${seed}; use an integer in [0, ${MAX_SEED})`);

  return {
    samplesPerState,
    statesPerBatch,
    learningRate,
    klCoef,
    clipEpsilon,
    updates,
    exportEvery,
    seed,
    gradClipNorm,
    weightDecay,
    sampling: resolveSampling(h.sampling, swirl),
    advantageEstimator: h.advantageEstimator || AdvantageEstimator.ADVANTAGE_ESTIMATOR_GROUP_NORMALIZED,
    checkpointEvery,
    epochs,
    microBatchSize,
    lossAggregation: h.lossAggregation || (swirl ? LossAggregation.LOSS_AGGREGATION_SEQUENCE_SUM : LossAggregation.LOSS_AGGREGATION_TOKEN_MEAN),
    warmupUpdates,
  };
}

function resolveSampling(s: SamplingParams | undefined, swirl: boolean): SamplingParams {
  const field = (name: string) => `hyper_parameters.sampling.${name}`;
  const temperature = s?.temperature === undefined ? 1.0 : real(s.temperature, field('temperature'), 0, 5);
  if (swirl && temperature === 0) {
    throw invalidArgument(`${field('temperature')} is 0 (greedy): every sample of a state would be the same action; use a temperature > 0`);
  }
  if (s?.topP !== undefined && !(s.topP > 0 && s.topP <= 1)) throw invalidArgument(`${field('top_p')} is ${s.topP}; it must be in (0, 1]`);
  if (s?.seed !== undefined) {
    throw invalidArgument(`${field('seed')} is set, but the trainer derives a seed per state and update: leave it unset and set hyper_parameters.seed instead`);
  }
  const maxNewTokens = count(s?.maxNewTokens, field('max_new_tokens')) || 128;
  if (maxNewTokens > MAX_NEW_TOKENS) throw invalidArgument(`${field('max_new_tokens')} is ${maxNewTokens}; the maximum is ${MAX_NEW_TOKENS}`);
  const stopSequences = s?.stopSequences?.length ? [...s.stopSequences] : [...STOP_SEQUENCES];
  if (stopSequences.length > 8) throw invalidArgument(`${field('stop_sequences')} has ${stopSequences.length} entries; at most 8`);
  for (const stop of stopSequences) {
    const bytes = Buffer.byteLength(stop);
    if (bytes < 1 || bytes > 64) throw invalidArgument(`${field('stop_sequences')} entry "${stop}" is ${bytes} bytes; each must be 1..64 bytes`);
  }
  return {
    temperature,
    ...(s?.topP === undefined ? {} : { topP: s.topP }),
    ...(s?.topK ? { topK: s.topK } : {}),
    maxNewTokens,
    stopSequences,
    ignoreEos: s?.ignoreEos ?? false,
  };
}

function count(value: number | undefined, name: string): number {
  const v = value ?? 0;
  if (!Number.isSafeInteger(v) || v < 0) throw invalidArgument(`${name} is ${v}; it must be a non-negative integer`);
  return v;
}

function real(value: number | undefined, name: string, min: number, max: number): number {
  const v = value ?? 0;
  if (!Number.isFinite(v) || v < min || v > max) throw invalidArgument(`${name} is ${v}; it must be a number in [${min}, ${max}]`);
  return v;
}
