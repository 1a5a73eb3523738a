import { status } from '@grpc/grpc-js';
import { ModelBackend, ModelState, type ModelRef, type RunModelExported } from '@swirl/proto';
import type { InferencePort } from '../clients/service-clients';
import type { LearnerSession } from './learner-session';

export interface PublishRequest {
  readonly runId: string;
  readonly update: number;
  readonly attempt: number;
  /** Name and version to load the export under. */
  readonly model: ModelRef;
  readonly outputDir: string;
  readonly activate: boolean;
  readonly signal?: AbortSignal;
}

/**
 * Exports the learner's current policy (ONNX, verified against PyTorch by the learner) and
 * loads it into inference, so the next samples come from it.
 */
export async function publishPolicy(session: LearnerSession, inference: InferencePort, request: PublishRequest): Promise<RunModelExported> {
  const key = `${request.runId}/update-${request.update}/attempt-${request.attempt}`;
  const exported = await session.export(`${key}/export`, request.outputDir, request.model);
  await loadModel(inference, exported.modelPath, request, key);
  return { update: request.update, model: request.model, modelPath: exported.modelPath, activated: request.activate };
}

/**
 * Loads an export into inference. A version of the same name from an abandoned attempt (the run
 * resumed from an earlier checkpoint) holds other weights: it is unloaded and replaced.
 */
export async function loadModel(inference: InferencePort, sourceUri: string, request: Pick<PublishRequest, 'model' | 'activate' | 'signal'>, key: string): Promise<void> {
  const load = (requestId: string) =>
    inference.loadModel({ requestId, model: request.model, sourceUri, backend: ModelBackend.MODEL_BACKEND_ONNX, activate: request.activate, openaiRemote: undefined }, request.signal);
  let response;
  try {
    response = await load(`${key}/load`);
  } catch (error) {
    if ((error as { code?: number }).code !== status.ALREADY_EXISTS) throw error;
    await inference.unloadModel({ model: request.model, allowActive: true }, request.signal);
    response = await load(`${key}/reload`);
  }
  const info = response.model!;
  if (info.state !== ModelState.MODEL_STATE_READY) {
    throw new Error(`inference did not load ${request.model.name}@${request.model.version} from ${sourceUri}: ${ModelState[info.state]} ${info.errorMessage}`);
  }
}
