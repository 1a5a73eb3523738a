import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { clientTlsOptions, createClient, createServerMetrics, idempotentMethodsFromDescriptorSet, startGrpcService, type Logger, type RunningGrpcService } from '@swirl/grpc-kit';
import { CoordinatorServiceClient, InferenceServiceClient, OutcomeVerdict, readDescriptorSet, Verdict, type ModelRef } from '@swirl/proto';
import { openSqliteVerdictStore, type VerdictStore } from './cache/sqlite-verdict-store';
import { VerdictCache } from './cache/verdict-cache';
import { createJudgeServer } from './create-judge-server';
import type { JudgeConfig } from './judge-config';
import { createJudgeMetrics } from './judge-metrics';
import { createDeterministicGraders } from './judges/deterministic-graders';
import { JudgeRegistry } from './judges/judge-registry';
import { createLlmOutcomeGrader } from './judges/llm-outcome-grader';
import { createLlmProcessJudge } from './judges/llm-process-judge';
import type { OutcomeGraderBackend } from './judges/outcome-grader';
import type { ProcessJudge } from './judges/process-judge';
import { createRulesProcessJudge } from './judges/rules-process-judge';
import { InferenceBackend } from './llm/inference-backend';
import { coordinatorTrajectorySource, NO_TRAJECTORY_STORE } from './trajectories/trajectory-source';

export const JUDGE_VERSION: string = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version;

/** `<repo>/var/judge/verdicts.sqlite`, the repo found by its nx.json. */
export function defaultCacheFile(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json')) && dir !== dirname(dir)) dir = dirname(dir);
  return join(dir, 'var', 'judge', 'verdicts.sqlite');
}

function modelRefOf(text: string): ModelRef {
  const [name, version] = text.split('@');
  return { name: name!, version: version ?? '' };
}

export interface RunningJudgeService extends RunningGrpcService {
  /** The SQLite file verdicts persist in; undefined when the cache is memory only. */
  readonly cacheFile: string | undefined;
}

/**
 * Composition root of the judge service: metrics, the verdict cache (memory in front of the
 * SQLite file), the judges (rules always; llm judge and grader when an inference service is
 * configured), the trajectory store client, and the gRPC server. Nothing to load, so it reports
 * SERVING as soon as it listens.
 */
export async function startJudgeService(config: JudgeConfig, logger: Logger): Promise<RunningJudgeService> {
  const metrics = createServerMetrics('judge', JUDGE_VERSION);
  const idempotentMethods = idempotentMethodsFromDescriptorSet(readDescriptorSet());
  const cacheFile = config.cacheFile === 'off' ? undefined : resolve(config.cacheFile ?? defaultCacheFile());
  const store: VerdictStore | undefined = cacheFile === undefined ? undefined : openSqliteVerdictStore(cacheFile);

  const processJudges: ProcessJudge[] = [createRulesProcessJudge()];
  const graders: OutcomeGraderBackend[] = createDeterministicGraders();
  // One token per deployment unless the inference service has its own (the auth-token component sets only SWIRL_AUTH_TOKEN).
  const inferenceAuthToken = config.inferenceAuthToken ?? config.authToken;
  const tls = clientTlsOptions(config);
  let inference: InferenceServiceClient | undefined;
  if (config.inferenceTarget !== undefined) {
    inference = createClient(InferenceServiceClient, {
      target: config.inferenceTarget,
      idempotentMethods,
      ...(inferenceAuthToken === undefined ? {} : { authToken: inferenceAuthToken }),
      ...(tls === undefined ? {} : { tls }),
    });
    const backend = new InferenceBackend({ client: inference, target: config.inferenceTarget, timeoutMs: config.llmTimeoutMs, maxConcurrent: config.llmMaxConcurrent, maxQueued: config.llmMaxQueued });
    const model = modelRefOf(config.llmModel!);
    const sampling = { defaultSamples: config.llmSamples, temperature: config.llmTemperature, maxNewTokens: config.llmMaxNewTokens };
    const prompt = config.llmPrompt as 'full' | 'compact';
    processJudges.push(createLlmProcessJudge(backend, { model, prompt, maxTranscriptChars: config.llmMaxTranscriptChars, ...sampling }));
    graders.push(createLlmOutcomeGrader(backend, { model, prompt, ...sampling }));
  }
  const coordinator =
    config.coordinatorTarget === undefined
      ? undefined
      : createClient(CoordinatorServiceClient, {
          target: config.coordinatorTarget,
          idempotentMethods,
          ...(config.authToken === undefined ? {} : { authToken: config.authToken }),
          ...(tls === undefined ? {} : { tls }),
        });

  const running = await startGrpcService({
    config,
    logger,
    metrics,
    descriptorSet: readDescriptorSet(),
    services: [
      createJudgeServer({
        registry: new JudgeRegistry(processJudges, graders, config.defaultProcessJudge),
        stepCache: new VerdictCache('step', Verdict, config.cacheEntries, store),
        outcomeCache: new VerdictCache('outcome', OutcomeVerdict, config.cacheEntries, store),
        trajectories: coordinator === undefined ? NO_TRAJECTORY_STORE : coordinatorTrajectorySource(coordinator, config.coordinatorTarget!),
        metrics: createJudgeMetrics(metrics.registry),
        replyMarginMs: config.replyMarginMs,
        logger,
      }),
    ],
    onShutdown: async () => {
      inference?.close();
      coordinator?.close();
      store?.close();
    },
  });
  logger.info('judges ready', {
    processJudges: processJudges.map((j) => j.id),
    graders: graders.map((g) => g.id),
    defaultProcessJudge: config.defaultProcessJudge,
    cacheFile: cacheFile ?? 'off',
    storedVerdicts: store?.count() ?? 0,
    inference: config.inferenceTarget ?? 'off',
  });
  running.setServing(true);
  return { ...running, cacheFile };
}
