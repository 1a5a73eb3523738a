import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Gauge } from 'prom-client';
import { createServerMetrics, OptionError, startGrpcService, type Logger, type RunningGrpcService } from '@swirl/grpc-kit';
import { ModelBackend, ModelState, readDescriptorSet } from '@swirl/proto';
import { createEngineMetrics } from './engine/engine-metrics';
import { ModelRegistry } from './model/model-registry';
import { createInferenceServer } from './service/create-inference-server';
import { startOpenAiHttpServer } from './openai/openai-http-server';
import type { InferenceConfig } from './inference-config';

export const INFERENCE_VERSION: string = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version;

export interface RunningInferenceService extends RunningGrpcService {
  readonly registry: ModelRegistry;
  /** Port of the OpenAI-compatible HTTP API; undefined when it is off. */
  readonly openaiPort: number | undefined;
}

/** Composition root: metrics, model registry, gRPC server; loads the configured models, then SERVING. */
export async function startInferenceService(config: InferenceConfig, logger: Logger): Promise<RunningInferenceService> {
  const specs = config.models.map(parseModelSpec);
  const metrics = createServerMetrics('inference', INFERENCE_VERSION);
  const modelInfo = new Gauge({ name: 'swirl_inference_model_info', help: 'Loaded model versions (1 = ready, 0 = other states).', labelNames: ['model', 'version', 'active'], registers: [metrics.registry] });
  const registry = new ModelRegistry({
    limits: { maxBatchSize: config.maxBatchSize, maxQueued: config.maxQueued, joinHoldSteps: config.joinHoldSteps, regroupWaitMs: config.regroupWaitMs, idleSpinMs: config.engineIdleSpinMs },
    metrics: createEngineMetrics(metrics.registry),
    session: { intraOpThreads: config.intraOpThreads },
    scoreBatchSize: config.scoreBatchSize,
    engineThreads: config.engineThreads,
    env: process.env,
    onChange: (versions) => {
      modelInfo.reset();
      for (const v of versions) modelInfo.set({ model: v.name, version: v.version, active: String(registry.isActive(v)) }, v.state === ModelState.MODEL_STATE_READY ? 1 : 0);
    },
  });
  const running = await startGrpcService({
    config,
    logger,
    metrics,
    descriptorSet: readDescriptorSet(),
    services: [createInferenceServer({ registry, logger, maxScoreItems: config.maxScoreItems })],
  });
  for (const spec of specs) {
    const { version } = await registry.load({ name: spec.name, version: spec.version }, spec.source, spec.backend, true);
    if (version.state !== ModelState.MODEL_STATE_READY) {
      await running.shutdown('start-up failed');
      await registry.releaseAll();
      throw new Error(`model ${spec.name}@${spec.version} failed to load: ${version.errorMessage}`);
    }
    logger.info('model ready', { model: spec.name, version: spec.version, source: spec.source, vocab: version.model!.vocabSize, context: version.model!.contextLength });
  }
  const openai = config.openaiPort >= 0 ? await startOpenAiHttpServer(registry, logger, config.host, config.openaiPort) : undefined;
  if (openai !== undefined) logger.info('openai-compatible api listening', { openaiPort: openai.port });
  running.setServing(true);
  return {
    ...running,
    registry,
    openaiPort: openai?.port,
    shutdown: async (reason) => {
      if (openai !== undefined) {
        openai.server.close();
        openai.server.closeAllConnections();
      }
      await running.shutdown(reason);
      await registry.releaseAll();
    },
  };
}

/** `name@version=dir` (ONNX) or `name@version=http://host:port/v1` (a model of that id on an OpenAI-compatible server). */
function parseModelSpec(spec: string): { name: string; version: string; source: string; backend: ModelBackend } {
  const m = /^([^@=]+)@([^=]+)=(.+)$/.exec(spec);
  if (m === null) throw new OptionError(`--models: "${spec}" must look like name@version=dir or name@version=http://host:port/v1`);
  const remote = /^https?:\/\//.test(m[3]!);
  return { name: m[1]!, version: m[2]!, source: m[3]!, backend: remote ? ModelBackend.MODEL_BACKEND_OPENAI_REMOTE : ModelBackend.MODEL_BACKEND_ONNX };
}
