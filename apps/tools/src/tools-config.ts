import { loadServerConfig, option, serverOptionSpec, type OptionSources, type OptionValues } from '@swirl/grpc-kit';

/**
 * Settings of the tools service: the shared server settings plus corpora and per-tool limits.
 * Every setting is a flag and an environment variable (`--help` lists them with defaults).
 */
export const toolsOptionSpec = {
  ...serverOptionSpec,
  grpcPort: { ...serverOptionSpec.grpcPort, default: 50052 },
  metricsPort: { ...serverOptionSpec.metricsPort, default: 9465 },
  dataDir: option<string | undefined>({
    flag: 'data-dir',
    env: 'SWIRL_DATA_DIR',
    type: 'string',
    default: undefined,
    doc: 'directory with the benchmark data; unset = <repo>/../shared/data',
  }),
  corpora: option<readonly string[]>({
    flag: 'corpora',
    env: 'SWIRL_CORPORA',
    type: 'list',
    default: ['hotpotqa-dev', 'musique-dev'],
    doc: 'search corpora: standard names (hotpotqa-dev, musique-dev, hotpotqa-train, ...) or name=format:path (formats: jsonl, hotpotqa-distractor, title-text-json, musique; paths relative to the data dir); the first is the default',
  }),
  indexCacheDir: option<string | undefined>({
    flag: 'index-cache-dir',
    env: 'SWIRL_INDEX_CACHE_DIR',
    type: 'string',
    default: undefined,
    doc: 'where built search indexes persist; unset = <repo>/var/search-index',
  }),
  maxConcurrentPerTool: option<number>({ flag: 'max-concurrent-per-tool', env: 'SWIRL_TOOLS_MAX_CONCURRENT', type: 'int', default: 16, doc: 'executions of one tool running at once' }),
  maxQueuedPerTool: option<number>({ flag: 'max-queued-per-tool', env: 'SWIRL_TOOLS_MAX_QUEUED', type: 'int', default: 256, doc: 'executions of one tool waiting for a slot before RESOURCE_EXHAUSTED' }),
  defaultTimeoutMs: option<number>({ flag: 'default-timeout-ms', env: 'SWIRL_TOOLS_DEFAULT_TIMEOUT_MS', type: 'int', default: 2000, doc: 'per-call time bound when the request sets none' }),
  maxTimeoutMs: option<number>({ flag: 'max-timeout-ms', env: 'SWIRL_TOOLS_MAX_TIMEOUT_MS', type: 'int', default: 30_000, doc: 'largest per-call time bound a request may ask for' }),
  maxOutputBytes: option<number>({ flag: 'max-output-bytes', env: 'SWIRL_TOOLS_MAX_OUTPUT_BYTES', type: 'int', default: 8192, doc: 'tool output beyond this is cut and marked truncated' }),
};

export type ToolsConfig = OptionValues<typeof toolsOptionSpec>;

export function loadToolsConfig(sources: OptionSources): ToolsConfig {
  return loadServerConfig(toolsOptionSpec, sources);
}
