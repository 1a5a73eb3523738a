import { createClient, idempotentMethodsFromDescriptorSet, type ClientOptions } from '@swirl/grpc-kit';
import {
  InferenceServiceClient,
  JudgeServiceClient,
  LearnerServiceClient,
  readDescriptorSet,
  type GenerateRequest,
  type GenerateResponse,
  type GetModelRequest,
  type GetModelResponse,
  type InitRequest,
  type InitResponse,
  type ExportRequest,
  type ExportResponse,
  type GetStatusResponse,
  type JudgeStepsRequest,
  type JudgeStepsResponse,
  type ListJudgesRequest,
  type ListJudgesResponse,
  type LoadModelRequest,
  type LoadModelResponse,
  type SaveRequest,
  type SaveResponse,
  type TokenizeRequest,
  type TokenizeResponse,
  type TrainStepRequest,
  type TrainStepResponse,
  type UnloadModelRequest,
  type UnloadModelResponse,
} from '@swirl/proto';
import { unaryCall } from './unary-call';

/** The learner calls a run makes. */
export interface LearnerPort {
  init(request: InitRequest, signal?: AbortSignal): Promise<InitResponse>;
  trainStep(request: TrainStepRequest, signal?: AbortSignal): Promise<TrainStepResponse>;
  save(request: SaveRequest, signal?: AbortSignal): Promise<SaveResponse>;
  export(request: ExportRequest, signal?: AbortSignal): Promise<ExportResponse>;
  /** Short deadline: it answers even while a long call runs. */
  getStatus(signal?: AbortSignal): Promise<GetStatusResponse>;
}

/** The inference calls: fresh actions, tokenization for SFT, hot-loading exports. */
export interface InferencePort {
  generate(request: GenerateRequest, signal?: AbortSignal): Promise<GenerateResponse>;
  tokenize(request: TokenizeRequest, signal?: AbortSignal): Promise<TokenizeResponse>;
  getModel(request: GetModelRequest, signal?: AbortSignal): Promise<GetModelResponse>;
  loadModel(request: LoadModelRequest, signal?: AbortSignal): Promise<LoadModelResponse>;
  unloadModel(request: UnloadModelRequest, signal?: AbortSignal): Promise<UnloadModelResponse>;
}

/** The judge calls: rewards and the judge's identity. */
export interface JudgePort {
  judgeSteps(request: JudgeStepsRequest, signal?: AbortSignal): Promise<JudgeStepsResponse>;
  listJudges(request: ListJudgesRequest, signal?: AbortSignal): Promise<ListJudgesResponse>;
}

export interface ServiceClients {
  readonly learner: LearnerPort;
  readonly inference: InferencePort;
  readonly judge: JudgePort;
  close(): void;
}

export interface ServiceClientOptions {
  readonly learnerTarget: string;
  readonly inferenceTarget: string;
  readonly judgeTarget: string;
  readonly learnerTimeoutMs: number;
  readonly inferenceTimeoutMs: number;
  readonly judgeTimeoutMs: number;
  /** Sent as a bearer token to the other services when set. */
  readonly authToken?: string;
  /** TLS of every call (clientTlsOptions of the settings); unset: plaintext. */
  readonly tls?: ClientOptions['tls'];
}

const STATUS_TIMEOUT_MS = 5000;

/**
 * Clients of the three services the trainer drives, with the kit's policy (retries of
 * idempotent calls on UNAVAILABLE, keepalive). The learner channel reconnects quickly: a
 * restarted learner must be found within seconds, not after grpc's default 2-minute backoff.
 * Its keepalive pings are rarer than Python gRPC servers accept by default (one per 5 minutes
 * without data; more earn a GOAWAY "too many pings"): a crashed learner on the same host is
 * noticed by the connection reset anyway.
 */
export function createServiceClients(options: ServiceClientOptions): ServiceClients {
  const idempotentMethods = idempotentMethodsFromDescriptorSet(readDescriptorSet());
  const common = { idempotentMethods, authToken: options.authToken, tls: options.tls, maxMessageBytes: 256 * 1024 * 1024 };
  const learner = createClient(LearnerServiceClient, {
    ...common,
    target: options.learnerTarget,
    defaultTimeoutMs: options.learnerTimeoutMs,
    keepaliveTimeMs: 310_000,
    channelOptions: { 'grpc.initial_reconnect_backoff_ms': 200, 'grpc.max_reconnect_backoff_ms': 1000 },
  });
  const inference = createClient(InferenceServiceClient, { ...common, target: options.inferenceTarget, defaultTimeoutMs: options.inferenceTimeoutMs });
  const judge = createClient(JudgeServiceClient, { ...common, target: options.judgeTarget, defaultTimeoutMs: options.judgeTimeoutMs });
  const l = (timeoutMs: number, signal?: AbortSignal) => ({ timeoutMs, signal });
  return {
    learner: {
      init: (r, s) => unaryCall(learner.init.bind(learner), r, l(options.learnerTimeoutMs, s)),
      trainStep: (r, s) => unaryCall(learner.trainStep.bind(learner), r, l(options.learnerTimeoutMs, s)),
      save: (r, s) => unaryCall(learner.save.bind(learner), r, l(options.learnerTimeoutMs, s)),
      export: (r, s) => unaryCall(learner.export.bind(learner), r, l(options.learnerTimeoutMs, s)),
      getStatus: (s) => unaryCall(learner.getStatus.bind(learner), {}, l(STATUS_TIMEOUT_MS, s)),
    },
    inference: {
      generate: (r, s) => unaryCall(inference.generate.bind(inference), r, l(options.inferenceTimeoutMs, s)),
      tokenize: (r, s) => unaryCall(inference.tokenize.bind(inference), r, l(options.inferenceTimeoutMs, s)),
      getModel: (r, s) => unaryCall(inference.getModel.bind(inference), r, l(options.inferenceTimeoutMs, s)),
      loadModel: (r, s) => unaryCall(inference.loadModel.bind(inference), r, l(options.inferenceTimeoutMs, s)),
      unloadModel: (r, s) => unaryCall(inference.unloadModel.bind(inference), r, l(options.inferenceTimeoutMs, s)),
    },
    judge: {
      judgeSteps: (r, s) => unaryCall(judge.judgeSteps.bind(judge), r, l(options.judgeTimeoutMs, s)),
      listJudges: (r, s) => unaryCall(judge.listJudges.bind(judge), r, l(options.judgeTimeoutMs, s)),
    },
    close: () => {
      learner.close();
      inference.close();
      judge.close();
    },
  };
}
