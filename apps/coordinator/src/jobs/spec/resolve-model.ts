import { status } from '@grpc/grpc-js';
import { GrpcStatusError } from '@swirl/grpc-kit';
import type { GetModelResponse, InferenceServiceClient, ModelRef } from '@swirl/proto';
import { describeCallError, grpcCode, unaryCall } from '../../clients/unary-call';

/**
 * The concrete version of a requested model (empty name: the service's default model; empty
 * version: the active version), resolved at StartJob so a later hot swap does not change a
 * running job. NOT_FOUND when the inference service does not have it.
 */
export async function resolveModel(client: InferenceServiceClient, requested: ModelRef | undefined, field: string, signal: AbortSignal): Promise<ModelRef> {
  const model = { name: requested?.name ?? '', version: requested?.version ?? '' };
  try {
    const res = await unaryCall<{ model: ModelRef }, GetModelResponse>(client.getModel.bind(client), { model }, { signal, timeoutMs: 30_000 });
    const info = res.model;
    if (info?.model === undefined || info.model.name === '' || info.model.version === '') throw new Error('GetModel answered without a concrete model version');
    return { name: info.model.name, version: info.model.version };
  } catch (err) {
    const code = grpcCode(err);
    const what = `${field} ${model.name || '(default model)'}@${model.version || '(active version)'}`;
    if (code === status.NOT_FOUND) throw new GrpcStatusError(status.NOT_FOUND, `${what} is not loaded in the inference service: ${describeCallError(err)}`);
    if (code === status.UNAVAILABLE || code === status.DEADLINE_EXCEEDED) throw new GrpcStatusError(status.UNAVAILABLE, `the inference service cannot resolve ${what}: ${describeCallError(err)}`);
    if (code === status.FAILED_PRECONDITION) throw new GrpcStatusError(status.FAILED_PRECONDITION, `${what}: ${describeCallError(err)}`);
    throw err;
  }
}
