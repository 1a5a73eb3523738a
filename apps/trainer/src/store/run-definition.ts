import { RunHyperParameters, TrainingAlgorithm, type ModelRef } from '@swirl/proto';
import type { JsonObject, JudgeRef, NewTrainingRun, TrainingRun } from '@swirl/store';

/** What a run needs besides its hyper-parameters, kept with them in the store. */
export interface RunSettings {
  readonly displayName: string;
  /** Name exported versions are loaded under in inference. */
  readonly outputModelName: string;
  readonly activateExports: boolean;
  /** Votes per reward (LLM judges); 0: the judge's default. */
  readonly rewardSamples: number;
  /** Learner checkpoint of the base model (also the KL reference). */
  readonly baseCheckpointPath: string;
  /** Hash of the CreateRunRequest, to tell a repeated request from a different one with the same request_id. */
  readonly requestFingerprint: string;
}

/** A run as the trainer works with it: the store record decoded into proto types. */
export interface RunDefinition {
  readonly id: string;
  readonly requestId: string;
  readonly datasetVersionId: string;
  /** Concrete base model version. */
  readonly baseModel: ModelRef;
  readonly algorithm: TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL | TrainingAlgorithm.TRAINING_ALGORITHM_SFT;
  /** Every default resolved, the seed included. */
  readonly hyperParameters: RunHyperParameters;
  readonly rewardJudge?: JudgeRef;
  readonly totalUpdates: number;
  readonly settings: RunSettings;
}

/** Key of the settings inside the stored hyper-parameters object (next to the proto JSON fields). */
const SETTINGS_KEY = 'trainerSettings';

export function toNewTrainingRun(run: RunDefinition): NewTrainingRun {
  const hyperParameters = { ...(RunHyperParameters.toJSON(run.hyperParameters) as JsonObject), [SETTINGS_KEY]: { ...run.settings } };
  return {
    id: run.id,
    requestId: run.requestId,
    datasetVersionId: run.datasetVersionId,
    baseModel: { name: run.baseModel.name, version: run.baseModel.version },
    algorithm: run.algorithm === TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL ? 'swirl' : 'sft',
    hyperParameters,
    ...(run.rewardJudge === undefined ? {} : { rewardJudge: run.rewardJudge }),
    totalUpdates: run.totalUpdates,
  };
}

export function fromTrainingRun(record: TrainingRun): RunDefinition {
  const { [SETTINGS_KEY]: stored, ...hp } = record.hyperParameters as JsonObject & { [SETTINGS_KEY]?: Partial<RunSettings> };
  const settings = stored ?? {};
  return {
    id: record.id,
    requestId: record.requestId ?? '',
    datasetVersionId: record.datasetVersionId,
    baseModel: { name: record.baseModel.name, version: record.baseModel.version },
    algorithm: record.algorithm === 'swirl' ? TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL : TrainingAlgorithm.TRAINING_ALGORITHM_SFT,
    hyperParameters: RunHyperParameters.fromJSON(hp),
    ...(record.rewardJudge === undefined ? {} : { rewardJudge: record.rewardJudge }),
    totalUpdates: record.totalUpdates,
    settings: {
      displayName: settings.displayName ?? '',
      outputModelName: settings.outputModelName ?? record.baseModel.name,
      activateExports: settings.activateExports ?? false,
      rewardSamples: settings.rewardSamples ?? 0,
      baseCheckpointPath: settings.baseCheckpointPath ?? '',
      requestFingerprint: settings.requestFingerprint ?? '',
    },
  };
}
