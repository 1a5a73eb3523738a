import { clientTlsOptionSpec, loadServerConfig, option, OptionError, serverOptionSpec, validateClientTlsConfig, type OptionSources, type OptionValues } from '@swirl/grpc-kit';

/**
 * Settings of the judge service: the shared server settings, the LLM judge's backend (off unless
 * --inference-target is set; the rules judge needs nothing), the verdict cache, and the trajectory
 * store for Filter by id, and the TLS of its calls to both. Every setting is a flag and an
 * environment variable.
 */
export const judgeOptionSpec = {
  ...serverOptionSpec,
  grpcPort: { ...serverOptionSpec.grpcPort, default: 50054 },
  metricsPort: { ...serverOptionSpec.metricsPort, default: 9467 },
  ...clientTlsOptionSpec,
  defaultProcessJudge: option<string>({ flag: 'default-process-judge', env: 'SWIRL_JUDGE_DEFAULT', type: 'string', default: 'rules', doc: 'process judge used when a request names none: rules | llm' }),
  inferenceTarget: option<string | undefined>({
    flag: 'inference-target',
    env: 'SWIRL_JUDGE_INFERENCE_TARGET',
    type: 'string',
    default: undefined,
    doc: 'inference service (host:port) behind the llm judge and llm grader; unset = only the rules judge and deterministic graders',
  }),
  inferenceAuthToken: option<string | undefined>({ flag: 'inference-auth-token', env: 'SWIRL_JUDGE_INFERENCE_AUTH_TOKEN', type: 'string', default: undefined, doc: "bearer token for the inference service; unset = this service's own --auth-token (one token per deployment)" }),
  llmModel: option<string | undefined>({ flag: 'llm-model', env: 'SWIRL_JUDGE_LLM_MODEL', type: 'string', default: undefined, doc: 'judge model on the inference service as name or name@version (empty version = its active version); required with --inference-target' }),
  llmPrompt: option<string>({ flag: 'llm-prompt', env: 'SWIRL_JUDGE_LLM_PROMPT', type: 'string', default: 'full', doc: 'judge and grader prompts: full (the paper\'s rules) | compact (for small-context models)' }),
  llmSamples: option<number>({ flag: 'llm-samples', env: 'SWIRL_JUDGE_LLM_SAMPLES', type: 'int', default: 3, doc: 'votes per item when a request leaves samples at 0 (1-16)' }),
  llmTemperature: option<number>({ flag: 'llm-temperature', env: 'SWIRL_JUDGE_LLM_TEMPERATURE', type: 'number', default: 0.7, doc: 'sampling temperature of the votes' }),
  llmMaxNewTokens: option<number>({ flag: 'llm-max-new-tokens', env: 'SWIRL_JUDGE_LLM_MAX_NEW_TOKENS', type: 'int', default: 256, doc: 'longest explanation plus verdict a vote may write' }),
  llmMaxTranscriptChars: option<number>({ flag: 'llm-max-transcript-chars', env: 'SWIRL_JUDGE_LLM_MAX_TRANSCRIPT_CHARS', type: 'int', default: 12_000, doc: 'longest conversation put in a judge prompt; longer ones are shortened' }),
  llmTimeoutMs: option<number>({ flag: 'llm-timeout-ms', env: 'SWIRL_JUDGE_LLM_TIMEOUT_MS', type: 'int', default: 30_000, doc: 'time one item may take on the inference service; past it the item is ABSTAIN' }),
  llmMaxConcurrent: option<number>({ flag: 'llm-max-concurrent', env: 'SWIRL_JUDGE_LLM_MAX_CONCURRENT', type: 'int', default: 8, doc: 'items judged on the inference service at once' }),
  llmMaxQueued: option<number>({ flag: 'llm-max-queued', env: 'SWIRL_JUDGE_LLM_MAX_QUEUED', type: 'int', default: 1024, doc: 'items waiting for a slot before RESOURCE_EXHAUSTED' }),
  replyMarginMs: option<number>({ flag: 'reply-margin-ms', env: 'SWIRL_JUDGE_REPLY_MARGIN_MS', type: 'int', default: 200, doc: 'time kept before a caller\'s deadline to send the answer: LLM work still running then ends as ABSTAIN' }),
  cacheEntries: option<number>({ flag: 'cache-entries', env: 'SWIRL_JUDGE_CACHE_ENTRIES', type: 'int', default: 100_000, doc: 'verdicts kept in memory (least recently used go first)' }),
  cacheFile: option<string | undefined>({
    flag: 'cache-file',
    env: 'SWIRL_JUDGE_CACHE_FILE',
    type: 'string',
    default: undefined,
    doc: 'SQLite file that keeps verdicts across restarts; unset = <repo>/var/judge/verdicts.sqlite, "off" = memory only',
  }),
  coordinatorTarget: option<string | undefined>({ flag: 'coordinator-target', env: 'SWIRL_JUDGE_COORDINATOR_TARGET', type: 'string', default: undefined, doc: 'coordinator (host:port) whose trajectory store Filter reads trajectory ids from; unset = ids are refused' }),
};

export type JudgeConfig = OptionValues<typeof judgeOptionSpec>;

const PROMPTS = new Set(['full', 'compact']);

export function loadJudgeConfig(sources: OptionSources): JudgeConfig {
  const config = loadServerConfig(judgeOptionSpec, sources);
  validateClientTlsConfig(config);
  const positive = (name: string, value: number) => {
    if (!(Number.isInteger(value) && value > 0)) throw new OptionError(`${name} must be a positive integer, got ${value}`);
  };
  positive('--llm-max-new-tokens', config.llmMaxNewTokens);
  positive('--llm-max-transcript-chars', config.llmMaxTranscriptChars);
  positive('--llm-timeout-ms', config.llmTimeoutMs);
  positive('--llm-max-concurrent', config.llmMaxConcurrent);
  positive('--cache-entries', config.cacheEntries);
  if (!(config.llmSamples >= 1 && config.llmSamples <= 16)) throw new OptionError(`--llm-samples must be 1-16, got ${config.llmSamples}`);
  if (!(config.llmTemperature >= 0 && config.llmTemperature <= 5)) throw new OptionError(`--llm-temperature must be in [0, 5], got ${config.llmTemperature}`);
  if (config.llmMaxQueued < 0) throw new OptionError(`--llm-max-queued must be >= 0, got ${config.llmMaxQueued}`);
  if (config.replyMarginMs < 0) throw new OptionError(`--reply-margin-ms must be >= 0, got ${config.replyMarginMs}`);
  if (!PROMPTS.has(config.llmPrompt)) throw new OptionError(`--llm-prompt must be full or compact, got '${config.llmPrompt}'`);
  if (config.inferenceTarget !== undefined && (config.llmModel === undefined || config.llmModel.split('@')[0] === '')) {
    throw new OptionError('--inference-target needs --llm-model (the judge model\'s name on the inference service, e.g. judge or judge@v1)');
  }
  if (!['rules', 'llm'].includes(config.defaultProcessJudge)) throw new OptionError(`--default-process-judge must be rules or llm, got '${config.defaultProcessJudge}'`);
  if (config.defaultProcessJudge === 'llm' && config.inferenceTarget === undefined) throw new OptionError('--default-process-judge=llm needs --inference-target and --llm-model');
  return config;
}
