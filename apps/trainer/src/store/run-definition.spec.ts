import { AdvantageEstimator, LossAggregation, TrainingAlgorithm } from '@swirl/proto';
import type { TrainingRun } from '@swirl/store';
import { resolveHyperParameters } from '../runs/resolve-hyper-parameters';
import { fromTrainingRun, toNewTrainingRun, type RunDefinition } from './run-definition';

const definition: RunDefinition = {
  id: 'run-1',
  requestId: 'req-1',
  datasetVersionId: 'ds-1',
  baseModel: { name: 'tiny', version: 'base' },
  algorithm: TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL,
  hyperParameters: resolveHyperParameters(
    { samplesPerState: 2, klCoef: 0, advantageEstimator: AdvantageEstimator.ADVANTAGE_ESTIMATOR_LEAVE_ONE_OUT } as never,
    { algorithm: TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL, exampleCount: 10, drawSeed: () => 77 },
  ),
  rewardJudge: { id: 'rules', version: 'rules/1' },
  totalUpdates: 50,
  settings: { displayName: 'd', outputModelName: 'tiny-rl', activateExports: true, rewardSamples: 3, baseCheckpointPath: '/ckpt', requestFingerprint: 'abc' },
};

describe('run definition <-> store record', () => {
  it('round-trips every field, the zero-valued optional hyper-parameters included', () => {
    const stored = toNewTrainingRun(definition);
    expect(stored).toMatchObject({ id: 'run-1', requestId: 'req-1', algorithm: 'swirl', totalUpdates: 50, rewardJudge: { id: 'rules', version: 'rules/1' } });
    const record: TrainingRun = { ...stored, status: 'pending', completedUpdates: 0, createdAt: new Date(), updatedAt: new Date() };
    const back = fromTrainingRun(JSON.parse(JSON.stringify(record)) as TrainingRun);
    expect(back).toEqual(definition);
    expect(back.hyperParameters).toMatchObject({ klCoef: 0, seed: 77, lossAggregation: LossAggregation.LOSS_AGGREGATION_SEQUENCE_SUM });
  });

  it('stores the hyper-parameters under their proto JSON names, readable without the trainer', () => {
    const { hyperParameters } = toNewTrainingRun(definition);
    expect(hyperParameters).toMatchObject({ samplesPerState: 2, statesPerBatch: 32, klCoef: 0, advantageEstimator: 'ADVANTAGE_ESTIMATOR_LEAVE_ONE_OUT', trainerSettings: { outputModelName: 'tiny-rl' } });
  });
});
