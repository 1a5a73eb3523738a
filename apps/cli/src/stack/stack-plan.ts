import { join } from 'node:path';
import type { ServiceSpec } from './service-process';
import { REPO, SERVICE_ORDER, type ServiceName, type StackConfig } from './stack-options';

/**
 * The local stack runs plaintext without a token whatever the caller's environment holds (the
 * services inherit it): a SWIRL_TLS_CA or SWIRL_AUTH_TOKEN meant for a remote deployment would
 * otherwise switch TLS or auth on in every service. An empty value counts as unset.
 */
export const PLAINTEXT_ENV: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    ['SWIRL_AUTH_TOKEN', 'SWIRL_SERVICE_AUTH_TOKEN', 'SWIRL_JUDGE_INFERENCE_AUTH_TOKEN', 'SWIRL_TLS_CERT', 'SWIRL_TLS_KEY', 'SWIRL_TLS_CLIENT_CA', 'SWIRL_TLS_CA', 'SWIRL_TLS_SERVER_NAME'].map((name) => [name, '']),
  ),
);

/** The command line of every service of the local stack, wired to each other's ports. */
export function planStack(config: StackConfig): ServiceSpec[] {
  const target = (name: ServiceName) => `${config.host}:${config.ports[name]}`;
  const node = (name: ServiceName, extra: string[], nodeFlags: string[] = []): ServiceSpec => ({
    name,
    command: process.execPath,
    args: [...nodeFlags, join(REPO, 'apps', name, 'dist', 'main.js'), `--host=${config.host}`, `--grpc-port=${config.ports[name]}`, `--metrics-port=${config.metricsPorts[name]}`, ...extra],
    target: target(name),
    env: PLAINTEXT_ENV,
    logFile: join(config.stateDir, 'logs', `${name}.log`),
    startTimeoutMs: config.startTimeoutMs,
  });
  const corpora = [`world=jsonl:${config.worldCorpusPath}`, ...(config.benchmarkCorpora ? ['hotpotqa-dev', 'musique-dev'] : [])];
  const artifacts = join(config.stateDir, 'artifacts');
  const policy = `${config.policy.name}@${config.policy.version}`;
  const specs: Record<ServiceName, ServiceSpec> = {
    tools: node('tools', [`--corpora=${corpora.join(',')}`, `--index-cache-dir=${join(config.stateDir, 'index-cache')}`]),
    // GC on the allocating thread: V8's concurrent GC helpers otherwise take a core's worth of
    // time from the engine threads (tools/bench/inference-throughput).
    inference: node('inference', [`--models=${policy}=${config.policy.dir}`, '--openai-port=-1', `--intra-op-threads=${config.inferenceThreads}`, `--engine-threads=${config.inferenceEngineThreads}`], ['--single-threaded-gc']),
    // The LLM judge is wired to the policy model too (the rules judge stays the default).
    judge: node('judge', [`--inference-target=${target('inference')}`, `--llm-model=${config.policy.name}`, `--cache-file=${join(config.stateDir, 'verdict-cache.db')}`, `--coordinator-target=${target('coordinator')}`]),
    learner: {
      name: 'learner',
      command: config.python,
      args: ['-m', 'swirl_learner', 'serve', `--host=${config.host}`, `--port=${config.ports.learner}`, `--metrics-port=${config.metricsPorts.learner}`,
        `--checkpoint-root=${join(artifacts, 'checkpoints')}`, `--export-root=${join(artifacts, 'exports')}`],
      env: { ...PLAINTEXT_ENV, PYTHONPATH: join(REPO, 'apps', 'learner') },
      target: target('learner'),
      logFile: join(config.stateDir, 'logs', 'learner.log'),
      startTimeoutMs: config.startTimeoutMs,
    },
    trainer: node('trainer', [`--learner-target=${target('learner')}`, `--inference-target=${target('inference')}`, `--judge-target=${target('judge')}`,
      `--store-path=${config.storePath}`, `--artifacts-dir=${artifacts}`, `--base-checkpoints=${config.policy.name}@*=${config.policy.dir}`]),
    coordinator: node('coordinator', [`--store=${config.storePath}`, `--tools-target=${target('tools')}`, `--inference-target=${target('inference')}`,
      `--judge-target=${target('judge')}`, `--trainer-target=${target('trainer')}`, `--data-dir=${config.dataDir}`, '--world-corpus=world']),
  };
  return SERVICE_ORDER.map((name) => specs[name]);
}
