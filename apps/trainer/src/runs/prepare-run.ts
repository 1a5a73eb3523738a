import { createHash, randomBytes } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { failedPrecondition, invalidArgument, notFound } from '@swirl/grpc-kit';
import { CreateRunRequest, JudgeKind, ModelState, TrainingAlgorithm, type ModelRef } from '@swirl/proto';
import type { JudgeRef } from '@swirl/store';
import { codeOf, dependencyError } from '../clients/dependency-error';
import type { ServiceClients } from '../clients/service-clients';
import type { RunDefinition } from '../store/run-definition';
import type { TrainerStore } from '../store/trainer-store';
import { drawRunSeed } from '../training/derive-seed';
import type { BaseCheckpoints } from './base-checkpoints';
import { resolveHyperParameters } from './resolve-hyper-parameters';

export interface PrepareDeps {
  readonly store: TrainerStore;
  readonly clients: ServiceClients;
  readonly baseCheckpoints: BaseCheckpoints;
  /** Targets, for error messages. */
  readonly targets: { readonly inference: string; readonly judge: string };
}

const MAX_REQUEST_ID_BYTES = 128;
const MAX_REWARD_SAMPLES = 16;

/** The request's identity: a repeated request_id with another fingerprint is a different request. */
export function requestFingerprint(request: CreateRunRequest): string {
  return createHash('sha256').update(CreateRunRequest.encode(request).finish()).digest('hex');
}

/** Checks what a CreateRun request can be checked for without other services. */
export function checkCreateRunRequest(request: CreateRunRequest): void {
  if (request.requestId === '') throw invalidArgument('request_id is required: a client-chosen idempotency key (a UUID is recommended)');
  if (Buffer.byteLength(request.requestId) > MAX_REQUEST_ID_BYTES) throw invalidArgument(`request_id is longer than ${MAX_REQUEST_ID_BYTES} bytes`);
  if (request.datasetVersionId === '') throw invalidArgument('dataset_version_id is required: the dataset version (from a coordinator FILTER job) to train on');
  if (request.algorithm !== TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL && request.algorithm !== TrainingAlgorithm.TRAINING_ALGORITHM_SFT) {
    throw invalidArgument(
      request.algorithm === TrainingAlgorithm.TRAINING_ALGORITHM_UNSPECIFIED
        ? 'algorithm is required: TRAINING_ALGORITHM_SWIRL or TRAINING_ALGORITHM_SFT'
        : `algorithm ${request.algorithm} is not a known TrainingAlgorithm; use TRAINING_ALGORITHM_SWIRL or TRAINING_ALGORITHM_SFT`,
    );
  }
  if (request.rewardSamples > MAX_REWARD_SAMPLES) throw invalidArgument(`reward_samples is ${request.rewardSamples}; the judge takes at most ${MAX_REWARD_SAMPLES} votes`);
  if (request.baseCheckpointPath !== '' && !request.baseCheckpointPath.startsWith('/')) {
    throw invalidArgument(`base_checkpoint_path "${request.baseCheckpointPath}" is relative; give an absolute directory on the learner's file system`);
  }
  // Ranges first, so a bad hyper-parameter is reported whatever the references are.
  resolveHyperParameters(request.hyperParameters, { algorithm: request.algorithm, exampleCount: 1, drawSeed: () => 0 });
}

/**
 * Turns a checked CreateRun request into a run definition: the dataset version must exist and
 * hold examples, the base model must be loaded in inference (its concrete version is recorded),
 * its learner checkpoint must be known, the reward judge must exist (SWIRL), and every
 * hyper-parameter default is resolved.
 */
export async function prepareRun(deps: PrepareDeps, request: CreateRunRequest): Promise<RunDefinition> {
  const dataset = await deps.store.getDatasetVersion(request.datasetVersionId);
  if (dataset === undefined) throw notFound(`dataset version "${request.datasetVersionId}" does not exist in the store; run a FILTER job first or check the id`);
  const exampleCount = await deps.store.countDatasetExamples(dataset.id);
  if (exampleCount === 0) throw failedPrecondition(`dataset version ${dataset.id} has no examples to train on`);
  const algorithm = request.algorithm as RunDefinition['algorithm'];
  const hyperParameters = resolveHyperParameters(request.hyperParameters, { algorithm, exampleCount, drawSeed: drawRunSeed });
  const baseModel = await resolveBaseModel(deps, request.baseModel);
  const baseCheckpointPath = request.baseCheckpointPath || deps.baseCheckpoints.find(baseModel);
  if (baseCheckpointPath === undefined) {
    throw failedPrecondition(
      `no learner checkpoint is known for the base model ${baseModel.name}@${baseModel.version}: set base_checkpoint_path, or start the trainer with --base-checkpoints=${baseModel.name}@${baseModel.version}=/dir`,
    );
  }
  const rewardJudge = algorithm === TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL ? await resolveRewardJudge(deps, request.rewardJudgeId) : undefined;
  return {
    id: `run-${randomBytes(6).toString('hex')}`,
    requestId: request.requestId,
    datasetVersionId: dataset.id,
    baseModel,
    algorithm,
    hyperParameters,
    ...(rewardJudge === undefined ? {} : { rewardJudge }),
    totalUpdates: hyperParameters.updates,
    settings: {
      displayName: request.displayName,
      outputModelName: request.outputModelName || baseModel.name,
      activateExports: request.activateExports,
      rewardSamples: request.rewardSamples,
      baseCheckpointPath,
      requestFingerprint: requestFingerprint(request),
    },
  };
}

/** The concrete, READY version of the requested base model (empty name: inference's default model). */
async function resolveBaseModel(deps: PrepareDeps, requested: ModelRef | undefined): Promise<ModelRef> {
  const { inference } = deps.clients;
  const where = deps.targets.inference;
  try {
    if (!requested?.name) {
      // The default model is whatever an unnamed request is served by.
      const { model } = await inference.tokenize({ model: undefined, input: { $case: 'text', value: 'x' }, addSpecialTokens: false, addGenerationPrompt: false });
      return resolveBaseModel(deps, model);
    }
    const { model } = await inference.getModel({ model: { name: requested.name, version: requested.version } });
    if (model!.state !== ModelState.MODEL_STATE_READY) {
      throw failedPrecondition(`the base model ${requested.name}@${model!.model!.version} is ${ModelState[model!.state]} in inference, not READY`);
    }
    return { name: model!.model!.name, version: model!.model!.version };
  } catch (error) {
    if (codeOf(error) === status.NOT_FOUND) {
      const name = requested?.name ? `${requested.name}@${requested.version || '(active version)'}` : 'the default model';
      throw notFound(`base model ${name} is not loaded in the inference service at ${where}; load it first (LoadModel or --models) or name another`);
    }
    throw dependencyError('inference', where, error);
  }
}

async function resolveRewardJudge(deps: PrepareDeps, judgeId: string): Promise<JudgeRef> {
  let judges;
  try {
    ({ judges } = await deps.clients.judge.listJudges({ kind: JudgeKind.JUDGE_KIND_PROCESS }));
  } catch (error) {
    throw dependencyError('judge', deps.targets.judge, error);
  }
  const judge = judgeId === '' ? judges.find((j) => j.isDefault) : judges.find((j) => j.id === judgeId);
  if (judge === undefined) {
    const known = judges.map((j) => j.id).join(', ') || 'none';
    throw notFound(judgeId === '' ? `the judge service has no default process judge (process judges: ${known})` : `reward judge "${judgeId}" is not a process judge of the judge service (process judges: ${known})`);
  }
  return { id: judge.id, version: judge.version };
}
