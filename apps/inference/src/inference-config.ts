import { loadServerConfig, option, OptionError, serverOptionSpec, type OptionSources, type OptionValues } from '@swirl/grpc-kit';

/** Settings of the inference service (flags and environment variables; `--help` lists them). */
export const inferenceOptionSpec = {
  ...serverOptionSpec,
  grpcPort: { ...serverOptionSpec.grpcPort, default: 50053 },
  metricsPort: { ...serverOptionSpec.metricsPort, default: 9466 },
  models: option<readonly string[]>({
    flag: 'models',
    env: 'SWIRL_INFERENCE_MODELS',
    type: 'list',
    default: [],
    doc: 'models to load at start-up as name@version=dir (an ONNX directory) or name@version=http://host:port/v1 (a model of that id on an OpenAI-compatible server); the first is the default model',
  }),
  openaiPort: option<number>({ flag: 'openai-port', env: 'SWIRL_INFERENCE_OPENAI_PORT', type: 'int', default: 8000, doc: 'OpenAI-compatible HTTP API (/v1/completions, /v1/chat/completions, /v1/models); 0 = any free port, -1 = off' }),
  maxBatchSize: option<number>({ flag: 'max-batch-size', env: 'SWIRL_INFERENCE_MAX_BATCH', type: 'int', default: 16, doc: 'sequences decoded together per engine thread' }),
  maxQueued: option<number>({ flag: 'max-queued', env: 'SWIRL_INFERENCE_MAX_QUEUED', type: 'int', default: 256, doc: 'requests waiting for a place in the batch, per engine thread, before RESOURCE_EXHAUSTED' }),
  joinHoldSteps: option<number>({
    flag: 'join-hold-steps',
    env: 'SWIRL_INFERENCE_JOIN_HOLD_STEPS',
    type: 'int',
    default: 16,
    doc: 'decode steps a queued request may wait for a batch whose sequences all end within that many steps, to start level with the requests that follow instead of padded behind them; 0 = join at once',
  }),
  regroupWaitMs: option<number>({
    flag: 'regroup-wait-ms',
    env: 'SWIRL_INFERENCE_REGROUP_WAIT_MS',
    type: 'int',
    default: 20,
    doc: 'milliseconds the first requests reaching an empty batch may wait for as many as completed in the last that many milliseconds, to be prefilled together; 0 = admit at once',
  }),
  // Only after a lone sequence (a batch sleeps at once), and briefly: the local stack runs every
  // service on the same 2 cores, where a spinning thread takes CPU from the services that produce
  // its next request (tools/bench/inference-throughput, session 15).
  engineIdleSpinMs: option<number>({
    flag: 'engine-idle-spin-ms',
    env: 'SWIRL_INFERENCE_ENGINE_IDLE_SPIN_MS',
    type: 'int',
    default: 10,
    doc: 'milliseconds an engine thread that has just answered a lone sequence (one sample, nothing else since it was last idle) keeps polling for the next request instead of sleeping, so a closed-loop client finds it awake (it uses a core meanwhile); after a batch it sleeps at once; 0 = always sleep at once',
  }),
  // One thread by default: the local stack runs every service (and its clients) on the same
  // cores, and measured throughput was higher with one (tools/bench/inference-throughput).
  intraOpThreads: option<number>({ flag: 'intra-op-threads', env: 'SWIRL_INFERENCE_THREADS', type: 'int', default: 1, doc: 'onnxruntime threads per operator (0 = one per core)' }),
  // One by default, for a service sharing its cores with others; the local stack runs two and the
  // Kubernetes Deployment one per core of its CPU limit (tools/bench/inference-throughput).
  engineThreads: option<number>({
    flag: 'engine-threads',
    env: 'SWIRL_INFERENCE_ENGINE_THREADS',
    type: 'int',
    default: 1,
    doc: 'decoding threads per model version, each with its own onnxruntime session and batch of up to max-batch-size (and queue of max-queued); requests go to the least loaded',
  }),
  maxScoreItems: option<number>({ flag: 'max-score-items', env: 'SWIRL_INFERENCE_MAX_SCORE_ITEMS', type: 'int', default: 256, doc: 'sequences one Score request may hold' }),
  scoreBatchSize: option<number>({ flag: 'score-batch-size', env: 'SWIRL_INFERENCE_SCORE_BATCH', type: 'int', default: 16, doc: 'sequences per Score forward pass' }),
};

export type InferenceConfig = OptionValues<typeof inferenceOptionSpec>;

export function loadInferenceConfig(sources: OptionSources): InferenceConfig {
  const config = loadServerConfig(inferenceOptionSpec, sources);
  for (const [flag, value] of [['engine-threads', config.engineThreads], ['max-batch-size', config.maxBatchSize], ['max-queued', config.maxQueued]] as const) {
    if (value < 1) throw new OptionError(`--${flag} must be at least 1, got ${value}`);
  }
  if (config.joinHoldSteps < 0) throw new OptionError(`--join-hold-steps must be 0 (join at once) or more, got ${config.joinHoldSteps}`);
  if (config.regroupWaitMs < 0) throw new OptionError(`--regroup-wait-ms must be 0 (admit at once) or more, got ${config.regroupWaitMs}`);
  if (config.engineIdleSpinMs < 0) throw new OptionError(`--engine-idle-spin-ms must be 0 (sleep at once) or more, got ${config.engineIdleSpinMs}`);
  return config;
}
